"""The current user's signing identity: create it, read its fingerprint, export the certificate."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from acsg_desktop.core.display import file_stem
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.roles import SIGNATORY
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.packages.controls import allow
from acsg_desktop.gui.packages.passphrase import ask_new_passphrase
from acsg_desktop.gui.widgets.retranslate import Retranslatable

if TYPE_CHECKING:  # imported when used: the signing stack is slow to load
    from acsg_desktop.core.package.identities import IdentityInfo, IdentityStore


def signing_refusal(workspace: Workspace) -> str:
    """Why the current person may not sign ("" when they may): the core's rule, mirrored."""
    name = workspace.current_user
    person = workspace.people.get(name) if name else None
    if person is not None and SIGNATORY in person.roles:
        return ""
    return _("Only a signatory signs and exports the package; {name} is not one.").format(
        name=name or "–"
    )


class IdentityBox(Retranslatable, QGroupBox):
    """Shows whether the current user can sign, and the fingerprint to read to the Secretariat."""

    changed = Signal()  # an identity was created

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)  # names are typed by people
        self.create_button, self.export_button = QPushButton(self), QPushButton(self)
        self.create_button.clicked.connect(self.create_identity)
        self.export_button.clicked.connect(self.export_certificate)
        row = QHBoxLayout(self)
        row.addWidget(self.state, 1)
        row.addWidget(self.create_button)
        row.addWidget(self.export_button)
        self.retranslate_ui()

    def _store(self) -> IdentityStore:
        from acsg_desktop.core.package.identities import IdentityStore

        return IdentityStore(self._workspace.data_dir)

    def has_identity(self) -> bool:
        return self._info() is not None

    def _info(self) -> IdentityInfo | None:
        try:
            return self._store().info(self._workspace.current_user)
        except AcsgError:
            return None

    def refresh(self) -> None:
        user, info = self._workspace.current_user, self._info()
        refusal = signing_refusal(self._workspace)
        if info is None:
            self.state.setText(
                refusal or _("{name} has no signing identity yet.").format(name=user)
            )
            allow(self.create_button, refusal, _("A key and certificate for you to sign with."))
            allow(self.export_button, _("Create a signing identity first."))
            return
        self.state.setText(
            _(
                "{name} signs with the key of fingerprint {value}. Read it aloud to "
                "the Secretariat to confirm it."
            ).format(name=user, value=info.fingerprint)
        )
        allow(self.create_button, _("You have a signing identity already: it is shown here."))
        allow(self.export_button, "", _("Write your certificate, for the Secretariat."))

    def create_identity(self) -> None:
        workspace = self._workspace
        profile = workspace.profiles.get()
        if profile is None:
            self.state.setText(_("Set the authority profile first."))
            return
        passphrase = ask_new_passphrase(self)
        if passphrase is None:
            return  # cancelled: nothing was made, nothing to say
        try:
            workspace.exports.create_identity(
                workspace.current_user, profile, passphrase, actor=workspace.current_user
            )
        except AcsgError as error:
            self.state.setText(error.message)
            return
        self.refresh()
        self.changed.emit()

    def export_certificate(self) -> None:
        from acsg_desktop.core.fileio import write_bytes_atomically
        from acsg_desktop.core.signing.keys import certificate_pem

        info = self._store().info(self._workspace.current_user)
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export the certificate"),
            file_stem(_("certificate") + " " + info.person, "certificate") + ".pem",
            "PEM (*.pem)",
        )
        if name:
            write_bytes_atomically(Path(name), certificate_pem(info.certificate))

    def retranslate_ui(self) -> None:
        self.setTitle(_("Signing identity"))
        self.create_button.setText(_("&Create a signing identity…"))
        self.export_button.setText(_("E&xport the certificate…"))
        self.refresh()
