"""Dialogs tall enough for their wrapped texts.

Qt sizes a new dialog from size hints that guess the width a wrapped label will get; when the
dialog comes out at another width (a long unbreakable path, a minimum width), the label is
given less height than its lines need and the last line is cut. Call ``grow_to_fit_text`` from
the dialog's ``showEvent`` (and after changing its texts).
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def grow_to_fit_text(dialog: QWidget) -> None:
    """Make ``dialog`` as tall as its layout needs at its present width (at most the screen)."""
    needed = dialog.heightForWidth(dialog.width())
    if needed <= dialog.height():
        return
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    dialog.resize(dialog.width(), min(needed, screen.availableGeometry().height()))
