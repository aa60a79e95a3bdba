"""The Go and Language menus both windows share (the authority's and the desk's)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QListWidget, QMainWindow, QMenu, QStackedWidget

from acsg_desktop.core.i18n import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, _
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.widgets.announce import focus_first


def add_go_menu(
    window: QMainWindow, count: int, show_area: Callable[[int], None]
) -> tuple[QMenu, list[QAction]]:
    """A menu (titled by the caller) with Ctrl+1..Ctrl+N for the window's areas."""
    menu = window.menuBar().addMenu("")
    actions = []
    for row in range(count):
        action = QAction(window, shortcut=QKeySequence(f"Ctrl+{row + 1}"))
        action.triggered.connect(lambda _checked=False, row=row: show_area(row))
        menu.addAction(action)
        actions.append(action)
    return menu, actions


def go_to_area(navigation: QListWidget, pages: QStackedWidget, row: int) -> None:
    """Show the area of navigation row ``row`` and put the keyboard on its first control."""
    navigation.setCurrentRow(row)
    page = pages.currentWidget()
    if page is not None and not focus_first(page):
        page.setFocus()


def add_language_menu(
    window: QMainWindow, language: LanguageSwitcher
) -> tuple[QMenu, QActionGroup]:
    """A menu (titled by the caller) with one checkable entry per language, each in its own
    name."""
    menu = window.menuBar().addMenu("")
    group = QActionGroup(window)
    for code in SUPPORTED_LANGUAGES:
        action = QAction(LANGUAGE_NAMES[code], window, checkable=True)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, code=code: language.apply(code))
        group.addAction(action)
        menu.addAction(action)
    return menu, group


def name_go_and_language_menus(
    go: tuple[QMenu, list[QAction]],
    area_labels: tuple[str, ...],
    language: tuple[QMenu, QActionGroup],
    current_language: str,
) -> None:
    """Title both menus in the current language and tick the language in use."""
    go_menu, go_actions = go
    go_menu.setTitle(_("&Go"))
    for action, label in zip(go_actions, area_labels, strict=True):
        action.setText(_(label))
    language_menu, language_actions = language
    language_menu.setTitle(_("&Language"))
    for action in language_actions.actions():
        action.setChecked(action.data() == current_language)
