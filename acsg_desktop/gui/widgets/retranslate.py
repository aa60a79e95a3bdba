"""Live language switching: widgets redraw their texts when Qt announces a language change."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslatable:
    """Mixin for Qt widgets: calls ``retranslate_ui()`` on every ``LanguageChange`` event.

    Put it before the Qt class: ``class ProfileForm(Retranslatable, QWidget)``.
    """

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]
