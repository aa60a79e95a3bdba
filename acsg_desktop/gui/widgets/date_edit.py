"""Date fields shown the way the rest of the app writes dates, in the current language."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDateEdit

from acsg_desktop.core.i18n import babel_locale, current_language


def qt_date_format(language: str) -> str:
    """Babel's medium date pattern for ``language`` as a Qt display format with a four-digit
    year: ``d MMM yyyy`` in English and French (never an ambiguous 1/15/27)."""
    pattern = str(babel_locale(language).date_formats["medium"].pattern)
    return re.sub(r"y+", "yyyy", pattern)


def localize_date_edit(edit: QDateEdit) -> None:
    """Show ``edit`` (and its calendar) in the current language; call from ``retranslate_ui``:
    a date edit keeps the format of the language it was made in."""
    language = current_language()
    edit.setLocale(QLocale(language))
    edit.setDisplayFormat(qt_date_format(language))
    calendar = edit.calendarWidget()
    if calendar is not None:
        calendar.setLocale(QLocale(language))
