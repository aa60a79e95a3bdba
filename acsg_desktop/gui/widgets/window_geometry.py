"""Where a main window opens: as the user left it (never larger than the screen, never off it),
or, the first time, maximized on a laptop screen and fitted on a larger one."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Screens up to this size (1366x768, 1440x900 laptops) get the whole screen the first time.
SMALL_SCREEN = QSize(1440, 900)
FIRST_SIZE = QSize(1366, 860)  # the first size on a larger screen
# px for the title bar and the borders, unknown until the window has been shown once
FRAME_ALLOWANCE = 40
BORDER_ALLOWANCE = 8


def restore_geometry(window: QWidget, saved: str | None) -> bool:
    """Restore ``saved`` (from ``saved_geometry``); False when there is nothing to restore."""
    if not saved:
        return False
    return window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))


def saved_geometry(window: QWidget) -> str:
    """The window's geometry as text for the settings file."""
    return bytes(window.saveGeometry().toBase64().data()).decode("ascii")


def available_area(window: QWidget) -> QRect:
    """The part of the window's screen not taken by panels and task bars."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def clip_to(window: QWidget, area: QRect) -> None:
    """Shrink ``window`` (its frame included) to ``area`` if larger, and move it inside."""
    frame = window.frameGeometry()
    extra_width = max(frame.width() - window.width(), BORDER_ALLOWANCE)
    extra_height = max(frame.height() - window.height(), FRAME_ALLOWANCE)
    width = min(window.width(), area.width() - extra_width)
    height = min(window.height(), area.height() - extra_height)
    window.resize(width, height)
    left = min(max(frame.x(), area.left()), area.right() + 1 - width - extra_width)
    top = min(max(frame.y(), area.top()), area.bottom() + 1 - height - extra_height)
    window.move(max(left, area.left()), max(top, area.top()))


def show_fitted(window: QWidget, restored: bool) -> None:
    """Show ``window``: where it was (``restored``), clipped to the screen; the first time,
    maximized on a small screen, or at ``FIRST_SIZE`` (at most the screen) in its middle."""
    area = available_area(window)
    if restored:
        if not (window.isMaximized() or window.isFullScreen()):
            clip_to(window, area)
        window.show()
        return
    if area.width() <= SMALL_SCREEN.width() or area.height() <= SMALL_SCREEN.height():
        window.showMaximized()
        return
    size = FIRST_SIZE.boundedTo(area.size())
    window.resize(size)
    window.move(area.center().x() - size.width() // 2, area.center().y() - size.height() // 2)
    window.show()
