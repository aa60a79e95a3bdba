"""Dialog buttons that keep our labels after a live language switch."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from acsg_desktop.core.live_text import retranslated_text

Standard = QDialogButtonBox.StandardButton


class LabelledButtonBox(QDialogButtonBox):
    """A button box whose standard buttons keep the labels given with :meth:`label`.

    On a language change Qt's own box puts its default labels back on its standard buttons, so
    "Quit" would read "Annuler" (and still quit); this one re-labels them in the new language.
    Their roles stay Qt's: Save accepts, Cancel and Escape reject.
    """

    def __init__(self, buttons: Standard, parent: QWidget | None = None) -> None:
        super().__init__(buttons, parent)
        self._labels: dict[Standard, str] = {}

    def label(self, which: Standard, text: str) -> QPushButton:
        """Give the standard button ``which`` the label ``text``; returns the button."""
        button = self.button(which)
        if button is None:
            raise ValueError(f"no {which} button in this box")
        button.setText(text)
        self._labels[which] = text
        return button

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # Qt re-labels its standard buttons here
        if event.type() == QEvent.Type.LanguageChange:
            for which, text in self._labels.items():
                self.label(which, retranslated_text(text))
