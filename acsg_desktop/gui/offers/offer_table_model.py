"""Offers of the catalogue as a Qt table model, fetched a page at a time, sorted and filtered in
SQL (offers that sort alike keep the catalogue's order)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import Qt

from acsg_desktop.core.i18n import N_
from acsg_desktop.core.offers.words import scope_text
from acsg_desktop.core.records.offers import Offer
from acsg_desktop.core.requests.labels import label
from acsg_desktop.gui.widgets.paged_model import PagedTableModel
from acsg_desktop.gui.widgets.table_model import ROW_ROLE

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
LONG_COLUMNS = frozenset({COL_TITLE, COL_PARTY, COL_WHERE})
# Starting widths at 1366x768; the title takes what is left.
COLUMN_WIDTHS = {
    COL_ID: 100, COL_PARTY: 220, COL_KIND: 140, COL_TYPES: 135, COL_WHERE: 150, COL_STATUS: 85
}  # fmt: skip


class OfferTableModel(PagedTableModel[Offer]):
    """One row per offer, its texts in the current language; the offer under ``OFFER_ROLE``."""

    headers = HEADERS
    sort_keys: ClassVar[dict[int, str]] = {
        COL_ID: "id",
        COL_TITLE: "title",
        COL_PARTY: "party",
        COL_KIND: "kind",
        COL_TYPES: "types",
        COL_WHERE: "where",
        COL_STATUS: "status",
    }

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
        if role == Qt.ItemDataRole.ToolTipRole and column in LONG_COLUMNS:
            return self.display(offer, column)  # the whole text when the column is narrow
        return None
