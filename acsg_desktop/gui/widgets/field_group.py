"""Controls that answer one question together (radio buttons, a value and its currency), kept in
one group that screen readers name after the question, and that the question's label and its
mnemonic reach (the group passes the focus to its first control)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QGroupBox, QHBoxLayout, QVBoxLayout, QWidget


def field_group(parent: QWidget, widgets: Sequence[QWidget], vertical: bool = False) -> QGroupBox:
    """``widgets`` in a row (or a column) inside a frameless group; name it with
    ``setAccessibleName`` and make it a label's buddy."""
    group = QGroupBox(parent)
    group.setFlat(True)
    layout: QBoxLayout = QVBoxLayout(group) if vertical else QHBoxLayout(group)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    if not vertical:
        layout.addStretch(1)
    if widgets:  # a label's mnemonic needs a buddy that takes the focus: it passes it on
        group.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        group.setFocusProxy(widgets[0])
    return group
