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
from acsg_desktop.core.records.offers import Catalogue, Offer
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.offers.catalogue_notices import CatalogueEmptyState, IllustrativeBanner
from acsg_desktop.gui.offers.offer_detail import OfferDetailWidget
from acsg_desktop.gui.offers.offer_filter_bar import OfferFilterBar
from acsg_desktop.gui.offers.offer_table_model import (
    COL_TITLE,
    COLUMN_WIDTHS,
    OFFER_ROLE,
    OfferSortProxy,
    OfferTableModel,
)
from acsg_desktop.gui.offers.unmet_needs_view import UnmetNeedsView
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
        self._catalogue = Catalogue(0, False, ())
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
        self.proxy = OfferSortProxy()
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()
        self.detail = OfferDetailWidget(framework, self)
        self.unmet = UnmetNeedsView(workspace, self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self._lay_out()
        self.reload()
        self.retranslate_ui()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
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
        self._catalogue = self._workspace.offers.catalogue()
        has_offers = bool(self._catalogue.offers)
        self.banner.setVisible(has_offers and self._catalogue.illustrative)
        self.offers_stack.setCurrentWidget(self.catalogue_view if has_offers else self.empty_state)
        self.import_button.setVisible(has_offers)  # the empty state has its own
        languages = {code for offer in self._catalogue.offers for code in offer.languages}
        self.filter_bar.set_languages(tuple(sorted(languages)))
        self.catalogue_info.setText(self._catalogue_text())
        self.refresh()
        self.unmet.reload(has_offers)

    def refresh(self) -> None:
        """Re-run the filters; keep the chosen offer when it is still listed."""
        chosen = self.detail.offer.id if self.detail.offer else None
        offers = self._workspace.offers.list(self.filter_bar.filters())
        self.model.set_rows(offers)
        self.count.setText(
            ngettext("{count} offer", "{count} offers", len(offers)).format(count=len(offers))
        )
        self.select_offer(chosen)

    def select_offer(self, offer_id: str | None) -> None:
        """Select the row of ``offer_id`` (none: clear the selection and the detail)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            offer = index.data(OFFER_ROLE)
            if isinstance(offer, Offer) and offer.id == offer_id:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return
        self.table.clearSelection()
        self.detail.show_offer(None)

    def visible_offers(self) -> list[Offer]:
        """The offers listed, in the order shown."""
        return [self.proxy.index(row, 0).data(OFFER_ROLE) for row in range(self.proxy.rowCount())]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        offer = rows[0].data(OFFER_ROLE) if rows else None
        self.detail.show_offer(offer if isinstance(offer, Offer) else None)

    def _catalogue_text(self) -> str:
        catalogue = self._catalogue
        if not catalogue.offers:
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
        self.message.setText(_("Checking and installing the offers catalogue…"))
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
        self.message.setText(text.format(version=version, count=count))
        self.reload()

    def _failed(self, error: AcsgError) -> None:
        self._busy(False)
        reason = escape_controls(error.message)  # may quote names from the file
        self.message.setText(_("Not installed: {reason}").format(reason=reason))

    def load_example(self) -> None:
        """Install the illustrative offers shipped with the app, to try the page."""
        try:
            contents = self._workspace.offers.load_example()
        except AcsgError as error:
            self._failed(error)
            return
        count = len(contents.offers)
        self.message.setText(
            ngettext(
                "{count} example offer loaded.", "{count} example offers loaded.", count
            ).format(count=count)
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
        count = self.proxy.rowCount()
        self.count.setText(ngettext("{count} offer", "{count} offers", count).format(count=count))
