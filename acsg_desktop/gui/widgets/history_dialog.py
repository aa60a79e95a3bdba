"""A window showing the history of one answer."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from acsg_desktop.core.audit.chain import AuditEntry
from acsg_desktop.gui.widgets.history_view import HistoryView


class HistoryDialog(QDialog):
    """The audit entries of one answer, with a Close button."""

    def __init__(self, title: str, entries: list[AuditEntry], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.view = HistoryView(self)
        self.view.set_entries(entries)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(900, 400)
