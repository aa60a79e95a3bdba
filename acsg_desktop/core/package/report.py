"""The package report for people (ReportLab): cover, scores with bars, gaps, unmet needs,
requests, the offers they would like to discuss, answers.

Every font is the shipped DejaVu Sans, embedded (``report_style``). Pages say "Page X of Y".
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from acsg_desktop.core.assessment.labels import KIND_LABELS, aim_label, percent_label
from acsg_desktop.core.i18n import _, country_name, format_money, pgettext
from acsg_desktop.core.package.model import AnswerEntry, PackageDocument, RequestEntry
from acsg_desktop.core.package.report_offers import offers_section, unmet_section
from acsg_desktop.core.package.report_style import FONT, bar, p, register_fonts, styles, table
from acsg_desktop.core.records.assessment import AnswerKind
from acsg_desktop.core.records.offers import Offer
from acsg_desktop.core.records.request_codec import content_from_dict
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.text_rules import clean


def _cover(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import PageBreak, Spacer

    authority, assessment = document.authority, document.assessment
    return [
        Spacer(1, 120),
        p(_("Asylum capacity self-assessment and support requests"), s["title"]),
        p(authority.name, s["h1"]),
        p(
            _("Country: {country} ({code})").format(
                country=country_name(authority.country) or authority.country,
                code=authority.country,
            ),
            s["body"],
        ),
        p(
            _("Assessment: {title} ({year}), framework {version}").format(
                title=assessment.title,
                year=assessment.year,
                version=assessment.framework.version,
            ),
            s["body"],
        ),
        p(
            _("Prepared by {name} on {date}").format(
                name=document.prepared_by, date=document.created[:10]
            ),
            s["body"],
        ),
        p(_("Package {id}").format(id=document.package_id), s["small"]),
        PageBreak(),
    ]


def _summary(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    scores = document.scores
    aims = [
        [p(aim_label(aim), s["body"]), bar(value), p(percent_label(value), s["body"])]
        for aim, value in scores.aims.items()
    ]
    areas = [
        [
            p(area.title, s["small"]),
            bar(area.score, 150),
            p(percent_label(area.score), s["small"]),
        ]
        for area in scores.areas
    ]
    return [
        p(_("Summary"), s["h1"]),
        p(
            _(
                "Answered: {completion} of the applicable indicators. Overall score: {overall}."
            ).format(
                completion=percent_label(scores.completion),
                overall=percent_label(scores.overall),
            ),
            s["body"],
        ),
        p(_("The four ACSG aims"), s["h2"]),
        table(aims, [130, 170, 60], header=False),
        p(_("Areas"), s["h2"]),
        table(areas, [250, 160, 60], header=False),
    ]


def _gaps(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    rows = [
        [
            p(h, s["small"])
            for h in (
                "#",
                _("Indicator"),
                _("Level"),
                pgettext("capacity level", "Target"),
                _("Next step"),
            )
        ]
    ]
    for rank, gap in enumerate(document.gaps, start=1):
        rows.append(
            [
                p(rank, s["small"]),
                p(gap.question, s["small"]),
                p(gap.level, s["small"]),
                p(gap.target_level, s["small"]),
                p(gap.next_step or "", s["small"]),
            ]
        )
    return [p(_("Gaps, most pressing first"), s["h1"]), table(rows, [24, 170, 40, 58, 188])]


def _request_rows(request: RequestEntry, s: dict[str, Any]) -> list[list[Any]]:
    content = content_from_dict(request.content)
    budget = (
        format_money(content.budget, content.currency)
        if content.budget is not None and content.currency
        else "–"
    )
    fields = [
        (_("Type of support"), ", ".join(label(t) for t in content.support_types)),
        (_("How"), ", ".join(label(m) for m in content.modalities)),
        (_("Focus"), label(content.focus) if content.focus else "–"),
        (_("Description of the need"), content.description),
        (_("Capacity plan"), content.plan_reference or "–"),
        (_("Forum pledge"), content.pledge_reference or "–"),
        (_("Preferred partners"), ", ".join(label(k) for k in content.partner_kinds)),
        (_("Start"), str(content.start or "–")),
        (_("Duration (months)"), str(content.duration_months or "–")),
        (_("Budget"), budget),
        (_("Expected results"), content.expected_results),
        (_("How results are measured"), content.measurement),
        (_("After the support ends"), content.sustainability),
        (_("Contact person"), content.contact_person),
        (_("Approved by {name}").format(name=request.approved_by), request.approved_at),
    ]
    return [[p(name, s["small"]), p(value, s["small"])] for name, value in fields]


def _requests(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    flow: list[Any] = [p(_("Support requests"), s["h1"])]
    for request in document.requests:
        flow += [
            p(f"{request.id}. {request.content['title']}", s["h2"]),
            table(_request_rows(request, s), [130, 350], header=False),
        ]
    return flow


def _shown_answer(answer: AnswerEntry) -> str:
    """How an answer reads in the appendix, in the report's language."""
    if not answer.applies:
        return _("Not applicable")
    if answer.kind is None:
        return _("Not answered")
    if answer.kind == AnswerKind.LEVEL.value:
        return str(answer.level)
    return _(KIND_LABELS[AnswerKind(answer.kind)])


def _answers(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    rows = [[p(h, s["small"]) for h in (_("Indicator"), _("Answer"), _("Note"), _("Evidence"))]]
    for answer in document.assessment.answers:
        shown = _shown_answer(answer)
        rows.append(
            [
                p(answer.question, s["small"]),
                p(shown, s["small"]),
                p(answer.note, s["small"]),
                p(answer.evidence, s["small"]),
            ]
        )
    return [p(_("Appendix: every answer"), s["h1"]), table(rows, [185, 85, 105, 105])]


def _numbered_canvas(label: str) -> type[Any]:
    """A canvas that holds each page until the last one is laid out, then writes "Page X of Y"
    on every page: one layout pass, where counting the pages first would take two.

    Args:
        label: the translated "Page {page} of {pages}".
    """
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, page in enumerate(self._held_pages, start=1):
                self.__dict__.update(page)
                self.setFont(FONT, 8)
                text = label.format(page=number, pages=total)
                self.drawRightString(self._pagesize[0] - 40, 25, text)
                super().showPage()
            super().save()

    return NumberedCanvas


def _story(document: PackageDocument, offers: Mapping[str, Offer]) -> list[Any]:
    """Fresh flowables: ReportLab changes them while laying them out (never reuse them)."""
    from reportlab.platypus import PageBreak

    s = styles()
    return (
        _cover(document, s)
        + _summary(document, s)
        + [PageBreak()]
        + _gaps(document, s)
        + [PageBreak()]
        + unmet_section(document, s)
        + [PageBreak()]
        + _requests(document, s)
        + [PageBreak()]
        + offers_section(document, offers, s)
        + [PageBreak()]
        + _answers(document, s)
    )


def build_report(document: PackageDocument, offers: Mapping[str, Offer] | None = None) -> bytes:
    """The report PDF (not yet PDF/A nor signed) in the current language.

    Args:
        document: the typed package document (``package_document``).
        offers: the installed catalogue's offers by id, to name the offers of interest
            (an offer not in it is shown by its id, as no longer in the catalogue).

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
    numbered = _numbered_canvas(_("Page {page} of {pages}"))
    template.build(_story(document, offers or {}), canvasmaker=numbered)
    return buffer.getvalue()
