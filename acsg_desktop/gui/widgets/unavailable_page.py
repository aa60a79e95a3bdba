"""A screen for an area not built yet: it says so plainly and offers nothing that would not work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from acsg_desktop.core.i18n import _
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class UnavailablePage(Retranslatable, QWidget):
    """Title, what the area will do, and that it is not available in this version."""

    def __init__(self, title: str, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_source, self._purpose_source = title, purpose
        self.title = make_page_title(self)
        self.purpose = QLabel(self)
        self.notice = QLabel(self)
        for label in (self.purpose, self.notice):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.purpose)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_(self._title_source))
        self.purpose.setText(_(self._purpose_source))
        self.notice.setText(
            _(
                "Not available yet: this part of ACSG Desktop comes in a later version. "
                "Nothing on this screen works for now, and no data is lost by waiting."
            )
        )
        self.setAccessibleName(_(self._title_source))
