"""A window's status bar: who works, shown whole while there is room, and the data folder,
elided in the middle when too long (the whole path in its tooltip), so that a long folder or
a larger text size never widens the window nor cuts the line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QSizePolicy

from acsg_desktop.gui.widgets.status_line import StatusLine


def add_window_status(window: QMainWindow) -> tuple[StatusLine, StatusLine]:
    """The two lines, in ``window``'s status bar: (who, folder)."""
    who = StatusLine(window)
    who.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # its text's width
    folder = StatusLine(window, Qt.TextElideMode.ElideMiddle)
    folder.setObjectName("status-folder")
    bar = window.statusBar()
    bar.addWidget(who)
    bar.addWidget(folder, 1)
    return who, folder
