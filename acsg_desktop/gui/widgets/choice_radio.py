"""Radio buttons for a choice that is saved as soon as it is made (an indicator's level).

Qt's radio buttons check the next button of their group on each arrow key, so a keyboard user
exploring the levels would save four answers on the way. Here the arrows only move the focus
(the screen reader reads each level and its description); Space, Enter or a click chooses.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QRadioButton

STEPS = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Right: 1,
}
CHOOSE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ChoiceRadioButton(QRadioButton):
    """A radio button whose arrow keys move the focus without checking (see module doc)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and key in STEPS:
            self._move_focus(STEPS[key])
        elif plain and key in CHOOSE_KEYS:
            self.click()
        else:
            super().keyPressEvent(event)

    def _move_focus(self, step: int) -> None:
        group = self.group()
        buttons: list[QAbstractButton] = [
            button
            for button in (group.buttons() if group is not None else [])
            if button.isVisible() and button.isEnabled()
        ]
        if self in buttons:
            target = buttons[(buttons.index(self) + step) % len(buttons)]
            target.setFocus(Qt.FocusReason.OtherFocusReason)
