"""The report's page furniture: "Page X of Y" on every page, and on a draft preview a diagonal
"DRAFT – NOT SIGNED" across every page."""

from __future__ import annotations

import math
from typing import Any

from acsg_desktop.core.package.report_style import FONT

WATERMARK_COLOUR = (0.75, 0.1, 0.1)
WATERMARK_ALPHA = 0.16


def _watermark(canvas: Any, text: str) -> None:
    """``text`` across the page's diagonal, in large translucent letters."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width, height = canvas._pagesize
    font = f"{FONT}-Bold"
    size = 60.0
    diagonal = (width**2 + height**2) ** 0.5
    size = min(size, size * diagonal * 0.8 / stringWidth(text, font, size))
    canvas.saveState()
    canvas.setFillColorRGB(*WATERMARK_COLOUR, alpha=WATERMARK_ALPHA)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    canvas.setFont(font, size)
    canvas.drawCentredString(0, -size / 3, text)
    canvas.restoreState()


def numbered_canvas(label: str, watermark: str = "") -> type[Any]:
    """A canvas that holds each page until the last one is laid out, then writes "Page X of Y"
    on every page (and ``watermark``, if any, across it): one layout pass, where counting the
    pages first would take two.

    Args:
        label: the translated "Page {page} of {pages}".
        watermark: the translated draft mark, or "" for the report that is signed.
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
                if watermark:
                    _watermark(self, watermark)
                self.setFont(FONT, 8)
                text = label.format(page=number, pages=total)
                self.drawRightString(self._pagesize[0] - 40, 25, text)
                super().showPage()
            super().save()

    return NumberedCanvas
