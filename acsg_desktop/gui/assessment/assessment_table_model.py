"""The list of assessments as a Qt table model."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from acsg_desktop.core.assessment.model import STATUS_LABELS, AssessmentSummary
from acsg_desktop.core.i18n import N_, _, format_datetime, format_percent

COL_TITLE, COL_YEAR, COL_STATUS, COL_COMPLETION, COL_FRAMEWORK, COL_UPDATED = range(6)
HEADERS = (N_("Title"), N_("Year"), N_("Status"), N_("Answered"), N_("Framework"), N_("Updated"))
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class AssessmentRow:
    """What one line of the list shows."""

    summary: AssessmentSummary
    completion: float


class AssessmentTableModel(QAbstractTableModel):
    """Assessments, newest first; the id of each is under ``ID_ROLE``."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[AssessmentRow] = []

    def set_rows(self, rows: list[AssessmentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AssessmentRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.summary.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        return None

    def _display(self, row: AssessmentRow, column: int) -> str:
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

    def retranslate(self) -> None:
        """Headers and statuses follow the language."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
