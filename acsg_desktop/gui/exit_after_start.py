"""``ACSG_EXIT_AFTER_START=1``: quit cleanly once the main window has painted.

``make bundle-test`` starts the built app this way (offscreen, in a throwaway data folder) to
prove that it reaches its main window: the app logs "main window painted" and exits with status
0 through the normal shutdown path, without anyone closing the window. The log line also shows
one of Qt's own texts as Qt translates it, so that the test sees Qt's French translation found in
the bundle. Unset, nothing changes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_EXIT_AFTER_START = "ACSG_EXIT_AFTER_START"
PAINTED_MESSAGE = "main window painted"
# One of Qt's own texts (the Cancel button), logged as Qt shows it: in French only when Qt's
# translation (qtbase_fr.qm) was found, which the bundle test checks.
QT_SAMPLE = ("QPlatformTheme", "Cancel")

log = logging.getLogger(__name__)


class _QuitAfterFirstPaint(QObject):
    """Watches one window; on its first paint, logs it and queues ``quit`` once."""

    def __init__(self, window: QWidget, quit_app: Callable[[], None]) -> None:
        super().__init__(window)
        self._quit_app = quit_app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            log.info(
                "%s; Qt's own %r reads %r; quitting as %s=1 asks",
                PAINTED_MESSAGE,
                QT_SAMPLE[1],
                QCoreApplication.translate(*QT_SAMPLE),  # "Annuler": qtbase_fr.qm was found
                ENV_EXIT_AFTER_START,
            )
            QTimer.singleShot(0, self._quit_app)  # after this paint has finished
        return False


def quit_after_first_paint(
    window: QWidget, quit_app: Callable[[], None] = QApplication.quit
) -> bool:
    """With ``ACSG_EXIT_AFTER_START=1`` set, quit once ``window`` has painted; True if armed."""
    if os.environ.get(ENV_EXIT_AFTER_START) != "1":
        return False
    window.installEventFilter(_QuitAfterFirstPaint(window, quit_app))
    return True
