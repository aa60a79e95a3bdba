"""The package report for people (ReportLab): cover with the signature block, executive
summary, charts of the scores and of the change since the previous assessment, gaps, action
plan, unmet needs, requests, the offers they would like to discuss, answers by area.

Every font is the shipped DejaVu Sans, embedded (``report_style``). Pages say "Page X of Y".
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from acsg_desktop.core.i18n import _, format_date, format_money
from acsg_desktop.core.package.model import PackageDocument, RequestEntry
from acsg_desktop.core.package.report_action_plan import action_plan_flowables
from acsg_desktop.core.package.report_answers import answers_section, gaps_section
from acsg_desktop.core.package.report_canvas import numbered_canvas
from acsg_desktop.core.package.report_cover import cover
from acsg_desktop.core.package.report_evidence import evidence_flowables
from acsg_desktop.core.package.report_offers import offers_section, unmet_section
from acsg_desktop.core.package.report_style import (
    area_titles,
    long_date,
    p,
    register_fonts,
    styles,
    table,
)
from acsg_desktop.core.package.report_summary import area_scores, comparison, executive_summary
from acsg_desktop.core.records.offers import Offer
from acsg_desktop.core.records.request_codec import content_from_dict
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.text_rules import clean


def _request_rows(
    request: RequestEntry, titles: dict[str, str], s: dict[str, Any]
) -> list[list[Any]]:
    content = content_from_dict(request.content)
    budget = (
        format_money(content.budget, content.currency)
        if content.budget is not None and content.currency
        else "–"
    )
    fields = [
        (_("Areas"), ", ".join(titles.get(area, area) for area in content.areas) or "–"),
        (_("Type of support"), ", ".join(label(t) for t in content.support_types)),
        (_("How"), ", ".join(label(m) for m in content.modalities)),
        (_("Focus"), label(content.focus) if content.focus else "–"),
        (_("Description of the need"), content.description),
        (_("Capacity plan"), content.plan_reference or "–"),
        (_("Forum pledge"), content.pledge_reference or "–"),
        (_("Preferred partners"), ", ".join(label(k) for k in content.partner_kinds)),
        (_("Start"), format_date(content.start, "long") if content.start else "–"),
        (_("Duration (months)"), str(content.duration_months or "–")),
        (_("Budget"), budget),
        (_("Expected results"), content.expected_results),
        (_("How results are measured"), content.measurement),
        (_("After the support ends"), content.sustainability),
        (_("Contact person"), content.contact_person),
        (_("Approved by {name}").format(name=request.approved_by), long_date(request.approved_at)),
    ]
    return [[p(name, s["small"]), p(value, s["small"])] for name, value in fields]


def _requests(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    flow: list[Any] = [p(_("Support requests"), s["h1"])]
    if not document.requests:
        return [*flow, p(_("No support request is included in this package."), s["body"])]
    titles = area_titles(document.scores.areas)
    for request in document.requests:
        flow += [
            p(f"{request.id}. {request.content['title']}", s["h2"]),
            table(_request_rows(request, titles, s), [130, 365], header=False),
        ]
    return flow


def _story(document: PackageDocument, offers: Mapping[str, Offer], draft: bool) -> list[Any]:
    """Fresh flowables: ReportLab changes them while laying them out (never reuse them)."""
    from reportlab.platypus import PageBreak

    s = styles()
    return (
        cover(document, s, draft)
        + executive_summary(document, s)
        + [PageBreak()]
        + area_scores(document, s)
        + comparison(document, s)
        + [PageBreak()]
        + gaps_section(document, s)
        + action_plan_flowables(document, s)
        + [PageBreak()]
        + unmet_section(document, s)
        + [PageBreak()]
        + _requests(document, s)
        + [PageBreak()]
        + offers_section(document, offers, s)
        + [PageBreak()]
        + answers_section(document, s)
        + evidence_flowables(document, s)
    )


def build_report(
    document: PackageDocument, offers: Mapping[str, Offer] | None = None, *, draft: bool = False
) -> bytes:
    """The report PDF (not yet PDF/A nor signed) in the current language.

    Args:
        document: the typed package document (``package_document``).
        offers: the installed catalogue's offers by id, to name the offers of interest
            (an offer not in it is shown by its id, as no longer in the catalogue).
        draft: a preview before signing: the same pages, "DRAFT – NOT SIGNED" across each,
            and a signature block that says it is not signed.

    Returns:
        The PDF bytes. Text flows over as many pages as it needs; unprintable characters
        (``text_rules.clean``) are left out.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=_("ACSG submission package"),
        author=clean(document.authority.name, multiline=False),
        leftMargin=50,
        rightMargin=50,
        topMargin=50,
        bottomMargin=50,
    )
    mark = _("DRAFT – NOT SIGNED") if draft else ""
    numbered = numbered_canvas(_("Page {page} of {pages}"), mark)
    template.build(_story(document, offers or {}, draft), canvasmaker=numbered)
    return buffer.getvalue()


def build_draft_report(
    document: PackageDocument, offers: Mapping[str, Offer] | None = None
) -> bytes:
    """The report as it would be signed, marked as an unsigned draft on every page."""
    return build_report(document, offers, draft=True)
