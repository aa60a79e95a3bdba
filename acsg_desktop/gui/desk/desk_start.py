"""Starting the desk (``acsg-desktop --secretariat``): its own folder, its first run (the
desk's key), then the desk window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.lock import InstanceLockedError
from acsg_desktop.gui.desk.desk_window import DeskWindow
from acsg_desktop.gui.desk.key_dialog import DeskKeyDialog
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.single_instance import InstanceServer, bring_forward
from acsg_desktop.gui.widgets.window_geometry import show_fitted


def open_desk(folder: Path) -> DeskWorkspace | None:
    """Open the desk's folder or explain why not; None means quit."""
    try:
        return DeskWorkspace.open(folder)
    except InstanceLockedError as error:
        message = error.message
        if bring_forward(folder):
            message = _("The desk is already open on this folder: its window was brought forward.")
        QMessageBox.information(None, _("The desk is already open"), message)
    except AcsgError as error:
        QMessageBox.critical(None, _("The desk cannot start"), error.message)
    return None


def run_desk(app: QApplication, folder: Path, language: LanguageSwitcher) -> int:
    """The desk's window until it closes; returns the exit status."""
    desk = open_desk(folder)
    if desk is None:
        return 1
    try:
        if not desk.trust.exists() and not DeskKeyDialog(desk.trust).exec():
            return 0
        window = DeskWindow(desk, language)
        InstanceServer(folder, window)
        show_fitted(window, window.geometry_restored)
        return app.exec()
    finally:
        desk.close()
