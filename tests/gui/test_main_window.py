from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from acsg_desktop.core.store.lock import InstanceLock
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui import startup
from acsg_desktop.gui.about_dialog import AboutDialog
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from tests.core.helpers import CHAD


def make_window(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> MainWindow:
    workspace.profiles.save(CHAD)
    window = MainWindow(workspace, language)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def navigation_texts(window: MainWindow) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def test_language_switch_from_the_menu_retranslates_the_open_window(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = make_window(qtbot, workspace, language)
    assert navigation_texts(window)[0] == "Assessments"
    french = next(a for a in window.language_actions.actions() if a.data() == "fr")
    french.trigger()
    qtbot.waitUntil(lambda: navigation_texts(window)[0] != "Assessments")
    assert navigation_texts(window) == [
        "Auto-évaluations", "Demandes d'appui", "Paquets", "Guides pratiques", "Paramètres",
    ]  # fmt: skip
    assert window.file_menu.title() == "&Fichier"
    assert "Tchad" in window.status_label.text()
    assert window.settings_page.form.country.currentText() == "Tchad"
    # Qt's own texts follow too (qtbase_fr.qm).
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    english = next(a for a in window.language_actions.actions() if a.data() == "en")
    english.trigger()
    qtbot.waitUntil(lambda: navigation_texts(window)[0] == "Assessments")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_unbuilt_areas_say_so_plainly(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = make_window(qtbot, workspace, language)
    window.show_area(1)
    page = window.pages.currentWidget()
    assert page.notice.text().startswith("Not available yet")
    assert page.findChildren(QAbstractButton) == []


def test_keyboard_shortcuts_reach_every_area(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = make_window(qtbot, workspace, language)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.settings_page
    qtbot.keyClick(window.navigation, Qt.Key.Key_Up)
    assert window.navigation.currentRow() == 3


def test_fits_a_1366_by_768_screen(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = make_window(qtbot, workspace, language)
    for lang in ("en", "fr"):
        language.apply(lang, remember=False)
        qtbot.wait(10)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 740


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = make_window(qtbot, workspace, language)
    controls = [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, QLineEdit | QComboBox | QListWidget | QAbstractButton)
        and not isinstance(widget.parent(), QComboBox)
        and widget.isVisibleTo(window)
    ]
    unnamed = [
        widget.objectName() or type(widget).__name__
        for widget in controls
        if not (widget.accessibleName() or getattr(widget, "text", lambda: "")())
        and not (isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox))
    ]
    assert controls and unnamed == []


def test_profile_saved_from_settings_updates_the_status_bar(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = make_window(qtbot, workspace, language)
    form = window.settings_page.form
    form.authority_name.setText("Refugee Status Determination Unit")
    window.settings_page.save_button.click()
    assert window.settings_page.save_status.text() == "Profile saved."
    assert window.status_label.text().startswith("Refugee Status Determination Unit, Chad")
    form.email.setText("broken")
    window.settings_page.save_button.click()
    assert window.settings_page.save_status.text() == ""
    assert workspace.profiles.get().email == CHAD.email


def test_about_shows_version_folder_and_licences(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    dialog = AboutDialog(workspace.data_dir)
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert "0.1.0" in text and str(workspace.data_dir) in text and "LGPL-3.0" in text


def test_second_instance_is_refused_with_a_message(
    qtbot: QtBot, language: LanguageSwitcher, isolated_home, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    isolated_home.mkdir()
    with InstanceLock(isolated_home):
        assert startup.open_workspace(isolated_home) is None
    assert shown and "already running" in shown[0]


def mnemonic(text: str) -> str | None:
    index = text.replace("&&", "").find("&")
    return text.replace("&&", "")[index + 1].lower() if index >= 0 else None


def test_keyboard_mnemonics_are_unique_on_every_screen(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = make_window(qtbot, workspace, language)
    for lang in ("en", "fr"):
        language.apply(lang, remember=False)
        qtbot.waitUntil(lambda: window.windowTitle() != "")
        qtbot.wait(10)
        menus = [menu.title() for menu in (window.file_menu, window.go_menu,
                                           window.language_menu, window.help_menu)]  # fmt: skip
        for row in range(window.pages.count()):
            page = window.pages.widget(row)
            texts = menus + [label.text() for label in page.findChildren(QLabel) if label.buddy()]
            texts += [button.text() for button in page.findChildren(QAbstractButton)]
            keys = [key for key in map(mnemonic, texts) if key]
            assert len(keys) == len(set(keys)), (lang, row, texts)
