"""The audit trail of one answer or request: who changed what, when, from what to what."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from acsg_desktop.core.audit.chain import AuditEntry
from acsg_desktop.core.audit.labels import action_label, value_label
from acsg_desktop.core.i18n import N_, _, format_datetime
from acsg_desktop.gui.widgets.retranslate import Retranslatable

HEADERS = (N_("When"), N_("Who"), N_("What"), N_("Before"), N_("After"), N_("Reason"))
MAX_SHOWN = 300


def _short(value: str) -> str:
    return value if len(value) <= MAX_SHOWN else value[: MAX_SHOWN - 1] + "…"


class HistoryView(Retranslatable, QTableWidget):
    """A read-only table of audit entries, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(HEADERS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 4):
            self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._entries: list[AuditEntry] = []
        self.retranslate_ui()

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self._entries = list(entries)
        self.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            when = format_datetime(datetime.fromisoformat(entry.at), "short")
            values = (
                when,
                entry.actor,
                action_label(entry),
                _short(value_label(entry, entry.old_value)),
                _short(value_label(entry, entry.new_value)),
                entry.reason,
            )
            for column, value in enumerate(values):
                self.setItem(row, column, QTableWidgetItem(value))

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels([_(header) for header in HEADERS])
        self.setAccessibleName(_("History of changes"))
        if self._entries:
            self.set_entries(self._entries)
