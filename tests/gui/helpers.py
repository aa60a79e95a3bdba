"""Opening the main window as a user would after the first-run setup."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from tests.core.helpers import CHAD


def open_main_window(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, user: str = CHAD.contact_person
) -> MainWindow:
    """A shown 1366x768 main window over ``workspace`` (profile and user set if missing)."""
    if workspace.profiles.get() is None:
        workspace.profiles.save(CHAD)
    workspace.set_current_user(user)
    window = MainWindow(workspace, language)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window
