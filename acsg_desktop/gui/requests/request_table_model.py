"""Support requests as a Qt table model, fetched a page at a time, sorted and filtered in SQL."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt

from acsg_desktop.core.i18n import N_, format_datetime, format_percent
from acsg_desktop.core.records.list_rows import RequestListRow
from acsg_desktop.core.requests.labels import label
from acsg_desktop.gui.widgets.paged_model import PagedTableModel
from acsg_desktop.gui.widgets.table_model import ROW_ROLE

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


class RequestTableModel(PagedTableModel[RequestListRow]):
    """One row per request; the row under ``REQUEST_ROLE``, its id under ``ID_ROLE``."""

    headers = HEADERS
    two_line_headers: ClassVar[frozenset[int]] = frozenset({COL_STAGE})
    sort_keys: ClassVar[dict[int, str]] = {
        COL_ID: "id",
        COL_TITLE: "title",
        COL_STATUS: "status",
        COL_STAGE: "stage",
        COL_TYPES: "types",
        COL_COMPLETE: "complete",
        COL_UPDATED: "updated",
    }

    def extra(self, row: RequestListRow, column: int, role: int) -> Any:
        return row.id if role == ID_ROLE else None

    def row_texts(self, row: RequestListRow) -> list[str]:
        return [
            str(row.id),
            row.title,
            label(row.status),
            label(row.match_stage) if row.match_stage else "–",
            ", ".join(label(t) for t in row.support_types),
            "–" if row.completeness is None else format_percent(row.completeness),
            format_datetime(row.updated_at, "short"),
        ]

    def display(self, row: RequestListRow, column: int) -> str:
        return self.row_texts(row)[column]
