"""Choosing the language at start: the remembered choice, else the system's, else English."""

from __future__ import annotations

import os
from pathlib import Path

from acsg_desktop.core.i18n import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, set_language
from acsg_desktop.core.preferences import load_settings


def system_language() -> str:
    """The first supported language named by LANGUAGE, LC_ALL, LC_MESSAGES or LANG."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for value in os.environ.get(variable, "").split(":"):
            code = value[:2].lower()
            if code in SUPPORTED_LANGUAGES:
                return code
    return SOURCE_LANGUAGE


def apply_start_language(data_dir: Path) -> str:
    """Set the language remembered for ``data_dir`` (or the system's); return it."""
    remembered = load_settings(data_dir).language
    return set_language(remembered or system_language())
