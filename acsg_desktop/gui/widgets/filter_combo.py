"""A list's filter as a combo box: "All" first (in the gender of what it filters: « Toutes » for
« Région », « Todas » for « Área »), then the choices; the choice made is kept when the
combo is filled again (in another language)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox

from acsg_desktop.core.i18n import pgettext

# What "All" agrees with, in the languages whose "All" has a gender.
EVERY: dict[str, Callable[[], str]] = {
    "status": lambda: pgettext("every status", "All"),
    "area": lambda: pgettext("every area", "All"),
    "type": lambda: pgettext("every type", "All"),
    "aim": lambda: pgettext("every aim", "All"),
    "region": lambda: pgettext("every region", "All"),
}


def fill_filter(combo: QComboBox, kind: str, choices: Sequence[tuple[str, str]]) -> None:
    """``combo`` holding "All" (data "") and ``choices`` (text, data), still on the data it
    showed, without signalling a change."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(EVERY[kind](), "")
    for text, value in choices:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
