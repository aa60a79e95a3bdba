"""What an intake did, file by file: accepted, held, already received or refused, and why."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.display import escape_line
from acsg_desktop.core.i18n import _, format_number
from acsg_desktop.core.records.desk import IntakeOutcome, IntakeResult
from acsg_desktop.gui.desk.data_view import make_table
from acsg_desktop.gui.desk.labels import outcome_label
from acsg_desktop.gui.widgets.cells import text_cell
from acsg_desktop.gui.widgets.high_contrast import colour_for_mode

OUTCOME_COLOURS = {IntakeOutcome.HELD: QColor("#8a5a00"), IntakeOutcome.REFUSED: QColor("#a11d1d")}


def summary_text(results: list[IntakeResult]) -> str:
    if not results:
        return _("No package file (*.acsgpkg) was found there.")
    counts = Counter(result.outcome for result in results)
    return _(
        "Files: {files}. Accepted: {accepted}, held: {held}, already received: {again}, "
        "refused: {refused}."
    ).format(
        files=format_number(len(results)),
        accepted=format_number(counts[IntakeOutcome.ACCEPTED]),
        held=format_number(counts[IntakeOutcome.HELD]),
        again=format_number(counts[IntakeOutcome.ALREADY_RECEIVED]),
        refused=format_number(counts[IntakeOutcome.REFUSED]),
    )


class IntakeResultsDialog(QDialog):
    """A table of the files received (file, outcome, reason), and the counts."""

    def __init__(self, results: list[IntakeResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Packages received"))
        self.summary = QLabel(summary_text(results), self)
        self.summary.setWordWrap(True)
        self.table = make_table(self)
        self.table.setWordWrap(True)
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels([_("File"), _("Outcome"), _("Reason")])
        self.table.setAccessibleName(_("Files received"))
        self.table.setRowCount(len(results))
        for row, result in enumerate(results):
            values = (Path(result.path).name, outcome_label(result.outcome), result.message)
            for column, value in enumerate(values):
                item = text_cell(value, escape_line(result.path) if column == 0 else None)
                if column == 1 and result.outcome in OUTCOME_COLOURS:
                    item.setForeground(colour_for_mode(OUTCOME_COLOURS[result.outcome]))
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def outcomes(self) -> list[tuple[str, str, str]]:
        """The table's rows as (file, outcome, reason) texts."""

        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(row, 0), text(row, 1), text(row, 2)) for row in range(self.table.rowCount())]
