from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from acsg_desktop.core.preferences import load_settings
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.settings.first_run_dialog import FirstRunDialog


def make_dialog(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> FirstRunDialog:
    dialog = FirstRunDialog(workspace.profiles, language)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click_save(qtbot: QtBot, dialog: FirstRunDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_empty_form_shows_a_message_per_field_and_saves_nothing(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    dialog = make_dialog(qtbot, workspace, language)
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.form.error_text("authority_name") == "Enter the name of the asylum authority."
    assert dialog.form.error_text("country_code") == "Choose the country of the authority."
    assert dialog.form.error_text("preferred_language") == ""
    assert workspace.profiles.get() is None


def test_typing_a_valid_profile_by_keyboard_saves_it(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    dialog = make_dialog(qtbot, workspace, language)
    qtbot.keyClicks(dialog.form.country.lineEdit(), "Chad")
    qtbot.keyClicks(dialog.form.authority_name, "National Commission for Refugees")
    qtbot.keyClicks(dialog.form.contact_person, "Amina Mahamat")
    qtbot.keyClicks(dialog.form.email, "amina@example")
    dialog.form.email.editingFinished.emit()
    assert "valid e-mail" in dialog.form.error_text("email")
    qtbot.keyClicks(dialog.form.email, ".org")
    click_save(qtbot, dialog)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    profile = workspace.profiles.get()
    assert profile is not None
    assert (profile.country_code, profile.email) == ("TD", "amina@example.org")


def test_choosing_french_switches_the_dialog_live_and_is_remembered(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    dialog = make_dialog(qtbot, workspace, language)
    click_save(qtbot, dialog)
    dialog.form.language.setCurrentIndex(dialog.form.language.findData("fr"))
    qtbot.waitUntil(lambda: dialog.windowTitle() != "Welcome to ACSG Desktop")
    assert dialog.windowTitle() == "Bienvenue dans ACSG Desktop"
    assert dialog.form.error_text("country_code") == "Choisissez le pays de l'autorité."
    assert dialog.form.country.lineEdit().placeholderText().endswith("Tchad")
    assert load_settings(workspace.data_dir).language == "fr"


def test_every_input_has_an_accessible_name(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    dialog = make_dialog(qtbot, workspace, language)
    names = [widget.accessibleName() for widget in dialog.form._inputs.values()]
    assert names == ["Country", "Authority name", "Contact person", "E-mail", "Working language"]
