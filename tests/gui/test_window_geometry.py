"""Where the windows open: the first time maximized on a laptop screen (the offscreen screen is
800x800), later as the user left them but never larger than the screen or off it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.preferences import load_settings, save_settings
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.desk.desk_window import DeskWindow
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.widgets.window_geometry import available_area, show_fitted
from tests.core.helpers import CHAD


def test_the_first_start_opens_maximized_on_a_small_screen(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    workspace.profiles.save(CHAD)
    workspace.set_current_user(CHAD.contact_person)
    window = MainWindow(workspace, language)
    qtbot.addWidget(window)
    assert not window.geometry_restored
    show_fitted(window, window.geometry_restored)
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_a_saved_window_larger_than_the_screen_and_off_it_comes_back_inside(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    workspace.profiles.save(CHAD)
    workspace.set_current_user(CHAD.contact_person)
    first = MainWindow(workspace, language)
    qtbot.addWidget(first)
    first.show()
    first.resize(3000, 2000)  # as on a large external screen, then unplugged
    first.move(2500, 1800)
    first.close()
    assert load_settings(workspace.data_dir).window_geometry
    again = MainWindow(workspace, language)
    qtbot.addWidget(again)
    assert again.geometry_restored
    show_fitted(again, again.geometry_restored)
    assert available_area(again).contains(again.frameGeometry())
    assert again.width() < 3000 and again.height() < 2000
    assert not again.windowState() & Qt.WindowState.WindowMaximized


def test_the_desk_window_is_fitted_the_same_way(
    qtbot: QtBot, tmp_path: Path, language: LanguageSwitcher
) -> None:
    with DeskWorkspace.open(tmp_path / "desk") as desk:
        desk.trust.create("Desk officer", b"the desk's own long passphrase")
        settings = load_settings(desk.folder)
        settings.window_geometry = ""
        save_settings(desk.folder, settings)
        window = DeskWindow(desk, language)
        qtbot.addWidget(window)
        show_fitted(window, window.geometry_restored)
        assert window.windowState() & Qt.WindowState.WindowMaximized
        window.close()
