"""Read-only forms that stay readable: not greyed out (disabled text is 1.6:1) and still reached by
Tab, so a screen reader reads every value; only changing them is refused.

``set_read_only(container, True)`` makes the text fields of ``container`` read only and guards its
other controls (check boxes, radio buttons, combo boxes, date and number fields) against every
click, key or mnemonic that would change them; each says "read only" to screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from acsg_desktop.core.i18n import _
from acsg_desktop.gui.widgets.choice_radio import STEPS, ChoiceRadioButton

GUARD_NAME = "read-only-guard"
# Input that never changes a value: moving on, and the arrows of a choice that only move focus.
PASSING_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape)
CHANGING_EVENTS = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.Shortcut,
)


class _Guard(QObject):
    """Swallows the input that would change the control it watches."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in CHANGING_EVENTS:
            return False
        if isinstance(event, QKeyEvent):
            key = Qt.Key(event.key())
            if key in PASSING_KEYS or (isinstance(watched, ChoiceRadioButton) and key in STEPS):
                return False
        return True


def _guard(widget: QWidget, on: bool) -> None:
    guard = widget.findChild(_Guard, GUARD_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if on and guard is None:
        guard = _Guard(widget)
        guard.setObjectName(GUARD_NAME)
        widget.installEventFilter(guard)
    elif not on and guard is not None:
        widget.removeEventFilter(guard)
        guard.deleteLater()
        guard.setObjectName("")


def is_read_only(widget: QWidget) -> bool:
    """True while ``set_read_only`` guards ``widget``."""
    found = widget.findChild(_Guard, GUARD_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found is not None


def _describe(widget: QWidget, note: str, read_only: bool) -> None:
    """Say "read only" where the control has no description of its own (a level's, an error)."""
    if read_only and not widget.accessibleDescription():
        widget.setAccessibleDescription(note)
    elif not read_only and widget.accessibleDescription() == note:
        widget.setAccessibleDescription("")


def set_read_only(container: QWidget, read_only: bool) -> None:
    """Make every input in ``container`` read only (or editable again); see the module doc."""
    note = _("Read only")
    for widget in container.findChildren(QWidget):
        inner = isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox))
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            widget.setReadOnly(read_only)
            if inner:  # a combo box's own line edit: its list must not change either
                _guard(widget, read_only)
            else:
                _describe(widget, note, read_only)
        elif isinstance(widget, (QAbstractButton, QComboBox, QAbstractSpinBox)):
            if isinstance(widget, QAbstractSpinBox):
                widget.setReadOnly(read_only)
            _guard(widget, read_only)
            _describe(widget, note, read_only)
