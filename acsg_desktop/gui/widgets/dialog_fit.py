"""Dialogs tall enough for their wrapped texts.

Qt sizes a new dialog from size hints that guess the width a wrapped label will get; when the
dialog comes out at another width (a long unbreakable path, a minimum width), the label is
given less height than its lines need and the last line is cut. Call ``grow_to_fit_text`` from
the dialog's ``showEvent`` (and after changing its texts); ``DialogsFitText``, installed on the
application with the text size, does it for every dialog when it is shown and whenever its
layout changes (an error message appears, the text grows).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget


def grow_to_fit_text(dialog: QWidget) -> None:
    """Make ``dialog`` as tall as its layout needs at its present width (at most the screen)."""
    needed = dialog.heightForWidth(dialog.width())
    if needed <= dialog.height():
        return
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    dialog.resize(dialog.width(), min(needed, screen.availableGeometry().height()))


class DialogsFitText(QObject):
    """An application event filter: each dialog grows to fit its wrapped texts once it is
    laid out (when shown, and after each change of its layout)."""

    WATCHED = (QEvent.Type.Show, QEvent.Type.LayoutRequest)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.WATCHED and isinstance(watched, QDialog):
            QTimer.singleShot(0, watched, lambda: self._grow(watched))  # once laid out
        return False

    @staticmethod
    def _grow(dialog: QDialog) -> None:
        if shiboken6.isValid(dialog) and dialog.isVisible():
            grow_to_fit_text(dialog)
