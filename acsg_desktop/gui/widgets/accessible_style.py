"""The one place for the application's look where it matters to accessibility: colours with a
contrast of at least 4.5:1, a focus frame that can be seen, and item views that Tab leaves.

``apply_accessible_look(app)`` is called once by the composition root (and by the GUI tests'
fixture, the same way): Fusion wrapped in ``AccessibleStyle``, ``accessible_palette()``, and the
focus ring that follows the keyboard (focus_ring.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateTimeEdit,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionFocusRect,
    QWidget,
)

from acsg_desktop.gui.widgets.colours import contrast_ratio
from acsg_desktop.gui.widgets.high_contrast import HC_FOCUS_COLOUR, high_contrast_on

FOCUS_COLOUR = QColor("#1a4e93")  # 7.2:1 on the window, 8.2:1 on white
ERROR_COLOUR = QColor("#b00020")  # 6.4:1 on the window
ERROR_STYLE = f"color: {ERROR_COLOUR.name()};"
FOCUS_WIDTH = 2
# role -> colour, the same in the active and inactive groups; Fusion's defaults elsewhere.
ACTIVE_COLOURS = {
    QPalette.ColorRole.Highlight: QColor("#1c56a0"),  # white on it: 7.3:1 (Fusion's: 3.7:1)
    QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
    QPalette.ColorRole.PlaceholderText: QColor("#5f5f5f"),
    QPalette.ColorRole.Link: QColor("#0b4fa8"),
    QPalette.ColorRole.LinkVisited: QColor("#6a1b9a"),
}
DISABLED_COLOURS = {
    QPalette.ColorRole.WindowText: QColor("#666666"),  # 5:1 on the window (Fusion's: 1.6:1)
    QPalette.ColorRole.Text: QColor("#666666"),
    QPalette.ColorRole.ButtonText: QColor("#666666"),
    QPalette.ColorRole.Highlight: QColor("#5c5c5c"),
    QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
    QPalette.ColorRole.PlaceholderText: QColor("#666666"),
}
LOOK_PROPERTY = "acsg-accessible-look"


def accessible_palette(base: QPalette) -> QPalette:
    """``base`` with the colours above."""
    palette = QPalette(base)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in ACTIVE_COLOURS.items():
            palette.setColor(group, role, colour)
    for role, colour in DISABLED_COLOURS.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, colour)
    return palette


def focus_colour() -> QColor:
    """The focus frame's colour in the mode shown now (yellow in high contrast)."""
    return HC_FOCUS_COLOUR if high_contrast_on() else FOCUS_COLOUR


def focus_pen_colour(background: QColor) -> QColor:
    """The focus colour, or black or white on a background too close to it (a selected row)."""
    colour = focus_colour()
    if background.isValid() and contrast_ratio(colour, background) < 3:
        black, white = QColor("#000000"), QColor("#ffffff")
        return max((black, white), key=lambda pen: contrast_ratio(pen, background))
    return colour


class _DateTabLeaves(QObject):
    """Tab leaves a date field, as it leaves any other (Qt's moves from day to month to year;
    the arrow keys still do that)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QDateTimeEdit) and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Tab:
                watched.setCurrentSectionIndex(watched.sectionCount() - 1)
            elif event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Backtab:
                watched.setCurrentSectionIndex(0)
        return False


class AccessibleStyle(QProxyStyle):
    """Fusion, with a solid focus rectangle (tabs, check boxes, the current cell) instead of
    its faint one, and item views that Tab leaves instead of moving from cell to cell."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self._date_tab = _DateTabLeaves(self)

    def polish(self, target: Any) -> Any:  # each overload: a widget, the application, a palette
        if isinstance(target, QAbstractItemView):
            target.setTabKeyNavigation(False)  # Tab moves on; the arrows move in the view
        elif isinstance(target, QDateTimeEdit):
            target.installEventFilter(self._date_tab)
        return super().polish(target)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element is QStyle.PrimitiveElement.PE_FrameFocusRect:
            background = (
                option.backgroundColor if isinstance(option, QStyleOptionFocusRect) else QColor()
            )
            draw_focus_rect(painter, option.rect.adjusted(1, 1, -1, -1), background)
            return
        super().drawPrimitive(element, option, painter, widget)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if (  # Fusion marks the focused tab by nothing but a shade (1.1:1)
            element is QStyle.ControlElement.CE_TabBarTabLabel
            and option.state & QStyle.StateFlag.State_HasFocus
        ):
            draw_focus_rect(painter, option.rect.adjusted(3, 3, -3, -2), QColor())


def draw_focus_rect(painter: QPainter, rect: QRect, background: QColor) -> None:
    """A solid rectangle, ``FOCUS_WIDTH`` wide, that stands out from ``background``."""
    painter.save()
    painter.setPen(QPen(focus_pen_colour(background), FOCUS_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    painter.restore()


def apply_accessible_look(app: QApplication) -> None:
    """Style, palette and focus ring for the whole application (once; later calls do nothing)."""
    if app.property(LOOK_PROPERTY):
        return
    from acsg_desktop.gui.widgets.focus_ring import FocusRing

    app.setStyle(AccessibleStyle())
    app.setPalette(accessible_palette(app.style().standardPalette()))
    ring: QObject = FocusRing(app)
    app.setProperty(LOOK_PROPERTY, True)
    ring.setObjectName("focus-ring-tracker")
