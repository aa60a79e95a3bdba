"""The Offers area: the installed catalogue with filters and one offer in full, and the gaps no
open offer fits (the unmet needs)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.display import escape_controls
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.guides.service import trusted_certificates
from acsg_desktop.core.i18n import _, format_datetime, ngettext
from acsg_desktop.core.records.list_rows import CatalogueSummary, ListedOffer, PageOrder
from acsg_desktop.core.records.offers import Offer
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.offers.catalogue_notices import CatalogueEmptyState, IllustrativeBanner
from acsg_desktop.gui.offers.offer_detail import OfferDetailWidget
from acsg_desktop.gui.offers.offer_filter_bar import OfferFilterBar
from acsg_desktop.gui.offers.offer_table_model import COL_TITLE, COLUMN_WIDTHS, OfferTableModel
from acsg_desktop.gui.offers.unmet_needs_view import UnmetNeedsView
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.workers import run_in_background

if TYPE_CHECKING:  # the catalogue reader (and its crypto) is loaded on the first import only
    from acsg_desktop.core.offers.catalogue import CatalogueContents


class OffersPage(Retranslatable, QWidget):
    """Tab "Offers": catalogue, filters, list and detail. Tab "Unmet needs": gaps with no offer."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._summary = CatalogueSummary(0, False, None, 0, ())
        self._count = 0
        self._keep: str | None = None  # the offer chosen while the list is read again
        self._unmet_due: bool | None = None  # has_offers for the unmet needs' next reload
        framework = workspace.assessments.shipped_framework()
        self.title = make_page_title(self)
        self.banner = IllustrativeBanner(self)
        self.tabs = QTabWidget(self)
        self.empty_state = CatalogueEmptyState(self)
        self.empty_state.import_button.clicked.connect(self.import_catalogue)
        self.empty_state.example_button.clicked.connect(self.load_example)
        self.catalogue_info = QLabel(self)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.import_catalogue)
        self.filter_bar = OfferFilterBar(framework, self)
        self.filter_bar.changed.connect(self.refresh)
        self.count = QLabel(self)
        self.model = OfferTableModel()
        self.table = self._make_table()
        self.detail = OfferDetailWidget(framework, self)
        self.model.set_query(self._page)  # read from reload() on, once the widgets exist
        self.model.modelAboutToBeReset.connect(self._remember_choice)
        self.model.modelReset.connect(lambda: self.select_offer(self._keep))
        self.unmet = UnmetNeedsView(workspace, self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = MessageLabel(self)  # announced to screen readers
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self._lay_out()
        self.reload()
        self.retranslate_ui()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSortingEnabled(True)  # sorts in SQL: each click reads the first page again
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setCornerButtonEnabled(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _lay_out(self) -> None:
        info = QHBoxLayout()
        info.addWidget(self.count)
        info.addStretch(1)
        info.addWidget(self.catalogue_info)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([220, 280])
        self.catalogue_view = QWidget(self)
        column = QVBoxLayout(self.catalogue_view)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter_bar)
        column.addLayout(info)
        column.addWidget(splitter, 1)
        self.offers_stack = QStackedWidget(self)
        self.offers_stack.addWidget(self.empty_state)
        self.offers_stack.addWidget(self.catalogue_view)
        self.tabs.addTab(self.offers_stack, "")
        self.tabs.addTab(self.unmet, "")
        self.tabs.currentChanged.connect(lambda _index: self._show_unmet_if_due())
        self.tabs.setCornerWidget(self.import_button)  # reachable from both tabs
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)

    # --- Reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the installed catalogue and the assessments (after an import, or on show)."""
        self._summary = self._workspace.offers.listing.summary()
        has_offers = bool(self._summary.count)
        self.banner.setVisible(has_offers and self._summary.illustrative)
        self.offers_stack.setCurrentWidget(self.catalogue_view if has_offers else self.empty_state)
        self.import_button.setVisible(has_offers)  # the empty state has its own
        self.filter_bar.set_languages(self._summary.languages)
        self.catalogue_info.setText(self._catalogue_text())
        self.refresh()
        self._unmet_due = has_offers  # the unmet needs are worked out when their tab shows
        self._show_unmet_if_due()

    def _show_unmet_if_due(self) -> None:
        """Work the unmet needs out only when their tab is shown (they weigh every gap against
        every offer): after a reload, the first time the tab is chosen."""
        if self._unmet_due is not None and self.tabs.currentWidget() is self.unmet:
            has_offers, self._unmet_due = self._unmet_due, None
            self.unmet.reload(has_offers)

    def _page(self, offset: int, limit: int, order: PageOrder) -> list[ListedOffer]:
        return self._workspace.offers.listing.page(self.filter_bar.filters(), offset, limit, order)

    def refresh(self) -> None:
        """Re-run the filters (in SQL, first page only); keep the chosen offer when listed."""
        self.model.reload()
        self._count = self._workspace.offers.listing.count(self.filter_bar.filters())
        self._show_count()

    def _show_count(self) -> None:
        count = self._count
        self.count.setText(ngettext("{count} offer", "{count} offers", count).format(count=count))

    def _remember_choice(self) -> None:
        self._keep = self.detail.offer.id if self.detail.offer else None

    def select_offer(self, offer_id: str | None) -> None:
        """Select the row of ``offer_id``, reading further pages until it is found (none, or not
        listed: clear the selection and the detail)."""
        row = self.model.find_row(lambda offer: offer.id == offer_id) if offer_id else None
        while offer_id and row is None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.find_row(lambda offer: offer.id == offer_id)
        if row is None:
            self.table.clearSelection()
            self.table.scrollToTop()  # a new list starts at its first line
            self.detail.show_offer(None)
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def visible_offers(self) -> list[Offer]:
        """The offers read so far, in the order shown."""
        return [self.model.row_at(row).offer for row in range(self.model.rowCount())]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.detail.show_offer(self.model.row_at(rows[0].row()).offer if rows else None)

    def _catalogue_text(self) -> str:
        catalogue = self._summary
        if not catalogue.count:
            return ""
        when = (
            format_datetime(catalogue.installed_at.astimezone(), "short")
            if catalogue.installed_at
            else "–"
        )
        if catalogue.version == 0:
            return _("Example catalogue (version 0), loaded {when}.").format(when=when)
        return _("Catalogue version {version}, installed {when}.").format(
            version=catalogue.version, when=when
        )

    # --- Installing ------------------------------------------------------------------------

    def import_catalogue(self) -> None:
        """Install a signed offers catalogue from the Secretariat (e.g. from a USB stick)."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import an offers catalogue"),
            "",
            _("Offers catalogues (*.acsgoffers)"),
        )
        if not name:
            return
        service, folder, path = self._workspace.offers, self._workspace.data_dir, Path(name)
        # Reading, verifying and installing a catalogue (with a backup first) takes seconds.
        self._busy(True)
        show_text(self.message, _("Checking and installing the offers catalogue…"))
        run_in_background(
            lambda: service.import_catalogue(path, trusted_certificates(folder)),
            self._imported,
            self._failed,
        )

    def _imported(self, contents: CatalogueContents) -> None:
        self._busy(False)
        version, count = (contents.update.version if contents.update else 0), len(contents.offers)
        text = ngettext(
            "Offers catalogue version {version} installed ({count} offer).",
            "Offers catalogue version {version} installed ({count} offers).",
            count,
        )
        show_text(self.message, text.format(version=version, count=count))
        self.reload()

    def _failed(self, error: AcsgError) -> None:
        self._busy(False)
        reason = escape_controls(error.message)  # may quote names from the file
        show_text(self.message, _("Not installed: {reason}").format(reason=reason))

    def load_example(self) -> None:
        """Install the illustrative offers shipped with the app, to try the page."""
        try:
            contents = self._workspace.offers.load_example()
        except AcsgError as error:
            self._failed(error)
            return
        count = len(contents.offers)
        show_text(
            self.message,
            ngettext(
                "{count} example offer loaded.", "{count} example offers loaded.", count
            ).format(count=count),
        )
        self.reload()

    def _busy(self, busy: bool) -> None:
        """While a catalogue installs, nothing else here reads the offers."""
        self.progress.setVisible(busy)
        for widget in (self.tabs, self.import_button, self.empty_state):
            widget.setEnabled(not busy)

    def retranslate_ui(self) -> None:
        self.title.setText(_("Offers of support"))
        self.tabs.setTabText(0, _("&Offers"))
        self.tabs.setTabText(1, _("U&nmet needs"))
        self.import_button.setText(_("&Import a catalogue from the Secretariat…"))
        self.table.setAccessibleName(_("Offers"))
        self.progress.setAccessibleName(_("Working"))
        self.model.retranslate()
        header = self.table.horizontalHeader()
        for column, width in COLUMN_WIDTHS.items():  # wide enough for the header's words
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
        self.catalogue_info.setText(self._catalogue_text())
        self._show_count()
