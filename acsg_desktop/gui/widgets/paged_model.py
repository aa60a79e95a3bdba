"""A table model over a paged query: rows are fetched in batches as the view scrolls.

Sorting re-queries (the query sorts in SQL); filters live in the query the page sets. Each
row's texts are made once (dates and percentages through Babel are not cheap) and kept until
the rows are read again or the language changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView

from acsg_desktop.core.i18n import current_language
from acsg_desktop.core.records.list_rows import FIRST_PAGE_SIZE, PAGE_SIZE, PageOrder
from acsg_desktop.gui.widgets.table_model import Index, RowTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole

Row = TypeVar("Row")
# offset, limit, order -> the rows
PageQuery = Callable[[int, int, PageOrder], list[Row]]


def _nothing(offset: int, limit: int, order: PageOrder) -> list[Row]:
    return []


class PagedTableModel(RowTableModel[Row], Generic[Row]):
    """Holds the rows fetched so far; ``fetchMore`` asks ``query`` for the next batch.

    ``sort_keys`` names, per column, the sort key the query understands; a column without one
    is not sortable (clicking its header keeps the current order).
    """

    sort_keys: ClassVar[dict[int, str]] = {}

    def __init__(self, batch: int = PAGE_SIZE, first_batch: int = FIRST_PAGE_SIZE) -> None:
        super().__init__()
        self.batch = batch
        self.first_batch = min(batch, first_batch)
        self.order = PageOrder()
        self._query: PageQuery[Row] = _nothing
        self._done = True
        self._reach = 0  # the rows held before the last reload
        self._texts: dict[int, Sequence[str]] = {}
        self._texts_language = current_language()

    def set_query(self, query: PageQuery[Row]) -> None:
        """Read from ``query`` from the next ``reload`` (or ``sort``) on."""
        self._query = query

    def reload(self) -> None:
        """Forget the rows and read the first (smaller) batch again."""
        self._reach = len(self._rows)
        rows = self._query(0, self.first_batch, self.order)
        self._done = len(rows) < self.first_batch
        self.set_rows(rows)

    def set_rows(self, rows: list[Row]) -> None:
        self._texts.clear()
        super().set_rows(rows)

    def row_texts(self, row: Row) -> Sequence[str]:
        """Every column's text of ``row``; models whose columns share work make them at once."""
        return [self.display(row, column) for column in range(len(self.headers))]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role in self._unanswered:  # most questions a view asks: answered first, at once
            return None
        if role != DISPLAY or not index.isValid():
            return super().data(index, role)
        texts = self._texts.get(index.row())
        if texts is None:
            self._texts_language = current_language()
            texts = self.row_texts(self._rows[index.row()])
            texts = self._texts[index.row()] = [self.shown(text) for text in texts]
        return texts[index.column()]

    def retranslate(self) -> None:
        if current_language() != self._texts_language:  # not on the screen's first showing
            self._texts.clear()
        super().retranslate()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._done

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._done:
            return
        start = len(self._rows)
        rows = self._query(start, self.batch, self.order)
        self._done = len(rows) < self.batch
        if rows:
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.sort_keys.get(column)
        if key is None:
            return
        self.order = PageOrder(key, order == Qt.SortOrder.DescendingOrder)
        self.reload()

    def find_row(self, matches: Callable[[Row], bool]) -> int | None:
        """The position of the first row that ``matches``, reading further batches up to as
        many rows as the list held before its last reload, and at least a whole batch (a row
        chosen, or just added further down, is found again)."""
        reach = max(self._reach, self.batch)
        while True:
            found = next((n for n, row in enumerate(self._rows) if matches(row)), None)
            if found is not None or len(self._rows) >= reach or not self.canFetchMore():
                return found
            self.fetchMore()


def keep_indicator_on_sortable(header: QHeaderView, model: PagedTableModel[Any]) -> None:
    """Put the header's sort arrow back when a column the query cannot sort by is clicked."""

    def changed(column: int, order: Qt.SortOrder) -> None:
        if column not in model.sort_keys:
            by_key = {key: col for col, key in model.sort_keys.items()}
            previous = by_key.get(model.order.key, -1)
            direction = (
                Qt.SortOrder.DescendingOrder
                if model.order.descending
                else Qt.SortOrder.AscendingOrder
            )
            header.blockSignals(True)
            header.setSortIndicator(previous, direction)
            header.blockSignals(False)

    header.sortIndicatorChanged.connect(changed)
