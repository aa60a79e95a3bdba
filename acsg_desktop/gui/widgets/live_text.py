"""Texts set by an action (a status, an error, a title) that follow a live language switch.

``show_text(label, _("Saved at {time}.").format(time=...))`` sets the text now and, after each
``LanguageChange``, sets it again remade in the new language (see
:mod:`acsg_desktop.core.live_text`), as long as nothing else replaced it meanwhile: a text set
later by other code, or a ``retranslate_ui()`` that writes its own, always wins.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from acsg_desktop.core.live_text import retranslated_text

# The setters a live text can go through, and the getter that reads what is shown.
GETTERS = {
    "setText": "text",
    "setToolTip": "toolTip",
    "setWindowTitle": "windowTitle",
    "setTitle": "title",
    "setPlaceholderText": "placeholderText",
    "setAccessibleName": "accessibleName",
    "setAccessibleDescription": "accessibleDescription",
    "setLabelText": "labelText",
    "showMessage": "currentMessage",  # a QStatusBar message without a timeout
}


class _LiveTexts(QObject):
    """Watches one widget for LanguageChange and remakes the texts it was given."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.setObjectName("live_texts")
        self._texts: dict[str, tuple[str, str]] = {}  # setter -> (the text, what was shown)
        widget.installEventFilter(self)

    def show(self, widget: QWidget, setter: str, text: str) -> None:
        getattr(widget, setter)(text)
        self._texts[setter] = (text, _shown(widget, setter))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and isinstance(watched, QWidget):
            self.remake(watched)
        return False

    def remake(self, widget: QWidget) -> None:
        for setter, (text, shown) in list(self._texts.items()):
            if _shown(widget, setter) != shown:  # replaced since: no longer ours to redo
                del self._texts[setter]
                continue
            self.show(widget, setter, retranslated_text(text))
            self._texts[setter] = (text, _shown(widget, setter))


def _shown(widget: QWidget, setter: str) -> str:
    return cast(str, getattr(widget, GETTERS[setter])())


def show_text(widget: QWidget, text: str, setter: str = "setText") -> None:
    """``widget.<setter>(text)`` now, and again in the new language after each switch."""
    if setter not in GETTERS:
        raise ValueError(f"no live text through {setter}")
    keeper = widget.findChild(_LiveTexts, "live_texts", Qt.FindChildOption.FindDirectChildrenOnly)
    (keeper or _LiveTexts(widget)).show(widget, setter, text)
