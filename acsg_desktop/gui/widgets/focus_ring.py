"""A ring of the focus colour around whichever control has the keyboard focus, in every window:
Fusion's own focus marks (a slightly darker border) are too faint to see."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QFocusFrame,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QTabBar,
    QWidget,
)

from acsg_desktop.gui.widgets.accessible_style import FOCUS_WIDTH, focus_colour


class _RingStyle(QProxyStyle):
    """Only for the ring: drawn above the control (not under it, where the control's parent
    would clip it), ``FOCUS_WIDTH`` wide."""

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returned: QStyleHintReturn | None = None,
    ) -> int:
        if hint is QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1
        return super().styleHint(hint, option, widget, returned)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric in (
            QStyle.PixelMetric.PM_FocusFrameHMargin,
            QStyle.PixelMetric.PM_FocusFrameVMargin,
        ):
            return FOCUS_WIDTH
        return super().pixelMetric(metric, option, widget)


class RingFrame(QFocusFrame):
    """The ring itself: Qt keeps it around its control as the control moves or scrolls; the
    style's mask leaves only a band of ``FOCUS_WIDTH`` pixels, filled here."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._style = _RingStyle()
        self.setStyle(self._style)
        self.setObjectName("focus-ring")

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.widget() is not None:
            painter = QPainter(self)
            painter.fillRect(self.rect(), focus_colour())
            painter.end()


def ring_target(focused: QWidget | None) -> QWidget | None:
    """The control to ring: an editable combo box rather than its line edit; none in menus
    and pop-up lists, nor on a tab bar (the style frames its focused tab)."""
    if (
        focused is None
        or isinstance(focused, QTabBar)
        or focused.window().windowType() == Qt.WindowType.Popup
    ):
        return None
    target = focused
    parent = target.parentWidget()
    while parent is not None and parent.focusProxy() is target:
        target, parent = parent, parent.parentWidget()
    return None if target.isWindow() else target


class FocusRing(QObject):
    """Moves one ``RingFrame`` to each newly focused control (made again if its window went)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.frame: RingFrame | None = None
        app.focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        target = ring_target(new)
        frame = self.frame if self.frame is not None and shiboken6.isValid(self.frame) else None
        if target is None:
            if frame is not None:
                frame.setWidget(None)  # type: ignore[arg-type]  # Qt takes None: no widget
            return
        if frame is None:
            frame = self.frame = RingFrame(target.window())
        frame.setWidget(target)
