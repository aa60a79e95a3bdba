"""What a package says about offers: the offers each request would like to discuss and the
gaps no open offer could meet (the unmet needs).

Read in the export's one transaction (``read_offers``, given its repositories), then put together
without the database, by the rule ``OfferService.unmet_needs`` follows: each gap's need, with
the wishes of the lowest-numbered request that names its indicator, against the installed
offers and the authority's place and language.
"""

from __future__ import annotations

from dataclasses import dataclass

from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.offers.matching import Authority, suggest
from acsg_desktop.core.offers.regions import region_of
from acsg_desktop.core.offers.service import gap_need
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


def _authority(profile: Profile | None) -> Authority:
    """As ``OfferService.authority``: where the authority is and its working language."""
    if profile is None:
        return Authority("", "", ())
    return Authority(
        profile.country_code,
        region_of(profile.country_code),
        (profile.preferred_language,) if profile.preferred_language else (),
    )


def _covering(gap: Gap, requests: tuple[SupportRequest, ...]) -> SupportRequest | None:
    """As ``OfferService.for_assessment``: the lowest-numbered request naming the indicator."""
    covering = [r for r in requests if gap.indicator_id in r.content.indicators]
    return min(covering, key=lambda request: request.id) if covering else None


def unmet_needs(
    source: OffersSource, framework: Framework, gaps: tuple[Gap, ...], profile: Profile | None
) -> tuple[UnmetNeed, ...] | None:
    """The gaps, most pressing first, for which no open offer fits; None with no catalogue
    (every gap would be "unmet" only because nothing was there to compare with)."""
    if catalogue_entry(source) is None:
        return None
    offers, authority = source.catalogue.offers, _authority(profile)
    return tuple(
        UnmetNeed(gap.indicator_id, gap.area_id)
        for gap in gaps
        if not suggest(offers, gap_need(gap, framework, _covering(gap, source.drafted)), authority)
    )
