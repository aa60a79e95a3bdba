"""The heading every area's page starts with."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

TITLE_POINT_SIZE = 16


def make_page_title(parent: QWidget) -> QLabel:
    """A large bold label for a page heading."""
    title = QLabel(parent)
    font = QFont(title.font())
    font.setPointSize(TITLE_POINT_SIZE)
    font.setBold(True)
    title.setFont(font)
    return title
