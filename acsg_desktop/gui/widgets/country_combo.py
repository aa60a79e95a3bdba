"""A country chooser: type part of a name (in the current language) to find it.

Accents, case, hyphens and the kind of apostrophe do not matter: "cote d'iv" finds
"Côte d’Ivoire", "sao tome" finds "São Tomé-et-Principe".
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from acsg_desktop.core.i18n import _, countries, country_name, fold, is_fictional_country
from acsg_desktop.gui.widgets.retranslate import Retranslatable

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the name as matched


def country_key(text: str) -> str:
    """``text`` as names are matched: no accents, no case, hyphens as spaces, one apostrophe."""
    return " ".join(fold(text).replace("\u2019", "'").replace("-", " ").split())


class _FoldingCompleter(QCompleter):
    """Compares what is typed and the names by their keys; completes with the name itself."""

    def splitPath(self, path: str) -> list[str]:
        return [country_key(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class CountryComboBox(Retranslatable, QComboBox):
    """Editable combo box of every country, named by Babel in the current language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = _FoldingCompleter(self.model(), self)
        completer.setCompletionRole(KEY_ROLE)
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
            self.setItemData(self.count() - 1, country_key(name), KEY_ROLE)
        self.blockSignals(False)
        self.set_country_code(selected)

    def country_code(self) -> str:
        """The chosen country's code, or "" when the typed text names no country."""
        index = self.findData(country_key(self.currentText()), KEY_ROLE)
        return str(self.itemData(index)) if index >= 0 else ""

    def set_country_code(self, code: str) -> None:
        """Select the country ``code`` (or clear the choice when unknown)."""
        name = country_name(code) if code and is_fictional_country(code) else None
        if name and self.findData(code) < 0:  # the demo's invented country, kept when saved
            self.addItem(name, code)
            self.setItemData(self.count() - 1, country_key(name), KEY_ROLE)
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
