"""A country chooser: type part of a name (in the current language) to find it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from acsg_desktop.core.i18n import _, countries
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class CountryComboBox(Retranslatable, QComboBox):
    """Editable combo box of every country, named by Babel in the current language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._fill()
        self.retranslate_ui()

    def _fill(self) -> None:
        selected = self.country_code()
        self.blockSignals(True)
        self.clear()
        for code, name in countries():
            self.addItem(name, code)
        self.blockSignals(False)
        self.set_country_code(selected)

    def country_code(self) -> str:
        """The chosen country's code, or "" when the typed text names no country."""
        index = self.findText(self.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        return str(self.itemData(index)) if index >= 0 else ""

    def set_country_code(self, code: str) -> None:
        """Select the country ``code`` (or clear the choice when unknown)."""
        index = self.findData(code) if code else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def retranslate_ui(self) -> None:
        if self.count():
            self._fill()
        line_edit = self.lineEdit()
        if line_edit is not None:  # always there: the combo box is editable
            line_edit.setPlaceholderText(_("Type to search, e.g. Chad"))
