"""Narrowing the offers list: by support type, area, region, language, partner kind, status."""

from __future__ import annotations

from acsg_desktop.core.offers.regions import region_of
from acsg_desktop.core.records.offers import Offer, OfferFilters


def covers_region(offer: Offer, region: str) -> bool:
    """Whether the offer can be used in ``region`` (any region, the region, or one of its
    countries)."""
    scope = offer.scope
    return (
        scope.any_region
        or region in scope.regions
        or any(region_of(country) == region for country in scope.countries)
    )


def matches_filters(offer: Offer, filters: OfferFilters) -> bool:
    """Whether ``offer`` passes every filter that is set."""
    return (
        (filters.support_type is None or filters.support_type in offer.support_types)
        and (not filters.area or filters.area in offer.areas)
        and (not filters.region or covers_region(offer, filters.region))
        and (not filters.language or filters.language in offer.languages)
        and (filters.party_kind is None or offer.party_kind is filters.party_kind)
        and (filters.status is None or offer.status is filters.status)
    )
