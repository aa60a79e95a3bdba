"""Switching English <-> French live: the core catalog, Qt's own translations, the saved choice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from acsg_desktop.core import i18n
from acsg_desktop.core.preferences import load_settings, save_settings
from acsg_desktop.gui.qt_translations import QtGapsTranslator, load_qtbase


class LanguageSwitcher:
    """Owns the Qt translator; every widget retranslates on the LanguageChange that follows."""

    def __init__(self, app: QApplication, data_dir: Path) -> None:
        self._app = app
        self._data_dir = data_dir
        self._qt_translator: QTranslator | None = None
        self._gaps: QtGapsTranslator | None = None

    @property
    def language(self) -> str:
        return i18n.current_language()

    def apply(self, language: str, remember: bool = True) -> str:
        """Switch to ``language`` everywhere; with ``remember``, keep it for the next start."""
        language = i18n.set_language(language)
        QLocale.setDefault(QLocale(language))
        self._choose_file_dialogs(language)
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
        for translator in (self._qt_translator, self._gaps):
            if translator is not None and QCoreApplication.removeTranslator(translator):
                translator.deleteLater()
                sent = True
        self._qt_translator, self._gaps = None, None
        if language == i18n.SOURCE_LANGUAGE:
            return sent
        self._qt_translator = load_qtbase(language, self._app)
        if self._qt_translator is not None:
            QCoreApplication.installTranslator(self._qt_translator)
        self._gaps = QtGapsTranslator(self._app)  # asked first: installed last
        return QCoreApplication.installTranslator(self._gaps) or sent

    def _choose_file_dialogs(self, language: str) -> None:
        """The system's own file dialogs speak the system's language: when the user chose
        another one, Qt's dialogs are used instead, translated like the rest."""
        system = QLocale.system().uiLanguages() or [QLocale.system().name()]
        own = system[0].replace("_", "-").split("-")[0].lower() != language
        self._app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, own)

    def _announce_change(self) -> None:
        for widget in QApplication.allWidgets():
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
