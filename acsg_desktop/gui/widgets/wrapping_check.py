"""A check box whose text wraps: a long question never widens the window beyond the screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from acsg_desktop.gui.widgets.read_only import is_read_only


class _ClickableLabel(QLabel):
    def __init__(self, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(parent)
        self._box = box

    def mousePressEvent(self, event: QMouseEvent) -> None:
        usable = self._box.isEnabled() and not is_read_only(self._box)
        if event.button() == Qt.MouseButton.LeftButton and usable:
            self._box.toggle()
        super().mousePressEvent(event)


class WrappingCheckBox(QWidget):
    """``box`` (the check box itself, with the accessible name) and a wrapped, clickable
    ``label`` holding its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.label = _ClickableLabel(self.box, self)
        self.label.setWordWrap(True)
        self.label.setBuddy(self.box)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.box.setAccessibleName(text)
