"""Tooltips on input fields: one short sentence saying what to enter and why.

``set_field_tips`` puts the tip on a field and on every input inside it, so a group (a row of
radio buttons, a grid of check boxes, an amount with its currency) says it wherever the pointer
rests. Call it from ``retranslate_ui()`` with texts from ``_()``, so a language switch follows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

Field = TypeVar("Field", bound=QWidget)

INPUT_TYPES = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QCheckBox,
    QRadioButton,
)


def set_field_tip(field: QWidget, tip: str) -> None:
    """``tip`` on ``field`` and on each input it holds (not the editor inside a combo box or a
    spin box: the pointer there shows its owner's tip)."""
    field.setToolTip(tip)
    for child in field.findChildren(QWidget):
        inner = isinstance(child.parentWidget(), (QComboBox, QAbstractSpinBox))
        if isinstance(child, INPUT_TYPES) and not inner:
            child.setToolTip(tip)


def set_field_tips(tips: Mapping[Field, str]) -> None:
    """``set_field_tip`` for each field of ``tips``."""
    for field, tip in tips.items():
        set_field_tip(field, tip)
