"""Help > User guide (F1): the offline guide in the current language, with its table of contents
and a search that keeps the parts holding the words and marks them in the text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.guides.render import render_markdown
from acsg_desktop.core.guides.search_text import FIRST_HIT, mark_words
from acsg_desktop.core.i18n import _, current_language, format_number, ngettext
from acsg_desktop.gui.help.guide_text import Section, load_sections, matches
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.retranslate import Retranslatable

INDENT = "    "


def _anchor(index: int) -> str:
    return f"part-{index}"


class UserGuideWindow(Retranslatable, QWidget):
    """A window of its own (it stays open beside the app); ``open_part`` shows one part."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.sections: list[Section] = []
        self.search_label = QLabel(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.search.textChanged.connect(self._search_changed)
        self.found = MessageLabel(self)
        self.contents = QListWidget(self)
        self.contents.setFixedWidth(330)
        self.contents.setWordWrap(True)
        self.contents.currentItemChanged.connect(self._go_to_item)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        bar = QHBoxLayout()
        bar.addWidget(self.search_label)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.found, 1)
        body = QHBoxLayout()
        body.addWidget(self.contents)
        body.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        self.resize(1120, 680)
        self.retranslate_ui()

    def _fill_contents(self) -> None:
        self.contents.blockSignals(True)
        self.contents.clear()
        for index, section in enumerate(self.sections):
            if section.level < 2:
                continue
            indent = INDENT if section.level > 2 else ""
            item = QListWidgetItem(indent + section.title, self.contents)
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setToolTip(section.title)
        self.contents.blockSignals(False)

    def _show_text(self) -> int:
        """The whole guide in the browser, the searched words marked; how many marks."""
        parts = (
            f'<a name="{_anchor(index)}"></a>{render_markdown(section.markdown)}'
            for index, section in enumerate(self.sections)
        )
        body, marks = mark_words("".join(parts), self.search.text())
        self.browser.setHtml(body)
        return marks

    def _search_changed(self) -> None:
        query = self.search.text()
        found = {
            index
            for index, section in enumerate(self.sections)
            if not query.strip() or matches(section, query)
        }
        parts = {self.sections[index].part for index in found}
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            index = int(item.data(Qt.ItemDataRole.UserRole))
            section = self.sections[index]
            # a part stays when one of its sections holds the words: its heading gives context
            item.setHidden(
                index not in found and not (section.level == 2 and section.part in parts)
            )
        if self._show_text():
            self._scroll_to(FIRST_HIT)
        self._say_found(query, sum(self.sections[index].level >= 2 for index in found))

    def _scroll_to(self, anchor: str) -> None:
        """Show ``anchor`` with two lines above it, so that a marked word is read in context."""
        self.browser.scrollToAnchor(anchor)
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.value() - 2 * self.browser.fontMetrics().lineSpacing())

    def _say_found(self, query: str, shown: int) -> None:
        if not query.strip():
            self.found.say("")
        elif shown:
            self.found.say(
                ngettext(
                    "{count} part of the guide holds these words; they are marked.",
                    "{count} parts of the guide hold these words; they are marked.",
                    shown,
                ).format(count=format_number(shown))
            )
        else:
            self.found.say(
                _("No part of the guide holds “{query}”.").format(query=query.strip()), True
            )

    def _go_to_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.browser.scrollToAnchor(_anchor(int(item.data(Qt.ItemDataRole.UserRole))))

    def open_part(self, part: str) -> None:
        """Show the part named ``part`` (its ``{#id}``) and select it in the contents."""
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            section = self.sections[int(item.data(Qt.ItemDataRole.UserRole))]
            if section.part == part and section.level == 2:
                self.contents.setCurrentItem(item)
                self._go_to_item(item)
                return

    def retranslate_ui(self) -> None:
        row = self.contents.currentRow()
        self.sections = load_sections(current_language())
        self._fill_contents()
        self.setWindowTitle(_("User guide – ACSG Desktop"))
        self.search_label.setText(_("Sea&rch the guide:"))
        self.search.setPlaceholderText(_("Words in English, French or Spanish, accents optional"))
        self.search.setAccessibleName(_("Search the guide"))
        self.contents.setAccessibleName(_("Contents of the guide"))
        self.browser.setAccessibleName(_("Text of the guide"))
        self._search_changed()
        if row >= 0:
            self.contents.setCurrentRow(row)
        self.setAccessibleName(_("User guide"))
