"""The desk's first start: who holds its key, and the passphrase typed twice (never stored)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.desk.trust import MIN_PASSPHRASE, DeskTrust
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.gui.widgets.accessible_style import ERROR_STYLE
from acsg_desktop.gui.widgets.dialog_buttons import LabelledButtonBox, Standard
from acsg_desktop.gui.widgets.field_errors import show_field_errors
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class DeskKeyDialog(Retranslatable, QDialog):
    """Creates the desk's signing key and CA certificate (``trust.create``) on Save."""

    def __init__(self, trust: DeskTrust, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._trust = trust
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.name = QLineEdit(self)
        self.passphrase = QLineEdit(self)
        self.again = QLineEdit(self)
        for field in (self.passphrase, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(self) for _field in range(3)]
        for label, field in zip(self.labels, (self.name, self.passphrase, self.again), strict=True):
            label.setBuddy(field)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.buttons = LabelledButtonBox(Standard.Save | Standard.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        for label, field in zip(self.labels, (self.name, self.passphrase, self.again), strict=True):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate_ui()

    def save(self) -> None:
        """Create the key; stay open with the reason when something is missing or wrong."""
        name, passphrase = self.name.text().strip(), self.passphrase.text()
        fields = {"name": self.name, "passphrase": self.passphrase, "again": self.again}
        problems = {}
        if not name:
            problems["name"] = _("Say who holds the desk's key.")
        elif passphrase != self.again.text():
            problems["again"] = _("The two passphrases differ: type them again.")
        else:
            try:
                self._trust.create(name, passphrase.encode("utf-8"))
            except AcsgError as error:
                problems["passphrase"] = error.message
        for widget in fields.values():
            widget.setAccessibleDescription("")
        if problems:  # the message, tied to its field, which gets the keyboard
            field = next(iter(problems))
            show_field_errors(fields, {field: self.error}, problems)
            return
        self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("The Secretariat's desk: its signing key"))
        self.intro.setText(
            _(
                "This desk has no signing key yet. The desk signs receipts, certificates and "
                "what it publishes with it; authorities trust its certificate. The passphrase "
                "is never stored: keep it safe, nobody can recover it."
            )
        )
        texts = (
            _("&Who holds the key:"),
            _("&Passphrase (at least {count} characters):").format(count=MIN_PASSPHRASE),
            _("Passphrase &again:"),
        )
        for label, field, text in zip(
            self.labels, (self.name, self.passphrase, self.again), texts, strict=True
        ):
            label.setText(text)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
        tips = {
            self.name: _("The desk officer responsible for this key; shown on what it signs."),
            self.passphrase: _("A long secret phrase that protects the key; write it down safely."),
            self.again: _("Type the passphrase once more, to be sure it has no typing error."),
        }
        set_field_tips(tips)
        self.buttons.label(Standard.Save, _("Create the key"))
        self.buttons.label(Standard.Cancel, _("Quit"))
