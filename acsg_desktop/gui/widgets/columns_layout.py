"""A grid of up to N columns that uses fewer columns (more rows) when the room is too narrow
for all of them at their natural width: a larger text size never widens the window."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

from acsg_desktop.gui.widgets.flow_layout import ItemsLayout, layout_gap


class ColumnsLayout(ItemsLayout):
    """Its items row by row in ``columns`` columns (each as wide as its widest item), or in
    as many as fit."""

    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = max(1, columns)

    def sizeHint(self) -> QSize:
        widths = self._widths(self._columns)
        return QSize(self._span(widths), self._height(len(widths))).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        return QSize(self._span(self._widths(1)), 0).grownBy(self.contentsMargins())

    def _widths(self, columns: int) -> list[int]:
        """Each column's width with the items in ``columns`` columns."""
        widths = [0] * min(columns, max(1, len(self._items)))
        for position, item in enumerate(self._items):
            column = position % len(widths)
            widths[column] = max(widths[column], item.sizeHint().width())
        return widths

    def _span(self, widths: list[int]) -> int:
        return sum(widths) + layout_gap(self, Qt.Orientation.Horizontal) * (len(widths) - 1)

    def _fitting(self, width: int) -> list[int]:
        """The widths of the most columns that fit in ``width`` (one at least)."""
        for columns in range(self._columns, 1, -1):
            if self._span(widths := self._widths(columns)) <= width:
                return widths
        return self._widths(1)

    def _row_heights(self, columns: int) -> list[int]:
        heights = [0] * -(-len(self._items) // columns)
        for position, item in enumerate(self._items):
            row = position // columns
            heights[row] = max(heights[row], item.sizeHint().height())
        return heights

    def _height(self, columns: int) -> int:
        heights = self._row_heights(columns)
        return sum(heights) + layout_gap(self, Qt.Orientation.Vertical) * max(0, len(heights) - 1)

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (only measure unless ``move``); the height used."""
        area = rect.marginsRemoved(self.contentsMargins())
        widths = self._fitting(area.width())
        heights = self._row_heights(len(widths))
        across = layout_gap(self, Qt.Orientation.Horizontal)
        down = layout_gap(self, Qt.Orientation.Vertical)
        if move:
            for position, item in enumerate(self._items):
                row, column = divmod(position, len(widths))
                x = area.x() + sum(widths[:column]) + across * column
                y = area.y() + sum(heights[:row]) + down * row
                item.setGeometry(QRect(x, y, widths[column], heights[row]))
        margins = self.contentsMargins()
        return self._height(len(widths)) + margins.top() + margins.bottom()
