"""The headings of the guide on show, as a list to jump to: a screen reader user moves by heading
(and hears in which language each one is), then reads on from there with the arrow keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu, QPushButton, QTextBrowser, QWidget

from acsg_desktop.core.i18n import LANGUAGE_NAMES, _


def heading_items(browser: QTextBrowser, columns: tuple[str, ...]) -> list[tuple[str, int]]:
    """(text, position) of each heading, indented by level; with two ``columns`` (side by side),
    each names its language."""
    items = []
    block = browser.document().begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level and block.text().strip():
            text = "  " * (level - 1) + block.text().strip()
            table = QTextCursor(block).currentTable()
            if table is not None and len(columns) > 1:
                column = table.cellAt(block.position()).column()
                language = columns[min(column, len(columns) - 1)]
                text = f"{text} ({LANGUAGE_NAMES.get(language, language)})"
            items.append((text, block.position()))
        block = block.next()
    return items


def languages_described(columns: tuple[str, ...]) -> str:
    """Which language the text is in, and where (for the text's accessible description)."""
    names = [LANGUAGE_NAMES.get(code, code) for code in columns]
    if len(names) > 1:
        return _("{left} on the left, {right} on the right, paragraph by paragraph.").format(
            left=names[0], right=names[1]
        )
    return _("Text in {language}.").format(language=names[0])


class SectionsButton(QPushButton):
    """Opens the list of the headings of ``browser``; choosing one shows it at the top and puts
    the caret on it (a menu: long headings are never cut)."""

    def __init__(self, browser: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._browser = browser
        self.setMenu(QMenu(self))

    def refresh(self, columns: tuple[str, ...]) -> None:
        """List the headings now in the browser (``columns``: its languages, left to right)."""
        menu = self.menu()
        menu.clear()
        for text, position in heading_items(self._browser, columns):
            action = menu.addAction(text.replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, at=position: self.jump(at))
        self.setEnabled(not menu.isEmpty())

    def jump(self, position: int) -> None:
        cursor = QTextCursor(self._browser.document())
        cursor.setPosition(position)
        self._browser.setTextCursor(cursor)
        scroll = self._browser.verticalScrollBar()
        scroll.setValue(self._browser.cursorRect().top() + scroll.value())  # heading on top
        self._browser.setFocus(Qt.FocusReason.OtherFocusReason)
