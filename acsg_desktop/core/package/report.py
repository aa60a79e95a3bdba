"""The package report for people (ReportLab): cover, scores with bars, gaps, requests, answers.

Every font is the shipped DejaVu Sans, embedded; the canvas default (Helvetica, which would stay
unembedded) is replaced before anything is drawn. Pages say "Page X of Y".
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from acsg_desktop.core.assessment.labels import KIND_LABELS, aim_label, percent_label
from acsg_desktop.core.i18n import _, country_name, format_money, pgettext
from acsg_desktop.core.package.model import AnswerEntry, PackageDocument, RequestEntry
from acsg_desktop.core.records.assessment import AnswerKind
from acsg_desktop.core.records.request_codec import content_from_dict
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.text_rules import clean
from acsg_desktop.paths import resources_dir

FONT = "DejaVuSans"
BLUE = "#1f5fa8"


def _register_fonts() -> None:
    from reportlab import rl_config
    from reportlab.lib import styles as _styles  # noqa: F401 - must load before the base font
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = resources_dir() / "fonts"
    faces = {
        FONT: "DejaVuSans.ttf",
        f"{FONT}-Bold": "DejaVuSans-Bold.ttf",
        f"{FONT}-Oblique": "DejaVuSans-Oblique.ttf",
        f"{FONT}-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    }
    for name, file in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(
        FONT,
        normal=FONT,
        bold=f"{FONT}-Bold",
        italic=f"{FONT}-Oblique",
        boldItalic=f"{FONT}-BoldOblique",
    )
    rl_config.canvas_basefontname = FONT


def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "title": ParagraphStyle(
            "title", parent=base, fontName=f"{FONT}-Bold", fontSize=22, leading=28, spaceAfter=12
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=f"{FONT}-Bold",
            fontSize=15,
            leading=19,
            spaceBefore=10,
            spaceAfter=6,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=f"{FONT}-Bold",
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
        ),
    }


def _p(text: object, style: Any) -> Any:
    """A paragraph of plain text: unprintable characters dropped, line breaks kept."""
    from reportlab.platypus import Paragraph

    lines = clean(str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return Paragraph(escape(lines).replace("\n", "<br/>"), style)


def _bar(value: float | None, width: float = 160) -> Any:
    from reportlab.graphics.shapes import Drawing, Rect

    drawing = Drawing(width, 10, initialFontName=FONT)
    drawing.add(Rect(0, 1, width, 8, fillColor="#e6e6e6", strokeColor=None))
    if value is not None:
        drawing.add(Rect(0, 1, width * value / 100, 8, fillColor=BLUE, strokeColor=None))
    return drawing


def _table(rows: list[list[Any]], widths: list[float], header: bool = True) -> Any:
    from reportlab.platypus import Table, TableStyle

    # splitInRow: a row taller than what is left of the page (long evidence) goes on over the
    # next pages instead of raising LayoutError.
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#bbbbbb"),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), "#dde6f2"))
    table.setStyle(TableStyle(commands))
    return table


def _cover(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import PageBreak, Spacer

    authority, assessment = document.authority, document.assessment
    return [
        Spacer(1, 120),
        _p(_("Asylum capacity self-assessment and support requests"), s["title"]),
        _p(authority.name, s["h1"]),
        _p(
            _("Country: {country} ({code})").format(
                country=country_name(authority.country) or authority.country,
                code=authority.country,
            ),
            s["body"],
        ),
        _p(
            _("Assessment: {title} ({year}), framework {version}").format(
                title=assessment.title,
                year=assessment.year,
                version=assessment.framework.version,
            ),
            s["body"],
        ),
        _p(
            _("Prepared by {name} on {date}").format(
                name=document.prepared_by, date=document.created[:10]
            ),
            s["body"],
        ),
        _p(_("Package {id}").format(id=document.package_id), s["small"]),
        PageBreak(),
    ]


def _summary(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    scores = document.scores
    aims = [
        [_p(aim_label(aim), s["body"]), _bar(value), _p(percent_label(value), s["body"])]
        for aim, value in scores.aims.items()
    ]
    areas = [
        [
            _p(area.title, s["small"]),
            _bar(area.score, 150),
            _p(percent_label(area.score), s["small"]),
        ]
        for area in scores.areas
    ]
    return [
        _p(_("Summary"), s["h1"]),
        _p(
            _(
                "Answered: {completion} of the applicable indicators. Overall score: {overall}."
            ).format(
                completion=percent_label(scores.completion),
                overall=percent_label(scores.overall),
            ),
            s["body"],
        ),
        _p(_("The four ACSG aims"), s["h2"]),
        _table(aims, [130, 170, 60], header=False),
        _p(_("Areas"), s["h2"]),
        _table(areas, [250, 160, 60], header=False),
    ]


def _gaps(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    rows = [
        [
            _p(h, s["small"])
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
                _p(rank, s["small"]),
                _p(gap.question, s["small"]),
                _p(gap.level, s["small"]),
                _p(gap.target_level, s["small"]),
                _p(gap.next_step or "", s["small"]),
            ]
        )
    return [_p(_("Gaps, most pressing first"), s["h1"]), _table(rows, [24, 170, 40, 58, 188])]


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
    return [[_p(name, s["small"]), _p(value, s["small"])] for name, value in fields]


def _requests(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    flow: list[Any] = [_p(_("Support requests"), s["h1"])]
    for request in document.requests:
        flow += [
            _p(f"{request.id}. {request.content['title']}", s["h2"]),
            _table(_request_rows(request, s), [130, 350], header=False),
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
    rows = [[_p(h, s["small"]) for h in (_("Indicator"), _("Answer"), _("Note"), _("Evidence"))]]
    for answer in document.assessment.answers:
        shown = _shown_answer(answer)
        rows.append(
            [
                _p(answer.question, s["small"]),
                _p(shown, s["small"]),
                _p(answer.note, s["small"]),
                _p(answer.evidence, s["small"]),
            ]
        )
    return [_p(_("Appendix: every answer"), s["h1"]), _table(rows, [185, 85, 105, 105])]


def _page_numbers(total_pages: list[int]) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        text = _("Page {page} of {pages}").format(page=doc.page, pages=total_pages[0] or "?")
        canvas.drawRightString(doc.pagesize[0] - 40, 25, text)
        canvas.restoreState()

    return draw


def _story(document: PackageDocument) -> list[Any]:
    """Fresh flowables: ReportLab changes them while laying them out, so each pass needs its own."""
    from reportlab.platypus import PageBreak

    s = _styles()
    return (
        _cover(document, s)
        + _summary(document, s)
        + [PageBreak()]
        + _gaps(document, s)
        + [PageBreak()]
        + _requests(document, s)
        + [PageBreak()]
        + _answers(document, s)
    )


def build_report(document: PackageDocument) -> bytes:
    """The report PDF (not yet PDF/A nor signed) in the current language.

    Args:
        document: the typed package document (``package_document``).

    Returns:
        The PDF bytes. Text flows over as many pages as it needs; unprintable characters
        (``text_rules.clean``) are left out.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    _register_fonts()
    total: list[int] = [0]
    for _pass in range(2):  # the first pass counts the pages for "Page X of Y"
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
        template.build(
            _story(document), onFirstPage=_page_numbers(total), onLaterPages=_page_numbers(total)
        )
        total[0] = template.page
    return buffer.getvalue()
