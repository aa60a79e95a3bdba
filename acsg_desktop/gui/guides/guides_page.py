"""The Practice guides area: search as you type, filters, the list, and the reader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
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
from acsg_desktop.core.records.guides import REGION_LABELS, TYPE_LABELS, GuideFilters
from acsg_desktop.core.records.list_rows import PageOrder
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.guides.guide_list_model import (
    GUIDE_ROLE,
    GuideLine,
    GuideListModel,
    found_text,
    hit_line,
    listed_text,
    summary_line,
)
from acsg_desktop.gui.guides.guide_reader import GuideReader
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.filter_combo import fill_filter
from acsg_desktop.gui.widgets.html_delegate import HtmlItemDelegate
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.workers import run_in_background

if TYPE_CHECKING:  # the bundle reader (and its crypto) is loaded on the first import only
    from acsg_desktop.core.guides.bundle_read import BundleContents


BEST_HIT_DELAY_MS = 250


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
        self._searched = ""  # the words of the search on show
        # A new search opens its best hit once the typing pauses: the list follows every key,
        # the reader (a whole guide to lay out) does not.
        self._best_hit = QTimer(self)
        self._best_hit.setSingleShot(True)
        self._best_hit.setInterval(BEST_HIT_DELAY_MS)
        self._best_hit.timeout.connect(self._show_best_hit)
        self.combos = {name: QComboBox(self) for name in ("area", "aim", "type", "region")}
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self.refresh)
        self.bookmarked = QCheckBox(self)
        self.bookmarked.toggled.connect(self.refresh)
        self.labels = {name: QLabel(self) for name in ("search", *self.combos)}
        self.model = GuideListModel()
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setWordWrap(True)
        self.results.setItemDelegate(HtmlItemDelegate(self.results))
        self.results.selectionModel().currentChanged.connect(self._chosen)
        self.count = QLabel(self)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.import_bundle)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = MessageLabel(self)  # announced to screen readers
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.reader = GuideReader(self._service, self._framework, self)
        self.reader.bookmarks_changed.connect(self._bookmarks_changed)
        self._lay_out()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        left = QWidget(self)
        form = QFormLayout()
        # the search box spans the column, its label above: the hint it shows is long in French
        form.addRow(self.labels["search"])
        form.addRow(self.search)
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
        """Re-run the search (or the listing) with the filters.

        A new search shows its best hit, the list at its top, the words marked in the reader;
        otherwise the chosen guide stays chosen. When nothing is found, the reader says so.
        """
        language, filters, words = current_language(), self.filters(), self.search.text().strip()
        new_search, self._searched = words != self._searched, words
        if words:
            lines = [
                hit_line(hit, language) for hit in self._service.search(words, language, filters)
            ]
            self.model.set_query(lambda offset, _limit, _order: [] if offset else lines)
            self.count.setText(found_text(len(lines)))
        else:
            self.model.set_query(self._listing(language, filters))
            self.count.setText(listed_text(self._service.count(language, filters)))
        self._reload(words, new_search)

    def _reload(self, words: str, new_search: bool) -> None:
        chosen = self.reader.guide.id if self.reader.guide else None
        self._best_hit.stop()
        selection = self.results.selectionModel()
        selection.blockSignals(True)
        self.model.reload()
        selection.blockSignals(False)
        self.results.scrollToTop()
        if not self.model.rowCount():
            self.reader.show_nothing_found(words)
            return
        if words and new_search:
            self._best_hit.start()
            return
        row = self.model.find_row(lambda line: line.guide_id == chosen)
        if words and row is None:
            row = 0  # the best hit
        if row is not None:
            self.results.setCurrentIndex(self.model.index(row, 0))  # shown by _chosen
        elif chosen is None:
            self.reader.show_hint()
        elif self.reader.words:  # the search is cleared and the guide is further down the list
            self.reader.show_guide(chosen)

    def _listing(
        self, language: str, filters: GuideFilters
    ) -> Callable[[int, int, PageOrder], list[GuideLine]]:
        def page(offset: int, limit: int, _order: PageOrder) -> list[GuideLine]:
            return [summary_line(g) for g in self._service.page(language, filters, offset, limit)]

        return page

    def _show_best_hit(self) -> None:
        """Open the first hit, unless a guide was chosen in the list meanwhile."""
        if not self.results.currentIndex().isValid() and self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0, 0))  # shown by _chosen

    def _chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.reader.show_guide(str(index.data(GUIDE_ROLE)), self._searched)

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
            fill_filter(combo, name, choices[name])

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
        self.search.setPlaceholderText(_("Words in English, French or Spanish, accents optional"))
        self.bookmarked.setText(_("Bookmarked only"))
        tips = {
            self.search: _("Type words to find guides that speak of them."),
            self.combos["area"]: _("Show only guides for one area of the asylum system."),
            self.combos["aim"]: _("Show only guides that serve one aim, e.g. fairness."),
            self.combos["type"]: _("Show only one kind of guide, e.g. checklists."),
            self.combos["region"]: _("Show only guides written for one region."),
            self.bookmarked: _("Tick to list only the guides you marked to read again."),
        }
        set_field_tips(tips)
        self.import_button.setText(_("I&mport a guide bundle…"))
        self.results.setAccessibleName(_("Guides"))
        self.progress.setAccessibleName(_("Working"))
        self._fill_combos()
        self.refresh()
