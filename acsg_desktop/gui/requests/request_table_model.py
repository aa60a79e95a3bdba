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
    """One row per request; the row under ``REQUEST_ROLE``, its id under ``ID_ROLE``.

    "Complete" is worked out for the fetched rows only, so the list cannot be sorted by it.
    """

    headers = HEADERS
    sort_keys: ClassVar[dict[int, str]] = {
        COL_ID: "id",
        COL_TITLE: "title",
        COL_STATUS: "status",
        COL_STAGE: "stage",
        COL_TYPES: "types",
        COL_UPDATED: "updated",
    }

    def extra(self, row: RequestListRow, column: int, role: int) -> Any:
        return row.id if role == ID_ROLE else None

    def display(self, row: RequestListRow, column: int) -> str:
        values = {
            COL_ID: str(row.id),
            COL_TITLE: row.title,
            COL_STATUS: label(row.status),
            COL_STAGE: label(row.match_stage) if row.match_stage else "–",
            COL_TYPES: ", ".join(label(t) for t in row.support_types),
            COL_COMPLETE: format_percent(row.completeness),
            COL_UPDATED: format_datetime(row.updated_at, "short"),
        }
        return values[column]
