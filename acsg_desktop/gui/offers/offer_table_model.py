"""Offers of the catalogue as a Qt table model, and a proxy that sorts them (stable)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt

from acsg_desktop.core.i18n import N_
from acsg_desktop.core.offers.words import scope_text
from acsg_desktop.core.records.offers import Offer
from acsg_desktop.core.requests.labels import label
from acsg_desktop.gui.widgets.table_model import ROW_ROLE, RowTableModel

COL_ID, COL_TITLE, COL_PARTY, COL_KIND, COL_TYPES, COL_WHERE, COL_STATUS = range(7)
HEADERS = (
    N_("Reference"),
    N_("Title"),
    N_("Offered by"),
    N_("Partner kind"),
    N_("Support"),
    N_("Where"),
    N_("Status"),
)
OFFER_ROLE = ROW_ROLE
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
LONG_COLUMNS = frozenset({COL_TITLE, COL_PARTY, COL_WHERE})
# Starting widths at 1366x768; the title takes what is left.
COLUMN_WIDTHS = {
    COL_ID: 100, COL_PARTY: 220, COL_KIND: 140, COL_TYPES: 135, COL_WHERE: 150, COL_STATUS: 85
}  # fmt: skip


class OfferTableModel(RowTableModel[Offer]):
    """One row per offer, its texts in the current language; the offer under ``OFFER_ROLE``."""

    headers = HEADERS

    def display(self, offer: Offer, column: int) -> str:
        values: dict[int, Callable[[], str]] = {
            COL_ID: lambda: offer.id,
            COL_TITLE: lambda: offer.title.get(),
            COL_PARTY: lambda: offer.party_name.get(),
            COL_KIND: lambda: label(offer.party_kind),
            COL_TYPES: lambda: ", ".join(label(kind) for kind in offer.support_types),
            COL_WHERE: lambda: scope_text(offer),
            COL_STATUS: lambda: label(offer.status),
        }
        return values[column]()

    def extra(self, offer: Offer, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            return offer.id if column == COL_ID else self.display(offer, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and column in LONG_COLUMNS:
            return self.display(offer, column)  # the whole text when the column is narrow
        return None


class OfferSortProxy(QSortFilterProxyModel):
    """Sorts on ``SORT_ROLE``; Qt's sort is stable, so equal rows keep the catalogue's order."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
