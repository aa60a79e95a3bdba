"""Offers of the catalogue as a Qt table model, fetched a page at a time, sorted and filtered in
SQL (offers that sort alike keep the catalogue's order)."""

from __future__ import annotations

from typing import ClassVar

from acsg_desktop.core.i18n import N_
from acsg_desktop.core.offers.words import scope_text
from acsg_desktop.core.records.list_rows import ListedOffer
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
# Starting widths at 1366x768; the title takes what is left.
COLUMN_WIDTHS = {
    COL_ID: 100, COL_PARTY: 220, COL_KIND: 140, COL_TYPES: 135, COL_WHERE: 150, COL_STATUS: 85
}  # fmt: skip


class OfferTableModel(PagedTableModel[ListedOffer]):
    """One row per offer, its texts in the current language (made at once, for the rows
    painted only); the listed offer under ``OFFER_ROLE``."""

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

    def row_texts(self, row: ListedOffer) -> list[str]:
        return offer_texts(row.offer)

    def display(self, row: ListedOffer, column: int) -> str:
        return offer_texts(row.offer)[column]


def offer_texts(offer: Offer) -> list[str]:
    """Every column's text of ``offer`` in the current language (a narrow column's whole text
    is its tooltip, as in every list)."""
    return [
        offer.id,
        offer.title.get(),
        offer.party_name.get(),
        label(offer.party_kind),
        ", ".join(label(kind) for kind in offer.support_types),
        scope_text(offer),
        label(offer.status),
    ]
