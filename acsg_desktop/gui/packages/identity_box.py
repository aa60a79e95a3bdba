"""The current user's signing identity: create it, read its fingerprint, export the certificate."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.packages.passphrase import ask_new_passphrase
from acsg_desktop.gui.widgets.retranslate import Retranslatable

if TYPE_CHECKING:  # imported when used: the signing stack is slow to load
    from acsg_desktop.core.package.identities import IdentityStore


class IdentityBox(Retranslatable, QGroupBox):
    """Shows whether the current user can sign, and the fingerprint to read to the Secretariat."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.state = QLabel(self)
        self.state.setWordWrap(True)
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

    def refresh(self) -> None:
        user = self._workspace.current_user
        try:
            info = self._store().info(user)
        except AcsgError:
            self.state.setText(_("{name} has no signing identity yet.").format(name=user))
            self.create_button.setEnabled(bool(user))
            self.export_button.setEnabled(False)
            return
        self.state.setText(
            _(
                "{name} signs with the key of fingerprint {value}. Read it aloud to "
                "the Secretariat to confirm it."
            ).format(name=user, value=info.fingerprint)
        )
        self.create_button.setEnabled(False)
        self.export_button.setEnabled(True)

    def create_identity(self) -> None:
        profile = self._workspace.profiles.get()
        passphrase = ask_new_passphrase(self)
        if passphrase is None or profile is None:
            self.state.setText(
                _("No identity was created (the two passphrases differ, or you cancelled).")
            )
            return
        try:
            self._store().create(self._workspace.current_user, profile, passphrase)
        except AcsgError as error:
            self.state.setText(error.message)
            return
        self.refresh()

    def export_certificate(self) -> None:
        from acsg_desktop.core.fileio import write_bytes_atomically
        from acsg_desktop.core.signing.keys import certificate_pem

        info = self._store().info(self._workspace.current_user)
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the certificate"), "certificate.pem", "PEM (*.pem)"
        )
        if name:
            write_bytes_atomically(Path(name), certificate_pem(info.certificate))

    def retranslate_ui(self) -> None:
        self.setTitle(_("Signing identity"))
        self.create_button.setText(_("&Create a signing identity…"))
        self.export_button.setText(_("E&xport the certificate…"))
        self.refresh()
