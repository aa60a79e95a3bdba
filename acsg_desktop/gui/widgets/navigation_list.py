"""The main window's list of areas, as wide as its longest name in the current language and
text size (a fixed 210 pixels left Spanish cramped and took room the lists' titles needed)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QListWidget, QWidget

# the shortest width: a short language still gives the areas a column that reads as one
MINIMUM_WIDTH = 150
# room beside the text: the item's padding, the frame and a scroll bar's worth of air
TEXT_MARGIN = 36


class NavigationList(QListWidget):
    """Call ``fit_width()`` after the items' texts change; a font change fits it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSpacing(4)

    def fit_width(self) -> None:
        widest = max(
            (
                self.fontMetrics().horizontalAdvance(self.item(row).text())
                for row in range(self.count())
            ),
            default=0,
        )
        self.setFixedWidth(max(MINIMUM_WIDTH, widest + TEXT_MARGIN + 2 * self.spacing()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_width()
