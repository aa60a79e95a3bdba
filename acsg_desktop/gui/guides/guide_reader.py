"""Reading one guide: both languages side by side, or one; bookmark; print to PDF."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
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

from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.guides.render import side_by_side_html, single_html
from acsg_desktop.core.guides.service import GuideService, indicators_helped
from acsg_desktop.core.i18n import _, current_language
from acsg_desktop.core.records.guides import Guide
from acsg_desktop.gui.widgets.retranslate import Retranslatable

SIDE_BY_SIDE = "both"


class GuideReader(Retranslatable, QWidget):
    """Shows the guide chosen in the library."""

    bookmarks_changed = Signal()

    def __init__(
        self, service: GuideService, framework: Framework, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._framework = service, framework
        self.guide: Guide | None = None
        self.mode_label = QLabel(self)
        self.mode = QComboBox(self)
        self.mode_label.setBuddy(self.mode)
        for data in (SIDE_BY_SIDE, "en", "fr"):
            self.mode.addItem("", data)
        self.mode.currentIndexChanged.connect(lambda _index: self.show_current())
        self.bookmark = QPushButton(self)
        self.bookmark.setCheckable(True)
        self.bookmark.toggled.connect(self._toggle_bookmark)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_to_pdf)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.message = QLabel(self)
        bar = QHBoxLayout()
        for widget in (self.mode_label, self.mode, self.bookmark, self.print_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.message)
        self.retranslate_ui()

    def show_guide(self, guide_id: str) -> None:
        self.guide = self._service.get(guide_id)
        self.bookmark.blockSignals(True)
        self.bookmark.setChecked(guide_id in self._service.bookmarks())
        self.bookmark.blockSignals(False)
        self.message.clear()
        self.show_current()

    def show_current(self) -> None:
        guide = self.guide
        if guide is None:
            hint = _("Choose a guide in the list.")
            self.browser.setHtml(f"<p>{html.escape(hint)}</p>")
            return
        mode = str(self.mode.currentData())
        if mode == SIDE_BY_SIDE:
            left = current_language()
            right = "fr" if left == "en" else "en"
            body = side_by_side_html(guide, left, right)
        else:
            body = single_html(guide, mode)
        self.browser.setHtml(body + self._helped_html(guide))

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
            self, _("Print the guide to PDF"), f"{self.guide.id}.pdf", "PDF (*.pdf)"
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
        self.browser.document().print_(printer)
        self.message.setText(_("Printed to {path}").format(path=name))

    def retranslate_ui(self) -> None:
        self.mode_label.setText(_("&Show:"))
        self.mode.setAccessibleName(_("Show"))
        for index, text in enumerate(
            (_("Both languages side by side"), _("English only"), _("French only"))
        ):
            self.mode.setItemText(index, text)
        self.bookmark.setText(_("&Bookmark"))
        self.print_button.setText(_("&Print to PDF…"))
        self.browser.setAccessibleName(_("Guide text"))
        self.show_current()
