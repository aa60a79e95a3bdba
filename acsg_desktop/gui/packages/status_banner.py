"""The Packages page's answer to the last thing done: an icon, a colour and words, so that a
failed verification or export can never pass for plain information.

The words are given as a function, so a live language switch says them again in the new
language (a core error's message, translated when it was raised, stays as it was)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from acsg_desktop.core.display import escape_controls
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class Outcome(Enum):
    """How the last action ended; each has its own colours, icon and spoken name."""

    SUCCESS = ("#e7f4ea", "#1e6b34", "#10401f", QStyle.StandardPixmap.SP_DialogApplyButton)
    FAILURE = ("#fdecee", "#b00020", "#5c0011", QStyle.StandardPixmap.SP_MessageBoxCritical)
    INFO = ("#eef3fb", "#4a6a9c", "#1f3354", QStyle.StandardPixmap.SP_MessageBoxInformation)


SPOKEN = {Outcome.SUCCESS: N_("Done"), Outcome.FAILURE: N_("Failed"), Outcome.INFO: N_("Note")}
ICON_SIZE = 24


class StatusBanner(Retranslatable, QFrame):
    """Hidden until ``show_outcome``; the text is plain (names from files are escaped)."""

    _words: Callable[[], str]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status-banner")
        self.outcome: Outcome | None = None
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        self.hide()

    def show_outcome(self, outcome: Outcome, words: str | Callable[[], str]) -> None:
        self.outcome = outcome
        self._words = words if callable(words) else (lambda: words)
        background, border, colour, icon = outcome.value
        self.setStyleSheet(
            f"QFrame#status-banner {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} QLabel {{ color: {colour}; background: transparent; }}"
        )
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(ICON_SIZE, ICON_SIZE))
        self.retranslate_ui()
        self.show()

    def clear(self) -> None:
        self.outcome = None
        self.text.clear()
        self.hide()

    def retranslate_ui(self) -> None:
        if self.outcome is None:
            return
        self.text.setText(escape_controls(self._words()))  # subjects, entry names from files
        # Screen readers announce the kind, then the words.
        self.setAccessibleName(_(SPOKEN[self.outcome]))
        self.setAccessibleDescription(self.text.text())
