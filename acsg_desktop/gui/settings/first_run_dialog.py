"""First start: record who the authority is before anything else."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from acsg_desktop.core.i18n import _
from acsg_desktop.core.people.profile_service import ProfileService
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.settings.profile_form import ProfileForm
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class FirstRunDialog(Retranslatable, QDialog):
    """Asks for the authority profile; the preferred language switches the screen at once."""

    def __init__(
        self, profiles: ProfileService, language: LanguageSwitcher, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._language = language
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = ProfileForm(self)
        self.form.language.setCurrentIndex(max(0, self.form.language.findData(language.language)))
        self.form.language.currentIndexChanged.connect(self._switch_language)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate_ui()

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
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save and continue"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Quit"))
        self.setAccessibleName(_("Welcome to ACSG Desktop"))
