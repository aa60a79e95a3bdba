"""Naming a control for screen readers, including the part of it that really takes the focus."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget


def name_control(widget: QWidget, name: str) -> None:
    """``widget``'s accessible name; an editable combo box's line edit (which has the focus
    when the combo box has it) gets the same name, or a screen reader would say none."""
    widget.setAccessibleName(name)
    line_edit = widget.lineEdit() if isinstance(widget, QComboBox) else None
    if line_edit is not None:
        line_edit.setAccessibleName(name)
