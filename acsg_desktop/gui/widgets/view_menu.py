"""The View menu: larger and smaller text (Ctrl+Plus, Ctrl+Minus, Ctrl+0) and high contrast."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from acsg_desktop.core.i18n import _
from acsg_desktop.gui.widgets.display_comfort import NORMAL_SIZE, TEXT_SIZES, comfort


class ViewActions(QObject):
    """A View menu put before ``before`` (the Help menu); shows and changes what ``data_dir``
    remembers."""

    def __init__(self, window: QMainWindow, before: QMenu, data_dir: Path) -> None:
        super().__init__(window)
        self._window = window
        self._comfort = comfort()
        self._comfort.attach(data_dir)
        self.menu = QMenu(window)
        window.menuBar().insertMenu(before.menuAction(), self.menu)
        self.larger_action = self._add(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")],
            lambda: self._comfort.step_text_size(1),
        )
        self.smaller_action = self._add(
            [QKeySequence(QKeySequence.StandardKey.ZoomOut)],
            lambda: self._comfort.step_text_size(-1),
        )
        self.normal_action = self._add(
            [QKeySequence("Ctrl+0")], lambda: self._comfort.set_text_size(NORMAL_SIZE)
        )
        self.menu.addSeparator()
        self.contrast_action = QAction(window, checkable=True)
        self.contrast_action.triggered.connect(self._comfort.set_high_contrast)
        self.menu.addAction(self.contrast_action)
        self._comfort.changed.connect(self._show_state)
        window.installEventFilter(self)
        self.retranslate_ui()

    def _add(self, keys: list[QKeySequence], act: object) -> QAction:
        action = QAction(self._window)
        action.setShortcuts(keys)
        action.triggered.connect(act)
        self.menu.addAction(action)
        return action

    def _show_state(self) -> None:
        size = self._comfort.text_size
        self.larger_action.setEnabled(size < TEXT_SIZES[-1])
        self.smaller_action.setEnabled(size > TEXT_SIZES[0])
        self.normal_action.setEnabled(size != NORMAL_SIZE)
        self.contrast_action.setChecked(self._comfort.high_contrast)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False

    def retranslate_ui(self) -> None:
        self.menu.setTitle(_("Vie&w"))
        self.larger_action.setText(_("&Larger text"))
        self.smaller_action.setText(_("&Smaller text"))
        self.normal_action.setText(_("&Normal text size"))
        self.contrast_action.setText(_("&High contrast"))
        self._show_state()
