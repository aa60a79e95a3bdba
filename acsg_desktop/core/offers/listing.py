"""The Offers page's list, a page at a time: what the store's query needs from the offers' rules
(the countries of a region, the labels coded values sort by) and the catalogue's summary."""

from __future__ import annotations

from collections.abc import Callable

from acsg_desktop.core.i18n import _, countries, country_name, current_language
from acsg_desktop.core.offers.regions import countries_in, region_ids, region_name
from acsg_desktop.core.records.list_rows import (
    CatalogueSummary,
    ListedOffer,
    OfferQuery,
    PageOrder,
)
from acsg_desktop.core.records.offers import OfferFilters, OfferStatus
from acsg_desktop.core.records.requests import PartnerKind, SupportType
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.offer_list import ANY_REGION
from acsg_desktop.core.store.offer_repository import OfferRepository

CATALOGUE_ORDER = PageOrder()


def _place_labels() -> dict[str, str]:
    places = {ANY_REGION: _("any region")}
    places |= {region: region_name(region).get() for region in region_ids()}
    places |= {code: country_name(code) or code for code, _name in countries()}
    return places


_LABELS: dict[str, Callable[[], dict[str, str]]] = {
    "kind": lambda: {kind.value: label(kind) for kind in PartnerKind},
    "types": lambda: {kind.value: label(kind) for kind in SupportType},
    "status": lambda: {status.value: label(status) for status in OfferStatus},
    "where": _place_labels,
}


def offer_query(filters: OfferFilters, sort_key: str = "") -> OfferQuery:
    """``filters`` as the store's query, with the labels ``sort_key`` sorts by (if coded)."""
    labels = _LABELS[sort_key]() if sort_key in _LABELS else {}
    region_countries = countries_in(filters.region) if filters.region else ()
    return OfferQuery(filters, region_countries, current_language(), labels)


class OfferList:
    """The installed offers as the Offers page lists them (``acsg offers list`` reads them all
    through ``OfferService.list``)."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def summary(self) -> CatalogueSummary:
        """Version, kind, installation time, number of offers and their languages."""
        with self._database.unit_of_work() as session:
            repository = OfferRepository(session)
            return CatalogueSummary(
                repository.version(),
                repository.illustrative(),
                repository.installed_at(),
                repository.count(),
                repository.languages(),
            )

    def page(
        self, filters: OfferFilters, offset: int, limit: int, order: PageOrder = CATALOGUE_ORDER
    ) -> list[ListedOffer]:
        """Offers ``offset`` to ``offset + limit`` that pass ``filters``, in ``order`` (by
        default the catalogue's); each decoded when first read."""
        query = offer_query(filters, order.key)
        with self._database.unit_of_work() as session:
            return OfferRepository(session).page(query, offset, limit, order)

    def count(self, filters: OfferFilters) -> int:
        with self._database.unit_of_work() as session:
            return OfferRepository(session).count(offer_query(filters))
