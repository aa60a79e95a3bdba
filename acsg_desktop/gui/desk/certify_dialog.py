"""Certifying an authority's key: who asks (read from its CSR), for how long, and the passphrase
of the desk's key."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.i18n import _
from acsg_desktop.core.signing.ca import AUTHORITY_VALIDITY_DAYS
from acsg_desktop.gui.widgets.dialog_buttons import LabelledButtonBox, Standard
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.retranslate import Retranslatable

MAX_DAYS = 5 * 365


class CertifyDialog(Retranslatable, QDialog):
    def __init__(self, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Certify an authority's key"))
        self.intro = QLabel(
            _(
                "The request names: {subject}. Certify it only after the authority has "
                "confirmed by another channel (telephone, in person) that it sent this request."
            ).format(subject=subject),
            self,
        )
        self.intro.setWordWrap(True)
        self.days = QSpinBox(self)
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(AUTHORITY_VALIDITY_DAYS)
        self.days.setSuffix(_(" days"))
        self.days.setAccessibleName(_("Valid for"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(_("Passphrase of the desk's key"))
        self.buttons = LabelledButtonBox(Standard.Ok | Standard.Cancel, self)
        self.buttons.label(Standard.Ok, _("Certify and save…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.passphrase.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        self.ok_button.setEnabled(False)
        form = QFormLayout()
        form.addRow(_("&Valid for:"), self.days)
        form.addRow(_("&Passphrase of the desk's key:"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The fields' tips (the other texts are set once: the dialog is modal and short)."""
        set_field_tips(
            {
                self.days: _("How many days the certificate lasts; the authority renews it then."),
                self.passphrase: _("The desk's own passphrase, to sign the certificate."),
            }
        )

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(Standard.Ok)
        assert button is not None  # the box was made with an OK button
        return button

    def passphrase_bytes(self) -> bytes:
        return self.passphrase.text().encode("utf-8")
