"""Settings: the authority profile, the display language and where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.assessment.labels import percent_label
from acsg_desktop.core.i18n import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, _
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.settings.people_box import PeopleBox
from acsg_desktop.gui.settings.profile_form import ProfileForm
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.display_comfort import TEXT_SIZES, comfort
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.widgets.scrolling_pages import follow_focus


class SettingsPage(Retranslatable, QWidget):
    """Edit the profile (saved on request, validated first) and choose the display language."""

    profile_saved = Signal()
    server_requested = Signal()  # "Office server…": the main window opens the dialog

    def __init__(
        self, workspace: Workspace, language: LanguageSwitcher, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        profiles, data_dir = workspace.profiles, workspace.data_dir
        self._profiles, self._language, self._data_dir = profiles, language, data_dir
        self.people_box = PeopleBox(workspace, self)
        self.title = make_page_title(self)
        self.profile_box = QGroupBox(self)
        self.form = ProfileForm(self.profile_box)
        self.save_button = QPushButton(self.profile_box)
        self.save_button.clicked.connect(self.save_profile)
        self.save_status = MessageLabel(self.profile_box)  # announced to screen readers
        self.display_box = QGroupBox(self)
        self.display_language = QComboBox(self.display_box)
        for code in SUPPORTED_LANGUAGES:
            self.display_language.addItem(LANGUAGE_NAMES[code], code)
        self.display_language.activated.connect(self._choose_language)
        self.language_label = QLabel(self.display_box)
        self.language_label.setBuddy(self.display_language)
        self._make_comfort_controls()
        self.folder_label = QLabel(self.display_box)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._server = workspace.database.location if workspace.database.is_server else ""
        self.database_label = QLabel(self.display_box)
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server_button = QPushButton(self.display_box)
        self.server_button.clicked.connect(self.server_requested)
        self._lay_out()
        self.reload()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_status, 1)
        profile_layout = QVBoxLayout(self.profile_box)
        profile_layout.addWidget(self.form)
        profile_layout.addLayout(buttons)
        display_layout = QFormLayout(self.display_box)
        display_layout.addRow(self.language_label, self.display_language)
        display_layout.addRow(self.text_size_label, self.text_size)
        display_layout.addRow(self.high_contrast)
        display_layout.addRow(self.folder_label)
        display_layout.addRow(self.database_label)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_button)
        server_row.addStretch(1)
        display_layout.addRow(server_row)
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.addWidget(self.title)
        layout.addWidget(self.profile_box)
        layout.addWidget(self.people_box)
        layout.addWidget(self.display_box)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        follow_focus(scroll)  # its fields are the Tab stops, each scrolled into view
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def reload(self) -> None:
        """Show the stored profile and the current language."""
        profile = self._profiles.get()
        if profile is not None:
            self.form.set_profile(profile)
        self.display_language.setCurrentIndex(
            max(0, self.display_language.findData(self._language.language))
        )

    def _make_comfort_controls(self) -> None:
        self.text_size = QComboBox(self.display_box)
        for percent in TEXT_SIZES:
            self.text_size.addItem("", percent)
        self.text_size.activated.connect(
            lambda _index: comfort().set_text_size(int(self.text_size.currentData()))
        )
        self.text_size_label = QLabel(self.display_box)
        self.text_size_label.setBuddy(self.text_size)
        self.high_contrast = QCheckBox(self.display_box)
        self.high_contrast.toggled.connect(comfort().set_high_contrast)
        comfort().changed.connect(self._show_comfort)
        self._show_comfort()

    def _show_comfort(self) -> None:
        """The text size and contrast shown now, however they were chosen (View menu too)."""
        shown = comfort()
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(shown.text_size)))
        if self.high_contrast.isChecked() != shown.high_contrast:
            self.high_contrast.setChecked(shown.high_contrast)

    def _choose_language(self) -> None:
        self._language.apply(str(self.display_language.currentData()))

    def save_profile(self) -> None:
        """Validate, then store the profile; say "saved" only once it is stored."""
        self.save_status.clear()
        if not self.form.save_to(self._profiles):
            return
        show_text(self.save_status, _("Profile saved."))
        self.profile_saved.emit()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Settings"))
        self.profile_box.setTitle(_("Authority profile"))
        self.save_button.setText(_("&Save profile"))
        self.save_button.setAccessibleName(_("Save profile"))
        self.display_box.setTitle(_("Display"))
        self.language_label.setText(_("&Display language"))
        self.display_language.setAccessibleName(_("Display language"))
        self.display_language.setCurrentIndex(
            max(0, self.display_language.findData(self._language.language))
        )
        self.text_size_label.setText(_("Te&xt size"))
        self.text_size.setAccessibleName(_("Text size"))
        for index, percent in enumerate(TEXT_SIZES):
            self.text_size.setItemText(index, percent_label(percent))
        self.high_contrast.setText(_("High c&ontrast (white text on black)"))
        set_field_tips(
            {
                self.display_language: _("The language of menus and screens; it changes at once."),
                self.text_size: _("Make all text bigger if it is hard to read on this screen."),
                self.high_contrast: _("Tick for stronger colours if the screen is hard to see."),
            }
        )
        self.folder_label.setText(_("Data folder: {path}").format(path=self._data_dir))
        self.database_label.setText(
            _("Office server: {server}").format(server=self._server)
            if self._server
            else _("The data is kept on this computer, in the data folder.")
        )
        self.server_button.setText(_("Office server…"))
        self.server_button.setToolTip(
            _("Connect to your office's shared server, or come back to this computer's own data")
        )
        self.setAccessibleName(_("Settings"))
