"""Support requests as a Qt table model, and a proxy that filters and sorts them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from acsg_desktop.core.i18n import N_, format_datetime, format_percent
from acsg_desktop.core.records.requests import SupportRequest
from acsg_desktop.core.requests.filters import RequestFilter
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.requests.validation import completeness
from acsg_desktop.gui.widgets.table_model import ROW_ROLE, RowTableModel

COL_ID, COL_TITLE, COL_STATUS, COL_STAGE, COL_TYPES, COL_COMPLETE, COL_UPDATED = range(7)
HEADERS = (
    N_("No."),
    N_("Title"),
    N_("Status"),
    N_("Match stage"),
    N_("Support"),
    N_("Complete"),
    N_("Updated"),
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
REQUEST_ROLE = ROW_ROLE
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


class RequestTableModel(RowTableModel[SupportRequest]):
    """One row per request; the request itself is under ``REQUEST_ROLE``."""

    headers = HEADERS

    def extra(self, row: SupportRequest, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        return None

    def _sort_key(self, request: SupportRequest, column: int) -> object:
        keys = {
            COL_ID: request.id,
            COL_COMPLETE: completeness(request.content),
            COL_UPDATED: request.updated_at.isoformat(),
        }
        return keys.get(column, self.display(request, column).casefold())

    def display(self, request: SupportRequest, column: int) -> str:
        content = request.content
        values = {
            COL_ID: str(request.id),
            COL_TITLE: content.title,
            COL_STATUS: label(request.status),
            COL_STAGE: label(request.match_stage) if request.match_stage else "–",
            COL_TYPES: ", ".join(label(t) for t in content.support_types),
            COL_COMPLETE: format_percent(completeness(content)),
            COL_UPDATED: format_datetime(request.updated_at, "short"),
        }
        return values[column]


class RequestFilterProxy(QSortFilterProxyModel):
    """Keeps the requests matching a status, an area, a support type and a text."""

    def __init__(self) -> None:
        super().__init__()
        self.request_filter = RequestFilter()
        self.setSortRole(SORT_ROLE)

    def set_filters(self, status: str, area: str, support_type: str, text: str) -> None:
        """Keep the rows the core's :class:`RequestFilter` lets through ("" means any)."""
        self.beginFilterChange()
        self.request_filter = RequestFilter.from_values(status, area, support_type, text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        request = self.sourceModel().index(row, 0, parent).data(REQUEST_ROLE)
        return isinstance(request, SupportRequest) and self.request_filter.matches(request)
