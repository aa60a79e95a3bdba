"""Reading one guide: both languages side by side, or one; bookmark; print to PDF.

After a search, the words searched are marked in the text and the first one is scrolled to;
when nothing is found, the reader says so instead of keeping the previous guide.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.display import file_stem
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.guides.reading_modes import READING_MODES, columns, default_mode, mode_label
from acsg_desktop.core.guides.render import side_by_side_html, single_html
from acsg_desktop.core.guides.search_text import FIRST_HIT, mark_words
from acsg_desktop.core.guides.service import GuideService, indicators_helped
from acsg_desktop.core.i18n import _, current_language
from acsg_desktop.core.records.guides import Guide
from acsg_desktop.gui.guides.guide_sections import SectionsButton, languages_described
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class GuideReader(Retranslatable, QWidget):
    """Shows the guide chosen in the library."""

    bookmarks_changed = Signal()

    def __init__(
        self, service: GuideService, framework: Framework, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._framework = service, framework
        self.guide: Guide | None = None
        self.words = ""  # the search whose words are marked
        self._not_found: str | None = None  # the search (or "": the filters) that found nothing
        self.mode_label = QLabel(self)
        self.mode = QComboBox(self)
        # Its items are relabelled on a language switch: the box follows their new width.
        self.mode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.mode_label.setBuddy(self.mode)
        for data in READING_MODES:
            self.mode.addItem("", data)
        self._mode_chosen = False  # until the user picks one, the mode follows the language
        self.mode.activated.connect(self._choose_mode)
        self.mode.currentIndexChanged.connect(lambda _index: self.show_current())
        self.bookmark = QPushButton(self)
        self.bookmark.setCheckable(True)
        self.bookmark.toggled.connect(self._toggle_bookmark)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_to_pdf)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        # a caret that the arrow keys move: a screen reader reads line by line from a heading
        self.browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.sections = SectionsButton(self.browser, self)
        self.message = MessageLabel(self)  # announced to screen readers
        bar = QHBoxLayout()
        for widget in (
            self.mode_label,
            self.mode,
            self.sections,
            self.bookmark,
            self.print_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.message)
        self.retranslate_ui()

    def show_guide(self, guide_id: str, words: str = "") -> None:
        """Show ``guide_id`` with the words of the search ``words`` marked."""
        self.guide, self.words, self._not_found = self._service.get(guide_id), words, None
        self.bookmark.blockSignals(True)
        self.bookmark.setChecked(guide_id in self._service.bookmarks())
        self.bookmark.blockSignals(False)
        self.message.clear()
        self.show_current()

    def show_hint(self) -> None:
        """No guide chosen: say how to choose one."""
        self.guide, self.words, self._not_found = None, "", None
        self.show_current()

    def show_nothing_found(self, words: str) -> None:
        """Say that the search ``words`` (or, when empty, the filters) found no guide."""
        self.guide, self.words, self._not_found = None, "", words
        self.message.clear()
        self.show_current()

    def _empty_html(self) -> str:
        if self._not_found is None:
            hint = _("Choose a guide in the list.")  # outside the f-string, so it is extracted
            return f"<p>{html.escape(hint)}</p>"
        if self._not_found:
            title = _("No guide matches “{query}”.").format(query=self._not_found.strip())
            hint = _("Try other or fewer words: each word must be in the guide.")
        else:
            title = _("No guide matches these filters.")
            hint = _("Set a filter back to “All”, or clear “Bookmarked only”.")
        return f"<h2>{html.escape(title)}</h2><p>{html.escape(hint)}</p>"

    def show_current(self) -> None:
        guide = self.guide
        for button in (self.bookmark, self.print_button):
            button.setEnabled(guide is not None)
        if guide is None:
            self.browser.setHtml(self._empty_html())
            self.sections.refresh(())
            self.sections.setEnabled(False)  # no guide, no headings to go to
            return
        body, columns = self._guide_html(guide)
        body, marks = mark_words(body, self.words)
        self.browser.setHtml(body + self._helped_html(guide))
        if marks:
            self._scroll_to_first_mark()
        self.sections.refresh(columns)
        self.browser.setAccessibleDescription(languages_described(columns))

    def _guide_html(self, guide: Guide) -> tuple[str, tuple[str, ...]]:
        """The guide as the mode shows it, and its languages from left to right."""
        shown = columns(str(self.mode.currentData()), current_language())
        if len(shown) == 2:
            return side_by_side_html(guide, *shown), shown
        return single_html(guide, shown[0]), shown

    def _scroll_to_first_mark(self) -> None:
        """Bring the first marked word into view, a third down, with the text before it; a
        word already in the first screenful leaves the guide at its top."""
        self.browser.scrollToAnchor(FIRST_HIT)  # the mark's line at the top
        scroll, height = self.browser.verticalScrollBar(), self.browser.viewport().height()
        top = scroll.value()
        scroll.setValue(0 if top < height * 2 // 3 else top - height // 3)

    def _helped_html(self, guide: Guide) -> str:
        helped = indicators_helped(self._framework, guide.id)
        if not helped:
            return ""
        items = "".join(f"<li>{html.escape(i.question.get())}</li>" for i in helped)
        title = html.escape(_("This guide helps with these indicators"))
        return f"<h3>{title}</h3><ul>{items}</ul>"

    def _toggle_bookmark(self, on: bool) -> None:
        if self.guide is not None:
            self._service.set_bookmark(self.guide.id, on)
            self.bookmarks_changed.emit()

    def print_to_pdf(self) -> None:
        if self.guide is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Print the guide to PDF"),
            file_stem(self.guide.text(current_language()).title, self.guide.id) + ".pdf",
            "PDF (*.pdf)",
        )
        if not name:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                printer.pageLayout().margins(),
            )
        )
        printer.setOutputFileName(name)
        document = self.browser.document()
        if self.words:  # the guide as written, without the marks of the search
            document = document.clone(self)
            document.setHtml(self._guide_html(self.guide)[0] + self._helped_html(self.guide))
        document.print_(printer)
        self.message.setText(_("Printed to {path}").format(path=name))

    def _choose_mode(self, _index: int) -> None:
        self._mode_chosen = True

    def _follow_language(self) -> None:
        """The language's own pair (English and Spanish for a Spanish reader), unless the
        user chose a mode."""
        if not self._mode_chosen:
            self.mode.blockSignals(True)
            self.mode.setCurrentIndex(self.mode.findData(default_mode(current_language())))
            self.mode.blockSignals(False)

    def retranslate_ui(self) -> None:
        self._follow_language()
        self.mode_label.setText(_("&Show:"))
        self.mode.setAccessibleName(_("Show"))
        self.mode.setToolTip(
            _("Read the guide in one language, or in two side by side to compare them.")
        )
        for index, mode in enumerate(READING_MODES):
            self.mode.setItemText(index, _(mode_label(mode)))
        self.bookmark.setText(_("&Bookmark"))
        self.print_button.setText(_("&Print to PDF…"))
        self.browser.setAccessibleName(_("Guide text"))
        self.sections.setText(_("Headi&ngs…"))
        self.sections.setToolTip(_("Go to a heading of the guide"))
        self.show_current()
