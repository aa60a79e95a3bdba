"""The pages of a window in a scroll area: on a small screen or at 150 % scale (a 1366x768 screen
is then 910x512) the window still fits, and Tab scrolls each control it reaches into view.

At full size the page fills the area and no scroll bar shows.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget

VISIBLE_MARGIN = 12  # px kept in view around the focused control


class _FocusFollower(QObject):
    """Scrolls its area so that the focused control, when inside it, is in view."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.follow)

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self._area):  # the focus leaves an area being destroyed
            return
        content = self._area.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self._area.ensureWidgetVisible(new, VISIBLE_MARGIN, VISIBLE_MARGIN)
            # again once a page just shown has its final geometry
            QTimer.singleShot(0, self, lambda: self._show(new))

    def _show(self, widget: QWidget) -> None:
        if shiboken6.isValid(self._area) and shiboken6.isValid(widget) and widget.hasFocus():
            self._area.ensureWidgetVisible(widget, VISIBLE_MARGIN, VISIBLE_MARGIN)


def follow_focus(area: QScrollArea) -> None:
    """``area`` is no Tab stop of its own (the controls in it are) and scrolls each control
    that gets the focus into view."""
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    _FocusFollower(area)


def scrolling(content: QWidget, parent: QWidget) -> QScrollArea:
    """``content`` inside a frameless scroll area that is no Tab stop of its own."""
    area = QScrollArea(parent)
    area.setObjectName("pages-scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    follow_focus(area)
    return area
