"""A list's columns fitted to their header and the rows on screen: when the list is first
filled, when the language or the text size changes, not at each re-read.

``ResizeToContents`` measured every cell on screen again at each re-read, before painting it
(each cell asked for every role: a third of the time a list took to show), and a filter re-reads
the list at each keystroke: columns that jumped at each key were hard to follow too. Fitted
once, a column keeps its width until something that changes every width happens, and the person
can widen it; the stretched columns share what is left.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

_REFIT_ON = frozenset({QEvent.Type.Show, QEvent.Type.FontChange, QEvent.Type.StyleChange})


class FittedColumns(QObject):
    """Fits ``table``'s columns (except ``stretched``, which take the room left) when due."""

    def __init__(self, table: QTableView, stretched: Iterable[int] = ()) -> None:
        super().__init__(table)
        self._table = table
        self._stretched = frozenset(stretched)
        self._due = True
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(0)  # the rows on screen, not every row read
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in self._stretched:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.model().modelReset.connect(self._fit_if_due)
        table.installEventFilter(self)

    def refit(self) -> None:
        """Fit again now, or when the table is next shown (the language has changed)."""
        self._due = True
        self._fit_if_due()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._table and event.type() in _REFIT_ON:
            self._due = self._due or event.type() != QEvent.Type.Show
            self._fit_if_due()
        return False

    def _fit_if_due(self) -> None:
        table = self._table
        if not self._due or not table.isVisible():
            return
        model = table.model()
        for column in range(model.columnCount()):
            if column not in self._stretched:
                table.resizeColumnToContents(column)
        self._due = model.rowCount() == 0  # fitted to the header alone: again with rows
