"""Finding text left in the other language on a screen, and labels showing a literal "&".

``leftovers(widget, "en")`` lists the texts ``widget`` shows (labels, buttons, titles, tabs,
tooltips, menus, the headers and first rows of its lists) that are English messages of the
catalogue whose French differs, each with the message found; ``leftovers(widget, "fr")`` does
the same for French translations, and ``leftovers(widget, "fr", "es")`` for French left on a
Spanish screen. Placeholders match any text, so "Saved at {time}." is found
whatever the time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from babel.messages.pofile import read_po
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from acsg_desktop import paths
from acsg_desktop.core.i18n import LANGUAGE_NAMES

Pattern = tuple[str, re.Pattern[str]]
MNEMONIC = re.compile(r"&(?=[^&\s])")
MIN_LETTERS = 4  # "{name} ({year})" and the like say nothing about a language
INSIDE = 24  # a message this long found inside a longer text is a leftover too
# French words that are English too: "Global" (Overall; a guide's scope), "Close" (Closed; Qt's
# button).
BOTH_LANGUAGES = {"Global", "Close"}


def _plain(text: str) -> str:
    return " ".join(MNEMONIC.sub("", re.sub(r"<[^>]+>", " ", text)).split())


@cache
def _catalogue(language: str) -> dict[tuple[object, object], tuple[str, ...]]:
    """(msgid, context) -> the texts a screen in ``language`` shows for that message."""
    catalog_language = "fr" if language == "en" else language  # English: any catalogue's ids
    path = paths.translations_dir() / catalog_language / "LC_MESSAGES" / "acsg.po"
    with path.open("rb") as stream:
        catalog = read_po(stream, locale=catalog_language)
    texts = {}
    for message in catalog:
        ids, strings = _sides(message)
        if ids[0] and all(strings):
            texts[(message.id, message.context)] = ids if language == "en" else strings
    return texts


@cache
def catalogue_patterns(language: str, shown: str) -> tuple[frozenset[str], tuple[Pattern, ...]]:
    """The messages of ``language`` that read otherwise in ``shown``, the screen's language:
    exact texts, and patterns for those with placeholders (each with its longest literal part,
    to skip most texts quickly)."""
    mine_by_message, shown_by_message = _catalogue(language), _catalogue(shown)
    exact, patterns = set(), []
    other_side = {_plain(text) for texts in shown_by_message.values() for text in texts}
    for key, mine in mine_by_message.items():
        same = {_plain(text) for text in shown_by_message.get(key, ())}  # "N&ote" = "&Note"
        for text in mine:
            parts = re.split(r"\{[^{}]*\}", _plain(text))
            if (
                _plain(text) in same | other_side
                or sum(c.isalpha() for c in "".join(parts)) < MIN_LETTERS
            ):
                continue
            if len(parts) == 1:
                exact.add(parts[0])
            else:
                regex = re.compile(".*".join(map(re.escape, parts)), re.DOTALL)
                patterns.append((max(parts, key=len), regex))
    exact -= {*LANGUAGE_NAMES.values(), *BOTH_LANGUAGES}
    return frozenset(exact), tuple(patterns)


def _sides(message: object) -> tuple[tuple[str, ...], tuple[str, ...]]:
    ids, strings = message.id, message.string  # type: ignore[attr-defined]
    return (
        ids if isinstance(ids, tuple) else (ids,),
        strings if isinstance(strings, tuple) else (strings,),
    )


def _match(text: str, exact: frozenset[str], patterns: tuple[Pattern, ...]) -> str | None:
    """The message ``text`` is, or holds (a long enough one inside a longer text)."""
    if text in exact:
        return text
    for part, regex in patterns:
        if part in text and (regex.fullmatch(text) or (len(part) >= INSIDE and regex.search(text))):
            return regex.pattern
    return next((m for m in exact if len(m) >= INSIDE and m in text), None)


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model: one column, and Qt keeps the call private
        columns = 1
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(QModelIndex()), 25)):
        for column in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                yield str(model.data(model.index(row, column), role) or "")


def _widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.toolTip()
    yield widget.accessibleName()
    yield widget.accessibleDescription()
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    if isinstance(widget, QTextEdit) and widget.isReadOnly():
        yield widget.toPlainText()
    if isinstance(widget, QTabWidget):
        yield from (widget.tabText(index) for index in range(widget.count()))
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(index) for index in range(widget.count()))
    if isinstance(widget, QAbstractItemView):
        yield from _model_texts(widget)
    if isinstance(widget, QMenu):
        yield widget.title()
        yield from (action.text() for action in widget.actions())


def shown_texts(root: QWidget) -> set[str]:
    """Every text ``root`` shows, its menus and models included, as a reader sees it."""
    widgets = [root, *(w for w in root.findChildren(QWidget) if w.isVisibleTo(root))]
    widgets += root.findChildren(QMenu)
    return {_plain(text) for widget in widgets for text in _widget_texts(widget) if text}


def leftovers(root: QWidget, other_language: str, shown: str | None = None) -> list[str]:
    """The texts of ``root`` (a screen in ``shown``: French when ``other_language`` is English,
    else English) that are (or hold) messages of ``other_language``, each with the message
    found in it."""
    shown = shown or ("fr" if other_language == "en" else "en")
    exact, patterns = catalogue_patterns(other_language, shown)
    found = []
    for text in sorted(shown_texts(root)):
        match = _match(text, exact, patterns)
        if match is not None:
            found.append(f"{text[:160]} [{match[:60]}]")
    return found


def unlinked_mnemonics(root: QWidget) -> list[str]:
    """Labels showing a literal "&": a mnemonic needs a buddy to be one ("B&udget")."""
    return [
        label.text()
        for label in root.findChildren(QLabel)
        if label.isVisibleTo(root)
        and MNEMONIC.search(label.text())
        and label.textFormat() != Qt.TextFormat.RichText
        and not QtGui.Qt.mightBeRichText(label.text())
        and label.buddy() is None
    ]
