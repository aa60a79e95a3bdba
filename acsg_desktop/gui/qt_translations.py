"""Qt's own texts (file dialogs, standard buttons, context menus) in the user's language.

``qtbase_<lang>.qm`` is looked for where Qt says its translations are, then beside the PySide6
package and in a PyInstaller bundle, whose layout Qt's library paths do not always describe.
A few texts that the .qm lacks (the file dialog's "Look in" and "Files of type", "Folder"
in its list) come from our own catalogue through :class:`QtGapsTranslator`.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator

from acsg_desktop.core.i18n import N_, SOURCE_LANGUAGE, _, current_language

logger = logging.getLogger(__name__)

# (Qt's context, Qt's source text) -> our msgid (the same English text, with %1 kept).
QT_GAPS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): N_("&Look in:"),
    ("QFileDialog", "Files of &type:"): N_("Files of &type:"),
    ("QAbstractFileIconProvider", "Folder"): N_("Folder"),
    ("QAbstractFileIconProvider", "Shortcut"): N_("Shortcut"),
    ("QAbstractFileIconProvider", "Drive"): N_("Drive"),
}


def translation_folders() -> list[Path]:
    """Where ``qtbase_<lang>.qm`` may be, most likely first."""
    import PySide6

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    folders.append(Path(PySide6.__file__).parent / "Qt" / "translations")
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller's folder
    if bundle:
        folders.append(Path(bundle) / "PySide6" / "Qt" / "translations")
    return folders


def load_qtbase(language: str, parent: QObject) -> QTranslator | None:
    """Qt's own translation for ``language``, or None when none is found."""
    translator = QTranslator(parent)
    folders = translation_folders()
    for folder in folders:
        if translator.load(QLocale(language), "qtbase", "_", str(folder)):
            logger.info("Qt's own texts in %s from %s", language, translator.filePath())
            return translator
    logger.warning("No qtbase_%s.qm in %s: Qt's own texts stay in English", language, folders)
    return None


class QtGapsTranslator(QTranslator):
    """Answers for the few texts qtbase's .qm does not translate; Qt asks it before the .qm."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        msgid = QT_GAPS.get((context, source))
        if msgid is None or current_language() == SOURCE_LANGUAGE:
            return None  # type: ignore[return-value]  # a null QString: Qt asks the next one
        return str(_(msgid))

    def isEmpty(self) -> bool:
        return False
