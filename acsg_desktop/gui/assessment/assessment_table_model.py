"""The list of assessments as a Qt table model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from acsg_desktop.core.i18n import N_, _, format_datetime, format_percent
from acsg_desktop.core.records.assessment import STATUS_LABELS, AssessmentSummary
from acsg_desktop.gui.widgets.table_model import RowTableModel

COL_TITLE, COL_YEAR, COL_STATUS, COL_COMPLETION, COL_FRAMEWORK, COL_UPDATED = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class AssessmentListEntry:
    """What one line of the list shows."""

    summary: AssessmentSummary
    completion: float


class AssessmentTableModel(RowTableModel[AssessmentListEntry]):
    """Assessments, newest first; the id of each is under ``ID_ROLE``."""

    headers = (
        N_("Title"),
        N_("Year"),
        N_("Status"),
        N_("Answered"),
        N_("Framework"),
        N_("Updated"),
    )

    def extra(self, row: AssessmentListEntry, column: int, role: int) -> Any:
        return row.summary.id if role == ID_ROLE else None

    def display(self, row: AssessmentListEntry, column: int) -> str:
        summary = row.summary
        values = {
            COL_TITLE: summary.title,
            COL_YEAR: str(summary.year),
            COL_STATUS: _(STATUS_LABELS[summary.status]),
            COL_COMPLETION: format_percent(row.completion),
            COL_FRAMEWORK: summary.framework_version,
            COL_UPDATED: format_datetime(summary.updated_at, "short") if summary.updated_at else "",
        }
        return values[column]
