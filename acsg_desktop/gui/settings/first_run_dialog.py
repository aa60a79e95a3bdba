"""First start: record who the authority is before anything else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from acsg_desktop.core.i18n import _
from acsg_desktop.core.people.profile_service import ProfileService
from acsg_desktop.gui.backup.restart import WorkAfterClose
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.settings.profile_form import ProfileForm
from acsg_desktop.gui.widgets.dialog_buttons import LabelledButtonBox, Standard
from acsg_desktop.gui.widgets.retranslate import Retranslatable

if TYPE_CHECKING:
    from acsg_desktop.core.workspace import Workspace
    from acsg_desktop.gui.settings.server_session import ServerSession

    ServerChoice = tuple[Workspace, ServerSession]


class FirstRunDialog(WorkAfterClose, Retranslatable, QDialog):
    """Asks for the authority profile; the preferred language switches the screen at once."""

    def __init__(
        self,
        profiles: ProfileService,
        language: LanguageSwitcher,
        parent: QWidget | None = None,
        server: ServerChoice | None = None,
    ) -> None:
        super().__init__(parent)
        self._profiles, self._server = profiles, server
        self._language = language
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = ProfileForm(self)
        self.form.language.setCurrentIndex(max(0, self.form.language.findData(language.language)))
        self.form.language.currentIndexChanged.connect(self._switch_language)
        self.buttons = LabelledButtonBox(Standard.Save | Standard.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.import_hint = QLabel(self)
        self.import_hint.setWordWrap(True)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.import_from_other_computer)
        moving = QHBoxLayout()
        moving.addWidget(self.import_hint, 1)
        moving.addWidget(self.import_button)
        self.server_hint, self.server_button = QLabel(self, wordWrap=True), QPushButton(self)
        self.server_button.clicked.connect(self.connect_to_server)
        sharing = QHBoxLayout()
        sharing.addWidget(self.server_hint, 1)
        sharing.addWidget(self.server_button)
        for widget in (self.server_hint, self.server_button):
            widget.setVisible(server is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addLayout(moving)
        layout.addLayout(sharing)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate_ui()

    def import_from_other_computer(self) -> None:
        """The office's data from its old computer instead of a new profile: once the file is
        checked, the dialog closes and the app imports it with the folder closed."""
        from acsg_desktop.gui.backup.move_in_dialog import MoveInDialog  # cryptography: slow

        dialog = MoveInDialog(None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.work is not None:
            self.ask_for(dialog.work)
            self.reject()

    def connect_to_server(self) -> None:
        """The office's shared server instead of a profile here: once it answered, the dialog
        closes and the app opens again on it (where the profile may already be set)."""
        from acsg_desktop.gui.settings.server_dialog import ServerDialog

        if self._server is None:
            return
        workspace, session = self._server
        current = workspace.database.location if workspace.database.is_server else None
        dialog = ServerDialog(workspace.data_dir, session, current, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.work is not None:
            self.ask_for(dialog.work)
            self.reject()

    def _switch_language(self) -> None:
        self._language.apply(str(self.form.language.currentData()))

    def save(self) -> None:
        """Validate and store the profile; stay open with messages when something is wrong."""
        if self.form.save_to(self._profiles):
            self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Welcome to ACSG Desktop"))
        self.intro.setText(
            _(
                "Before you start, tell us which asylum authority uses this computer. "
                "This appears on every report and package you send to the ACSG Secretariat."
            )
        )
        self.buttons.label(Standard.Save, _("Save and continue"))
        self.buttons.label(Standard.Cancel, _("Quit"))
        self.import_hint.setText(_("This office used ACSG Desktop on another computer?"))
        self.import_button.setText(_("&Import from another computer…"))
        self.server_hint.setText(_("This office shares its data on an office server?"))
        self.server_button.setText(_("Connect to an office &server instead…"))
        self.setAccessibleName(_("Welcome to ACSG Desktop"))
