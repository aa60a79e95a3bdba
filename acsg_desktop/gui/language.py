"""Switching English <-> French live: the core catalog, Qt's own translations, the saved choice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from acsg_desktop.core import i18n
from acsg_desktop.core.preferences import load_settings, save_settings


class LanguageSwitcher:
    """Owns the Qt translator; every widget retranslates on the LanguageChange that follows."""

    def __init__(self, app: QApplication, data_dir: Path) -> None:
        self._app = app
        self._data_dir = data_dir
        self._qt_translator: QTranslator | None = None

    @property
    def language(self) -> str:
        return i18n.current_language()

    def apply(self, language: str, remember: bool = True) -> str:
        """Switch to ``language`` everywhere; with ``remember``, keep it for the next start."""
        language = i18n.set_language(language)
        QLocale.setDefault(QLocale(language))
        changed_by_qt = self._swap_qt_translator(language)
        if not changed_by_qt:
            self._announce_change()
        if remember:
            settings = load_settings(self._data_dir)
            settings.language = language
            save_settings(self._data_dir, settings)
        return language

    def _swap_qt_translator(self, language: str) -> bool:
        """Replace Qt's translator; True when Qt itself sent LanguageChange to every widget."""
        sent = False
        if self._qt_translator is not None:
            QCoreApplication.removeTranslator(self._qt_translator)
            self._qt_translator = None
            sent = True
        if language == i18n.SOURCE_LANGUAGE:
            return sent
        translator = QTranslator(self._app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(QLocale(language), "qtbase", "_", folder):
            QCoreApplication.installTranslator(translator)
            self._qt_translator = translator
            return True
        return sent

    def _announce_change(self) -> None:
        for widget in QApplication.allWidgets():
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
