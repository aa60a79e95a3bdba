"""The Practice guides area: search as you type, filters, the list, and the reader."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.assessment.labels import AIM_LABELS, aim_label
from acsg_desktop.core.display import escape_controls
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.guides.service import trusted_certificates
from acsg_desktop.core.i18n import _, current_language
from acsg_desktop.core.records.guides import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    REGION_LABELS,
    TYPE_LABELS,
    GuideFilters,
)
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.guides.guide_reader import GuideReader
from acsg_desktop.gui.widgets.html_delegate import HTML_ROLE, HtmlItemDelegate
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.workers import run_in_background

if TYPE_CHECKING:  # the bundle reader (and its crypto) is loaded on the first import only
    from acsg_desktop.core.guides.bundle_read import BundleContents

GUIDE_ROLE = Qt.ItemDataRole.UserRole + 1


def _snippet_html(snippet: str) -> str:
    escaped = html.escape(" ".join(snippet.split()))
    return escaped.replace(HIGHLIGHT_START, "<b><u>").replace(HIGHLIGHT_END, "</u></b>")


class GuidesPage(Retranslatable, QWidget):
    """Library on the left, the chosen guide on the right."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._service = workspace.guides
        self._framework = workspace.assessments.shipped_framework()
        self.title = make_page_title(self)
        self.search = QLineEdit(self)
        self.search.textChanged.connect(self.refresh)
        self.combos = {name: QComboBox(self) for name in ("area", "aim", "type", "region")}
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self.refresh)
        self.bookmarked = QCheckBox(self)
        self.bookmarked.toggled.connect(self.refresh)
        self.labels = {name: QLabel(self) for name in ("search", *self.combos)}
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.results.setItemDelegate(HtmlItemDelegate(self.results))
        self.results.currentItemChanged.connect(self._chosen)
        self.count = QLabel(self)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.import_bundle)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.reader = GuideReader(self._service, self._framework, self)
        self.reader.bookmarks_changed.connect(self._bookmarks_changed)
        self._lay_out()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        left = QWidget(self)
        form = QFormLayout()
        form.addRow(self.labels["search"], self.search)
        self.labels["search"].setBuddy(self.search)
        for name, combo in self.combos.items():
            self.labels[name].setBuddy(combo)
            form.addRow(self.labels[name], combo)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.bookmarked)
        column.addWidget(self.count)
        column.addWidget(self.results, 1)
        column.addWidget(self.import_button)
        column.addWidget(self.progress)
        column.addWidget(self.message)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.reader)
        splitter.setSizes([380, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)

    def filters(self) -> GuideFilters:
        data = {name: str(combo.currentData() or "") for name, combo in self.combos.items()}
        return GuideFilters(bookmarked_only=self.bookmarked.isChecked(), **data)

    def refresh(self) -> None:
        """Re-run the search (or the listing) with the filters; keep the chosen guide."""
        chosen = self.reader.guide.id if self.reader.guide else None
        language = current_language()
        self.results.blockSignals(True)
        self.results.clear()
        if self.search.text().strip():
            for hit in self._service.search(self.search.text(), language, self.filters()):
                rich = f"<b>{html.escape(hit.title)}</b><br/>{_snippet_html(hit.snippet)}"
                self._add(hit.guide_id, f"{hit.title}\n{_plain(hit.snippet)}", rich)
        else:
            for guide in self._service.list(language, self.filters()):
                self._add(guide.guide_id, guide.title, html.escape(guide.title))
        self.results.blockSignals(False)
        self.count.setText(_("{count} guides").format(count=self.results.count()))
        for row in range(self.results.count()):
            if self.results.item(row).data(GUIDE_ROLE) == chosen:
                self.results.setCurrentRow(row)

    def _add(self, guide_id: str, text: str, rich: str) -> None:
        item = QListWidgetItem(text)
        item.setData(GUIDE_ROLE, guide_id)
        item.setData(HTML_ROLE, rich)
        self.results.addItem(item)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.reader.show_guide(str(item.data(GUIDE_ROLE)))

    def open_guide(self, guide_id: str) -> None:
        """Show ``guide_id`` (from a link in the wizard or the results)."""
        self.search.clear()
        for combo in self.combos.values():
            combo.setCurrentIndex(0)
        self.bookmarked.setChecked(False)
        self.reader.show_guide(guide_id)
        self.refresh()

    def import_bundle(self) -> None:
        """Install a signed guide bundle from the Secretariat (e.g. from a USB stick)."""
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import a guide bundle"), "", _("Guide bundles (*.acsgguides)")
        )
        if not name:
            return
        service, folder, path = self._service, self._workspace.data_dir, Path(name)
        # Reading, verifying and installing a bundle (with a backup first) takes seconds.
        self._busy(True)
        self.message.setText(_("Checking and installing the guide bundle…"))
        run_in_background(
            lambda: service.import_bundle(path, trusted_certificates(folder)),
            self._imported,
            self._import_failed,
        )

    def _imported(self, contents: BundleContents) -> None:
        self._busy(False)
        self.message.setText(
            _("Guide set version {version} installed ({count} guides).").format(
                version=contents.version, count=len(contents.guides)
            )
        )
        self.refresh()

    def _import_failed(self, error: AcsgError) -> None:
        self._busy(False)
        reason = escape_controls(error.message)  # may quote names from the file
        self.message.setText(_("Not installed: {reason}").format(reason=reason))

    def _busy(self, busy: bool) -> None:
        """While a bundle installs, nothing else here reads or writes the guides."""
        self.progress.setVisible(busy)
        widgets = (self.search, *self.combos.values(), self.bookmarked, self.results)
        for widget in (*widgets, self.import_button, self.reader):
            widget.setEnabled(not busy)

    def _bookmarks_changed(self) -> None:
        if self.bookmarked.isChecked():
            self.refresh()

    def _fill_combos(self) -> None:
        choices = {
            "area": [(a.title.get(), a.id) for a in self._framework.areas],
            "aim": [(aim_label(aim), aim) for aim in AIM_LABELS],
            "type": [(_(text), key) for key, text in TYPE_LABELS.items()],
            "region": [(_(text), key) for key, text in REGION_LABELS.items()],
        }
        for name, combo in self.combos.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("All"), "")
            for text, value in choices[name]:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def retranslate_ui(self) -> None:
        self.title.setText(_("Practice guides"))
        texts = {
            "search": _("Sea&rch:"),
            "area": _("&Area:"),
            "aim": _("A&im:"),
            "type": _("T&ype:"),
            "region": _("R&egion:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
            widget = self.search if name == "search" else self.combos[name]
            widget.setAccessibleName(text.replace("&", "").rstrip(": "))
        self.search.setPlaceholderText(_("Words in English or French, accents optional"))
        self.bookmarked.setText(_("Bookmarked only"))
        self.import_button.setText(_("I&mport a guide bundle…"))
        self.results.setAccessibleName(_("Guides"))
        self.progress.setAccessibleName(_("Working"))
        self._fill_combos()
        self.refresh()


def _plain(snippet: str) -> str:
    return " ".join(snippet.replace(HIGHLIGHT_START, "«").replace(HIGHLIGHT_END, "»").split())
