"""What a package says about offers: the offers each request would like to discuss and the
gaps no open offer could meet (the unmet needs).

Read in the export's one transaction (``read_offers``, given its repositories), then put together
without the database by the same functions as ``OfferService.unmet_needs``.
"""

from __future__ import annotations

from dataclasses import dataclass

from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.offers.service import authority_of, gap_offers
from acsg_desktop.core.package.model import CatalogueEntry, InterestEntry, UnmetNeed
from acsg_desktop.core.records.offers import Catalogue, OfferInterest
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.records.requests import RequestStatus, SupportRequest
from acsg_desktop.core.store.offer_repository import OfferRepository
from acsg_desktop.core.store.request_repository import RequestRepository


@dataclass(frozen=True)
class OffersSource:
    """The installed catalogue, the offers of interest of the exported requests, and the
    assessment's requests still standing (which gap each one covers)."""

    catalogue: Catalogue
    interests: tuple[OfferInterest, ...]
    drafted: tuple[SupportRequest, ...]


def read_offers(
    offers: OfferRepository, requests: RequestRepository, assessment_id: int, request_ids: list[int]
) -> OffersSource:
    """The offers part of an export, through repositories on the caller's transaction."""
    catalogue = Catalogue(
        offers.version(), offers.illustrative(), tuple(offers.offers()), offers.installed_at()
    )
    drafted = tuple(
        request
        for request in requests.list()
        if request.content.assessment_id == assessment_id
        and request.status is not RequestStatus.WITHDRAWN
    )
    return OffersSource(catalogue, tuple(offers.interests(request_ids)), drafted)


def interest_entries(source: OffersSource, request_id: int) -> tuple[InterestEntry, ...]:
    """The offers request ``request_id`` would like to discuss, in the order of their ids."""
    return tuple(
        InterestEntry(interest.offer_id, interest.catalogue_version)
        for interest in source.interests
        if interest.request_id == request_id
    )


def catalogue_entry(source: OffersSource) -> CatalogueEntry | None:
    """The installed catalogue, or None when there is none (no offer installed)."""
    catalogue = source.catalogue
    if not catalogue.offers:
        return None
    return CatalogueEntry(catalogue.version, catalogue.illustrative)


def unmet_needs(
    source: OffersSource, framework: Framework, gaps: tuple[Gap, ...], profile: Profile | None
) -> tuple[UnmetNeed, ...] | None:
    """The gaps, most pressing first, for which no open offer fits; None with no catalogue
    (every gap would be "unmet" only because nothing was there to compare with)."""
    if catalogue_entry(source) is None:
        return None
    found = gap_offers(
        gaps, framework, source.drafted, source.catalogue.offers, authority_of(profile)
    )
    return tuple(
        UnmetNeed(item.gap.indicator_id, item.gap.area_id) for item in found if not item.suggestions
    )
