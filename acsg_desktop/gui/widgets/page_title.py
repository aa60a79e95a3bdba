"""The heading every area's page starts with (announced when its page is shown)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from acsg_desktop.gui.widgets.announce import mark_page_title
from acsg_desktop.gui.widgets.display_comfort import scaled_point_size

TITLE_POINT_SIZE = 16


def make_page_title(parent: QWidget) -> QLabel:
    """A large bold label for a page heading."""
    title = QLabel(parent)
    font = QFont(title.font())
    font.setPointSizeF(scaled_point_size(TITLE_POINT_SIZE))  # follows the text size chosen
    font.setBold(True)
    title.setFont(font)
    mark_page_title(title)
    return title
