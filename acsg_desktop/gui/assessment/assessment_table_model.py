"""The list of assessments as a Qt table model, fetched a page at a time."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt

from acsg_desktop.core.i18n import N_, _, format_datetime, format_percent
from acsg_desktop.core.records.assessment import STATUS_LABELS
from acsg_desktop.core.records.list_rows import AssessmentListRow
from acsg_desktop.gui.widgets.paged_model import PagedTableModel

COL_TITLE, COL_YEAR, COL_STATUS, COL_COMPLETION, COL_FRAMEWORK, COL_UPDATED = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AssessmentTableModel(PagedTableModel[AssessmentListRow]):
    """Assessments, newest year first until a header is clicked; the id is under ``ID_ROLE``."""

    headers = (
        N_("Title"),
        N_("Year"),
        N_("Status"),
        N_("Answered"),
        N_("Framework"),
        N_("Updated"),
    )
    sort_keys: ClassVar[dict[int, str]] = {
        COL_TITLE: "title",
        COL_YEAR: "year",
        COL_STATUS: "status",
        COL_COMPLETION: "completion",
        COL_FRAMEWORK: "framework",
        COL_UPDATED: "updated",
    }

    def extra(self, row: AssessmentListRow, column: int, role: int) -> Any:
        return row.id if role == ID_ROLE else None

    def row_texts(self, row: AssessmentListRow) -> list[str]:
        return [
            row.title,
            str(row.year),
            _(STATUS_LABELS[row.status]),
            format_percent(row.completion),
            row.framework_version,
            format_datetime(row.updated_at, "short") if row.updated_at else "",
        ]

    def display(self, row: AssessmentListRow, column: int) -> str:
        return self.row_texts(row)[column]
