"""The report's look, shared by its sections: the embedded DejaVu Sans fonts, paragraph
styles, plain-text paragraphs, score bars and tables.

Every font is the shipped DejaVu Sans, embedded; the canvas default (Helvetica, which would stay
unembedded) is replaced before anything is drawn (``register_fonts``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from acsg_desktop.core.i18n import format_date
from acsg_desktop.core.text_rules import clean
from acsg_desktop.paths import resources_dir

FONT = "DejaVuSans"
BLUE = "#1f5fa8"
GREY = "#9aa5b1"
PADDING = 12 + 1  # a table cell's left and right padding (6 each), and a point to spare


def register_fonts() -> None:
    from reportlab import rl_config
    from reportlab.lib import styles as _rl_styles  # noqa: F401 - must load before the base font
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


def styles() -> dict[str, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "small_note": ParagraphStyle(
            "small_note", parent=base, fontName=f"{FONT}-Oblique", fontSize=8, leading=10
        ),
        "notice": ParagraphStyle(
            "notice",
            parent=base,
            fontName=f"{FONT}-Bold",
            textColor=HexColor("#8a4b00"),
            spaceBefore=2,
            spaceAfter=6,
        ),
        "label": ParagraphStyle("label", parent=base, fontName=f"{FONT}-Bold"),
        "th": ParagraphStyle("th", parent=base, fontName=f"{FONT}-Bold", fontSize=8, leading=10),
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
            keepWithNext=1,  # never a heading alone at the foot of a page
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=f"{FONT}-Bold",
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
    }


def p(text: object, style: Any) -> Any:
    """A paragraph of plain text: unprintable characters dropped, line breaks kept."""
    from reportlab.platypus import Paragraph

    lines = clean(str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return Paragraph(escape(lines).replace("\n", "<br/>"), style)


def bar(value: float | None, width: float = 160) -> Any:
    from reportlab.graphics.shapes import Drawing, Rect

    drawing = Drawing(width, 10, initialFontName=FONT)
    drawing.add(Rect(0, 1, width, 8, fillColor="#e6e6e6", strokeColor=None))
    if value is not None:
        drawing.add(Rect(0, 1, width * value / 100, 8, fillColor=BLUE, strokeColor=None))
    return drawing


def long_date(value: str | None) -> str:
    """An ISO date or date and time as a date people read, in the current language
    ("1 December 2026", "1 décembre 2026"); a dash when there is none. A time with its zone
    is taken on this computer's clock, where the report is made."""
    if not value:
        return "–"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return format_date(moment.date(), "long")


def fitted_widths(widths: list[float], columns: list[list[str]], style: Any) -> list[float]:
    """``widths`` widened so that no word of ``columns`` (per column, the texts that must not
    break inside a word: "Targe/t") has to break, the room taken from the columns with the
    most to spare; the total stays the same when it can."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def word_room(texts: list[str]) -> float:
        words = [word for text in texts for word in text.split()] or [""]
        widest = max(float(stringWidth(w, style.fontName, style.fontSize)) for w in words)
        return widest + PADDING

    needed = [word_room(texts) for texts in columns]
    fitted = [max(width, need) for width, need in zip(widths, needed, strict=True)]
    excess = sum(fitted) - sum(widths)
    while excess > 0.01:
        spare, column = max((fitted[i] - needed[i], i) for i in range(len(fitted)))
        if spare <= 0:
            break
        taken = min(spare, excess)
        fitted[column] -= taken
        excess -= taken
    return fitted


def headed_table(
    headers: list[str],
    rows: list[list[Any]],
    widths: list[float],
    s: dict[str, Any],
    whole: dict[int, list[str]] | None = None,
) -> Any:
    """A table whose bold header row (repeated on each page) never breaks inside a word, nor
    do the words of ``whole`` (column -> texts shown in it, such as level names)."""
    head = [p(text, s["th"]) for text in headers]
    columns = [[text, *(whole or {}).get(column, [])] for column, text in enumerate(headers)]
    return table([head, *rows], fitted_widths(widths, columns, s["th"]))


def table(rows: list[list[Any]], widths: list[float], header: bool = True) -> Any:
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


def area_titles(areas: Iterable[Any]) -> dict[str, str]:
    """Area ids to their titles in the report's language (from ``scores.areas``)."""
    return {area.id: area.title for area in areas}
