"""The offers catalogue over the store: install, list, suggest, and the offers of interest."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.assessment.service import AssessmentService
from acsg_desktop.core.audit.chain import conflict_with
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _
from acsg_desktop.core.offers.filters import matches_filters
from acsg_desktop.core.offers.listing import OfferList
from acsg_desktop.core.offers.matching import Authority, Need, Suggestion, suggest
from acsg_desktop.core.offers.regions import region_of
from acsg_desktop.core.records.offers import Catalogue, Offer, OfferFilters, OfferInterest
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.records.requests import RequestStatus, SupportRequest
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.offer_repository import OfferRepository
from acsg_desktop.core.store.profile_repository import ProfileRepository
from acsg_desktop.core.store.request_repository import RequestRepository
from acsg_desktop.core.updates.clock import note_time

if TYPE_CHECKING:
    from cryptography import x509

    from acsg_desktop.core.offers.catalogue import CatalogueContents

INTEREST_STATUSES = frozenset({RequestStatus.DRAFT, RequestStatus.IN_REVIEW})


class OfferError(AcsgError):
    """An offers action was refused; nothing changed."""


@dataclass(frozen=True)
class GapOffers:
    """One gap of an assessment, what it asks of an offer, and the offers that could meet it."""

    gap: Gap
    need: Need
    request_id: int | None
    suggestions: tuple[Suggestion, ...]


class OfferService:
    """Everything the Offers page, the request editor and ``acsg offers`` do with offers."""

    def __init__(self, database: Database, assessments: AssessmentService) -> None:
        self._database = database
        self._assessments = assessments
        self.listing = OfferList(database)  # the Offers page's list, a page at a time

    # --- The catalogue ---------------------------------------------------------------------

    def catalogue(self) -> Catalogue:
        with self._database.unit_of_work() as session:
            repository = OfferRepository(session)
            return Catalogue(
                repository.version(),
                repository.illustrative(),
                tuple(repository.offers()),
                repository.installed_at(),
            )

    def known_areas(self) -> builtins.list[str]:
        return [area.id for area in self._assessments.shipped_framework().areas]

    def _install(self, contents: CatalogueContents, version: int) -> None:
        with self._database.unit_of_work() as session:
            OfferRepository(session).replace_all(
                contents.offers, version, contents.illustrative, datetime.now(UTC)
            )

    def import_catalogue(
        self, path: Path, trusted: builtins.list[x509.Certificate], now: datetime | None = None
    ) -> CatalogueContents:
        """Verify a signed catalogue, then install it in one transaction (after a backup).

        Raises:
            UpdateError: with the reason; the installed offers are unchanged.
        """
        from acsg_desktop.core.offers.catalogue import OFFERS, read_catalogue
        from acsg_desktop.core.updates.acceptance import check_acceptable

        highest = note_time(self._database, now)
        contents = read_catalogue(path, trusted, highest, self.known_areas())
        assert contents.update is not None  # a signed catalogue always has one
        with self._database.unit_of_work() as session:
            installed = OfferRepository(session).version()
        check_acceptable(contents.update, OFFERS, installed, highest)
        self._database.backup("before-offers")
        self._install(contents, contents.update.version)
        return contents

    def load_example(self) -> CatalogueContents:
        """Install the illustrative catalogue shipped with the app (version 0).

        Raises:
            OfferError: when a catalogue from the Secretariat is installed.
        """
        from acsg_desktop.core.offers.catalogue import example_catalogue_path, offers_from_bytes

        if self.catalogue().version > 0:
            raise OfferError(
                _(
                    "A catalogue from the Secretariat is installed; the example offers would "
                    "replace real ones, so they were not loaded."
                )
            )
        contents = offers_from_bytes(example_catalogue_path().read_bytes(), self.known_areas())
        self._install(contents, 0)
        return contents

    def list(self, filters: OfferFilters) -> builtins.list[Offer]:
        """The installed offers that pass ``filters``, in the catalogue's order."""
        return [offer for offer in self.catalogue().offers if matches_filters(offer, filters)]

    def get(self, offer_id: str) -> Offer:
        with self._database.unit_of_work() as session:
            offer = OfferRepository(session).get(offer_id)
        if offer is None:
            raise OfferError(_("There is no offer {id} in the catalogue.").format(id=offer_id))
        return offer

    # --- Offers of interest ----------------------------------------------------------------

    def interests(
        self, request_ids: builtins.list[int] | None = None
    ) -> builtins.list[OfferInterest]:
        with self._database.unit_of_work() as session:
            return OfferRepository(session).interests(request_ids)

    def set_interest(
        self,
        request_id: int,
        offer_id: str,
        interested: bool,
        *,
        actor: str,
        expected_version: int | None = None,
    ) -> builtins.list[OfferInterest]:
        """Mark (or unmark) ``offer_id`` as an offer the request would like to discuss; audited.

        Raises:
            OfferError: no such request or offer, or the request is past review.
            ConflictError: the request changed since ``expected_version``.
        """
        with self._database.unit_of_work() as session:
            request = RequestRepository(session).get(request_id, for_update=True)
            if request is None:
                raise OfferError(_("There is no support request {id}.").format(id=request_id))
            if expected_version is not None and request.version != expected_version:
                raise conflict_with(AuditRepository(session).latest("request", str(request_id)))
            if request.status not in INTEREST_STATUSES:
                raise OfferError(
                    _(
                        "Offers of interest are chosen while the request is a draft or in "
                        "review; to change them now, edit the request first."
                    )
                )
            offers = OfferRepository(session)
            if interested:
                if offers.get(offer_id) is None:
                    raise OfferError(
                        _("There is no offer {id} in the catalogue.").format(id=offer_id)
                    )
                offers.mark(
                    OfferInterest(request_id, offer_id, offers.version(), actor, datetime.now(UTC))
                )
            elif not offers.unmark(request_id, offer_id):
                return offers.interests([request_id])
            RequestRepository(session).update(request_id, last_editor=actor)  # a new version
            AuditRepository(session).append(
                actor,
                "request",
                str(request_id),
                "offer_interest",
                "" if interested else offer_id,
                offer_id if interested else "",
            )
            return offers.interests([request_id])

    # --- Suggestions -----------------------------------------------------------------------

    def authority(self) -> Authority:
        """Where the authority is and its working language, from its profile."""
        with self._database.unit_of_work() as session:
            return authority_of(ProfileRepository(session).get())

    def for_request(self, request_id: int) -> builtins.list[Suggestion]:
        """The offers that could meet request ``request_id``, best first."""
        with self._database.unit_of_work() as session:
            request = RequestRepository(session).get(request_id)
        if request is None:
            raise OfferError(_("There is no support request {id}.").format(id=request_id))
        return suggest(self.catalogue().offers, request_need(request), self.authority())

    def for_assessment(self, assessment_id: int) -> builtins.list[GapOffers]:
        """Each gap of the assessment with the offers that could meet it, gaps in their order."""
        summary = self._assessments.get(assessment_id)
        framework = self._assessments.framework_of(summary)
        gaps = self._assessments.scores(assessment_id).gaps
        with self._database.unit_of_work() as session:
            requests = [
                request
                for request in RequestRepository(session).list()
                if request.content.assessment_id == assessment_id
                and request.status is not RequestStatus.WITHDRAWN
            ]
        return gap_offers(gaps, framework, requests, self.catalogue().offers, self.authority())

    def unmet_needs(self, assessment_id: int) -> builtins.list[GapOffers]:
        """The gaps for which no open offer fits: what the Secretariat most needs to hear."""
        return [item for item in self.for_assessment(assessment_id) if not item.suggestions]


