"""The audit trail of one answer or request: who changed what, when, from what to what."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QWidget,
)

from acsg_desktop.core.audit.chain import AuditEntry
from acsg_desktop.core.audit.labels import history_rows
from acsg_desktop.core.i18n import N_, _, format_datetime
from acsg_desktop.gui.widgets.cells import text_cell
from acsg_desktop.gui.widgets.retranslate import Retranslatable

HEADERS = (N_("When"), N_("Who"), N_("What"), N_("Before"), N_("After"), N_("Reason"))
WRAPPED = 2  # from "What" on, the columns wrap their texts' own lines


class HistoryView(Retranslatable, QTableWidget):
    """A read-only table of audit entries, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(HEADERS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        for column in (0, 1):  # when, who
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 3, 4):  # what, before, after: they wrap
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._entries: list[AuditEntry] = []
        self._currency = ""
        self.retranslate_ui()

    def set_entries(self, entries: list[AuditEntry], currency: str = "") -> None:
        """Show ``entries`` in words; ``currency`` (the request's current one) formats budgets."""
        self._entries, self._currency = list(entries), currency
        rows = history_rows(self._entries, currency)
        self.setRowCount(len(rows))
        for row, shown in enumerate(rows):
            when = format_datetime(datetime.fromisoformat(shown.entry.at), "short")
            values = (when, shown.entry.actor, shown.what, shown.before, shown.after)
            for column, value in enumerate((*values, shown.entry.reason)):
                self.setItem(row, column, text_cell(value, one_line=column < WRAPPED))

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels([_(header) for header in HEADERS])
        self.setAccessibleName(_("History of changes"))
        if self._entries:
            self.set_entries(self._entries, self._currency)
