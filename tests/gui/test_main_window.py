from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.store.lock import InstanceLock
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui import startup
from acsg_desktop.gui.about_dialog import AboutDialog
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from tests.core.helpers import CHAD
from tests.gui.helpers import open_main_window


def make_window(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> MainWindow:
    return open_main_window(qtbot, workspace, language)


def navigation_texts(window: MainWindow) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def test_language_switch_from_the_menu_retranslates_the_open_window(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = make_window(qtbot, workspace, language)
    assert navigation_texts(window)[:2] == ["Overview", "Assessments"]
    french = next(a for a in window.language_actions.actions() if a.data() == "fr")
    french.trigger()
    qtbot.waitUntil(lambda: navigation_texts(window)[0] != "Overview")
    assert navigation_texts(window) == [
        "Vue d'ensemble", "Auto-évaluations", "Demandes d'appui", "Offres d'appui", "Paquets",
        "Guides pratiques", "Paramètres",
    ]  # fmt: skip
    assert window.file_menu.title() == "&Fichier"
    assert "Tchad" in window.status_label.text()
    assert window.settings_page.form.country.currentText() == "Tchad"
    # Qt's own texts follow too (qtbase_fr.qm).
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    english = next(a for a in window.language_actions.actions() if a.data() == "en")
    english.trigger()
    qtbot.waitUntil(lambda: navigation_texts(window)[0] == "Overview")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_areas_list_is_as_wide_as_its_longest_name_in_each_language(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = make_window(qtbot, workspace, language)
    navigation = window.navigation
    widths = {}
    for code in ("en", "fr", "es"):
        language.apply(code, remember=False)
        QApplication.processEvents()  # the window retranslates on the posted language change
        longest = max(
            navigation.fontMetrics().horizontalAdvance(t) for t in navigation_texts(window)
        )
        assert longest < navigation.maximumWidth() - 2 * navigation.spacing() <= longest + 60
        widths[code] = navigation.maximumWidth()
    assert widths["es"] > widths["en"]  # « Solicitudes de apoyo » is longer than any English name


def test_keyboard_shortcuts_reach_every_area(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = make_window(qtbot, workspace, language)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.settings_page
    qtbot.keyClick(window.navigation, Qt.Key.Key_Up)
    assert window.pages.currentWidget() is window.guides_page
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.overview_page
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.assessments_page


def test_fits_a_1366_by_768_screen(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = make_window(qtbot, workspace, language)
    for lang in ("en", "fr"):
        language.apply(lang, remember=False)
        qtbot.wait(10)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 740


def unnamed_controls(window: MainWindow) -> list[str]:
    """Visible input controls with neither an accessible name nor a text of their own."""
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView, QAbstractButton, QSpinBox)
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget.parent(), QComboBox | QSpinBox) or isinstance(widget, QHeaderView):
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own parts (table corner buttons...)
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text):
            unnamed.append(widget.objectName() or type(widget).__name__)
    return unnamed


def test_every_control_on_every_screen_has_an_accessible_name(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    create_demo(workspace, "en")
    window = make_window(qtbot, workspace, language)
    for row in range(window.navigation.count()):
        window.show_area(row)
        assert unnamed_controls(window) == [], row
    page = window.assessments_page
    page.open_wizard(page.model.row_at(0).id)
    wizard = page.wizard
    for step in ("contexts", "appeals.effective-remedy", "review"):
        wizard.show_step(wizard.navigator.go_to(step))
        assert unnamed_controls(window) == [], step
    page.show_results(page.model.row_at(1).id)
    assert unnamed_controls(window) == []


def test_profile_saved_from_settings_updates_the_status_bar(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = make_window(qtbot, workspace, language)
    form = window.settings_page.form
    form.authority_name.setText("Refugee Status Determination Unit")
    window.settings_page.save_button.click()
    assert window.settings_page.save_status.text() == "Profile saved."
    assert "Refugee Status Determination Unit, Chad" in window.status_label.text()
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
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text: shown.append(text)
    )
    isolated_home.mkdir()
    with InstanceLock(isolated_home):
        assert startup.open_workspace(isolated_home) is None
    assert shown and "already running" in shown[0]


def mnemonic(text: str) -> str | None:
    index = text.replace("&&", "").find("&")
    return text.replace("&&", "")[index + 1].lower() if index >= 0 else None


def visible_mnemonics(window: MainWindow) -> list[str]:
    texts = [action.text() for action in window.menuBar().actions()]  # View included
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if (isinstance(widget, QLabel) and widget.buddy()) or isinstance(widget, QAbstractButton):
            texts.append(widget.text())
    return [key for key in map(mnemonic, texts) if key]


def assert_unique(keys: list[str], where: object) -> None:
    assert len(keys) == len(set(keys)), (where, sorted(keys))


def test_keyboard_mnemonics_are_unique_on_every_screen(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    create_demo(workspace, "en")
    window = make_window(qtbot, workspace, language)
    page = window.assessments_page
    for lang in ("en", "fr"):
        language.apply(lang, remember=False)
        qtbot.wait(20)
        for row in range(window.pages.count()):
            window.show_area(row)
            assert_unique(visible_mnemonics(window), (lang, row))
        window.show_area(window.pages.indexOf(window.assessments_page))
        page.open_wizard(page.model.row_at(0).id)
        for step in ("contexts", "appeals.effective-remedy", "review"):
            page.wizard.show_step(page.wizard.navigator.go_to(step))
            assert_unique(visible_mnemonics(window), (lang, step))
        page.show_results(page.model.row_at(1).id)
        assert_unique(visible_mnemonics(window), (lang, "results"))
        page.show_list()


def test_closing_the_window_backs_up_what_changed(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = make_window(qtbot, workspace, language)  # the profile was just saved: a change
    window.close()
    backups = list((workspace.data_dir / "backups").glob("acsg-*-auto.sqlite3"))
    assert len(backups) == 1