def request_need(request: SupportRequest) -> Need:
    """What a request asks of an offer."""
    content = request.content
    return Need(
        areas=content.areas,
        aims=content.aims,
        support_types=content.support_types,
        partner_kinds=content.partner_kinds,
        start=content.start,
    )


def gap_need(gap: Gap, framework: Framework, request: SupportRequest | None) -> Need:
    """What a gap asks of an offer: its area and aims, and the wishes of the request that
    covers it (a gap with no request yet takes any support type)."""
    aims = framework.indicator(gap.indicator_id).aims
    if request is None:
        return Need(areas=(gap.area_id,), aims=aims)
    content = request.content
    return Need(
        areas=(gap.area_id,),
        aims=aims,
        support_types=content.support_types,
        partner_kinds=content.partner_kinds,
        start=content.start,
    )


def covering_request(gap: Gap, requests: Sequence[SupportRequest]) -> SupportRequest | None:
    """The first request (lowest id) that names the gap's indicator."""
    covering = [r for r in requests if gap.indicator_id in r.content.indicators]
    return min(covering, key=lambda request: request.id) if covering else None


def authority_of(profile: Profile | None) -> Authority:
    """Where the authority is and its working language, from its profile."""
    if profile is None:
        return Authority("", "", ())
    return Authority(
        profile.country_code,
        region_of(profile.country_code),
        (profile.preferred_language,) if profile.preferred_language else (),
    )


def gap_offers(
    gaps: Sequence[Gap],
    framework: Framework,
    requests: Sequence[SupportRequest],
    offers: Sequence[Offer],
    authority: Authority,
) -> builtins.list[GapOffers]:
    """Each gap with what it asks of an offer (its area and aims, and the wishes of the request
    that covers it among ``requests``) and the offers that could meet it, gaps in their order."""
    found = []
    for gap in gaps:
        request = covering_request(gap, requests)
        need = gap_need(gap, framework, request)
        found.append(
            GapOffers(
                gap, need, request.id if request else None, tuple(suggest(offers, need, authority))
            )
        )
    return found
