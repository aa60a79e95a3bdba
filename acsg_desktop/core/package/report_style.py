"""The report's look, shared by its sections: the embedded DejaVu Sans fonts, paragraph
styles, plain-text paragraphs, score bars and tables.

Every font is the shipped DejaVu Sans, embedded; the canvas default (Helvetica, which would stay
unembedded) is replaced before anything is drawn (``register_fonts``).
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from acsg_desktop.core.text_rules import clean
from acsg_desktop.paths import resources_dir

FONT = "DejaVuSans"
BLUE = "#1f5fa8"


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
