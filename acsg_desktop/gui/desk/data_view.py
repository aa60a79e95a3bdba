"""A table of texts with its own "Export CSV…": every dashboard view is one (or holds one)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.assessment.csv_export import delimiter, export_csv, spreadsheet_cell
from acsg_desktop.core.errors import os_reason
from acsg_desktop.core.i18n import _
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.cells import text_cell
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.retranslate import Retranslatable

Rows = list[list[str]]


def rows_csv(headers: list[str], rows: Rows) -> str:
    """The CSV text of a table, each cell made safe for spreadsheets like the results export."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter(), lineterminator="\r\n")
    for row in [headers, *rows]:
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return buffer.getvalue()


def save_csv(parent: QWidget, file_name: str, headers: list[str], rows: Rows) -> str:
    """Ask where, write the CSV; the message to show ("" when the user cancelled).

    ``file_name``: the suggested name, an ``N_()`` message offered in the user's language."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, _("Export as CSV"), _(file_name), _("CSV files (*.csv)")
    )
    if not name:
        return ""
    try:
        export_csv(Path(name), rows_csv(headers, rows))
    except OSError as error:
        return _("Not exported: {reason}").format(reason=os_reason(error))
    return _("Exported to {path}").format(path=name)


LONG_HEADER = 12  # characters: a longer column heading is shown on two lines


def header_label(text: str) -> str:
    """``text`` broken at the space nearest its middle when it is long, so that a long heading
    (“Change since the previous package (points)”) does not make its column of short values
    push the table sideways; short or one-word headings stay as they are."""
    spaces = [i for i, char in enumerate(text) if char == " "]
    if len(text) <= LONG_HEADER or not spaces:
        return text
    middle = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:middle] + "\n" + text[middle + 1 :]


def fill_table(
    table: QTableWidget,
    headers: list[str],
    rows: Rows,
    numbers_from: int | None = None,
    stretch: int = 0,
) -> None:
    """Replace the table's contents; the columns from ``numbers_from`` on aligned right, the
    column ``stretch`` taking the room the others leave."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    for column, text in enumerate(headers):
        heading = QTableWidgetItem(header_label(text))
        heading.setToolTip(text)
        table.setHorizontalHeaderItem(column, heading)
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = text_cell(value)
            if numbers_from is not None and column >= numbers_from:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)


def make_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class DataView(Retranslatable, QWidget):
    """A heading, the table and its export; the owner fills it again on a language change."""

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_name = file_name
        self.headers: list[str] = []
        self.rows: Rows = []
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)  # three views side by side still fit 1366 pixels
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.table = make_table(self)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export)
        self.message = MessageLabel(self)  # announced to screen readers
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.retranslate_ui()

    def set_data(
        self,
        heading: str,
        headers: list[str],
        rows: Rows,
        numbers_from: int | None = None,
        stretch: int = 0,
    ) -> None:
        self.headers, self.rows = headers, rows
        self.heading.setText(heading)
        self.table.setAccessibleName(heading)
        self.export_button.setAccessibleName(
            _("Export {view} as CSV").format(view=heading) if heading else _("Export as CSV")
        )
        fill_table(self.table, headers, rows, numbers_from, stretch)

    def export(self) -> None:
        message = save_csv(self, self.file_name, self.headers, self.rows)
        if message:
            show_text(self.message, message)

    def retranslate_ui(self) -> None:
        self.export_button.setText(_("Export CSV…"))
