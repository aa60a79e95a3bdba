"""The Help menu's own entries, shared by both windows: the user guide (F1) and the glossary,
placed above the window's About entry. Each opens once and comes to the front when asked
again; both are children of the window, so they close with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from acsg_desktop.core.i18n import _

if TYPE_CHECKING:
    from acsg_desktop.gui.help.glossary_dialog import GlossaryDialog
    from acsg_desktop.gui.help.user_guide_window import UserGuideWindow


def _bring_forward(widget: QWidget) -> None:
    widget.show()
    widget.raise_()
    widget.activateWindow()


class HelpActions(QObject):
    """Adds "User guide" and "Glossary" to ``menu`` before ``before``; ``part`` is where the
    guide opens the first time (the desk opens it at its own part)."""

    def __init__(self, window: QMainWindow, menu: QMenu, before: QAction, part: str = "") -> None:
        super().__init__(window)
        self._window, self._part = window, part
        self.guide: UserGuideWindow | None = None
        self.glossary: GlossaryDialog | None = None
        self.guide_action = QAction(window)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.show_guide)
        self.glossary_action = QAction(window)
        self.glossary_action.triggered.connect(self.show_glossary)
        menu.insertAction(before, self.guide_action)
        menu.insertAction(before, self.glossary_action)
        menu.insertSeparator(before)
        window.installEventFilter(self)
        self.retranslate_ui()

    def show_guide(self) -> UserGuideWindow:
        """Open the user guide (or bring it forward)."""
        if self.guide is None:
            from acsg_desktop.gui.help.user_guide_window import UserGuideWindow

            self.guide = UserGuideWindow(self._window)
            if self._part:
                self.guide.open_part(self._part)
        _bring_forward(self.guide)
        return self.guide

    def show_glossary(self) -> GlossaryDialog:
        """Open the glossary (or bring it forward)."""
        if self.glossary is None:
            from acsg_desktop.gui.help.glossary_dialog import GlossaryDialog

            self.glossary = GlossaryDialog(self._window)
        _bring_forward(self.glossary)
        return self.glossary

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False

    def retranslate_ui(self) -> None:
        self.guide_action.setText(_("&User guide"))
        self.glossary_action.setText(_("&Glossary (English, French, Spanish)"))
