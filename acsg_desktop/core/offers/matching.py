"""Which offers could meet a need, and why: a rule an official can follow and check.

Hard filters (an offer failing one is never suggested): the offer is open; it gives a support
type the need wants (a gap with no request yet wants any type); its scope is any region, or
names the authority's region or country; and it works on the need's subject: one of its
framework areas is the need's area, or, for an offer that names no framework area, its Global
Refugee Forum pledging area is the one the need's area belongs to.

Weighted terms then rank the suggestions: same framework area 4, same pledging area 2, a shared
aim 2, a shared working language 2, a partner kind the request prefers 1, the request's start
inside the offer's period 1. Ties are broken by the offer's id, so the order never changes
between runs. Every term that holds is a reason shown in words; every one that does not is
shown as what does not fit. Matching itself stays the Secretariat's decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from acsg_desktop.core.records.offers import Offer, OfferStatus, PledgingArea
from acsg_desktop.core.records.requests import PartnerKind, SupportType

P = PledgingArea
PLEDGING_AREA_OF: dict[str, PledgingArea] = {
    "legal-framework": P.LEGAL,
    "status-and-rights": P.LEGAL,
    "governance": P.INSTITUTIONAL,
    "planning-resources": P.INSTITUTIONAL,
    "premises-equipment": P.INSTITUTIONAL,
    "staffing-training": P.INSTITUTIONAL,
    "partnerships": P.INSTITUTIONAL,
    "access-registration": P.PROCEDURES,
    "processing-modalities": P.PROCEDURES,
    "case-management": P.PROCEDURES,
    "interview-interpretation": P.PROCEDURES,
    "decision-quality": P.PROCEDURES,
    "quality-assurance": P.PROCEDURES,
    "appeals": P.PROCEDURES,
    "legal-aid": P.PROCEDURES,
    "specific-needs": P.PROCEDURES,
    "confidentiality-data": P.PROCEDURES,
    "integrity": P.PROCEDURES,
    "evidence-coi": P.EXPERTISE,
    "contingency": P.EXPERTISE,
    "statistics-monitoring": P.EXPERTISE,
}


class Term(StrEnum):
    """One part of the rule; a reason names the term and what it found."""

    STATUS = "status"
    SUPPORT_TYPE = "support_type"
    SCOPE = "scope"
    SAME_AREA = "same_area"
    PLEDGING_AREA = "pledging_area"
    SAME_AIM = "same_aim"
    LANGUAGE = "language"
    PARTNER_KIND = "partner_kind"
    PERIOD = "period"


WEIGHTS = {
    Term.SAME_AREA: 4,
    Term.PLEDGING_AREA: 2,
    Term.SAME_AIM: 2,
    Term.LANGUAGE: 2,
    Term.PARTNER_KIND: 1,
    Term.PERIOD: 1,
}


@dataclass(frozen=True)
class Need:
    """What is to be met: one gap, or one request (its areas, aims, types, partners, start)."""

    areas: tuple[str, ...]
    aims: tuple[str, ...]
    support_types: tuple[SupportType, ...] = ()
    partner_kinds: tuple[PartnerKind, ...] = ()
    start: date | None = None


@dataclass(frozen=True)
class Authority:
    """Who would receive the support: where, and in which working languages."""

    country: str
    region: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Reason:
    """One term of the rule, with the values it found (ids and codes, worded when shown)."""

    term: Term
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    offer: Offer
    score: int
    fits: tuple[Reason, ...]
    misfits: tuple[Reason, ...]


def _shared(ours: Iterable[str], theirs: Iterable[str]) -> tuple[str, ...]:
    theirs = set(theirs)
    return tuple(value for value in ours if value in theirs)


def _scope_reason(offer: Offer, authority: Authority) -> Reason | None:
    scope = offer.scope
    if scope.any_region:
        return Reason(Term.SCOPE, ("any",))
    if authority.country in scope.countries:
        return Reason(Term.SCOPE, ("country", authority.country))
    if authority.region and authority.region in scope.regions:
        return Reason(Term.SCOPE, ("region", authority.region))
    return None


def _subject_reason(offer: Offer, need: Need) -> Reason | None:
    areas = _shared(need.areas, offer.areas)
    if areas:
        return Reason(Term.SAME_AREA, areas)
    if offer.areas:
        return None
    pledging = _shared(
        dict.fromkeys(
            PLEDGING_AREA_OF[area].value for area in need.areas if area in PLEDGING_AREA_OF
        ),
        (value.value for value in offer.pledging_areas),
    )
    return Reason(Term.PLEDGING_AREA, pledging) if pledging else None


def exclusions(offer: Offer, need: Need, authority: Authority) -> tuple[Reason, ...]:
    """Each hard filter ``offer`` fails for ``need`` (empty: it may be suggested)."""
    failed = []
    if offer.status is not OfferStatus.OPEN:
        failed.append(Reason(Term.STATUS, (offer.status.value,)))
    types = (value.value for value in offer.support_types)
    if need.support_types and not _shared((t.value for t in need.support_types), types):
        failed.append(Reason(Term.SUPPORT_TYPE, tuple(t.value for t in offer.support_types)))
    if _scope_reason(offer, authority) is None:
        failed.append(Reason(Term.SCOPE, ()))
    if _subject_reason(offer, need) is None:
        failed.append(Reason(Term.SAME_AREA, ()))
    return tuple(failed)


def _in_period(offer: Offer, start: date) -> bool:
    return offer.start <= start and (offer.end is None or start <= offer.end)


def _soft_terms(offer: Offer, need: Need, authority: Authority) -> list[tuple[Reason, bool]]:
    """(reason, holds) for each weighted term that applies to this need."""
    terms = [
        (
            Reason(Term.SAME_AIM, _shared(need.aims, offer.aims) or offer.aims),
            bool(_shared(need.aims, offer.aims)),
        ),
        (
            Reason(Term.LANGUAGE, _shared(authority.languages, offer.languages) or offer.languages),
            bool(_shared(authority.languages, offer.languages)),
        ),
    ]
    if need.partner_kinds:
        terms.append(
            (
                Reason(Term.PARTNER_KIND, (offer.party_kind.value,)),
                offer.party_kind in need.partner_kinds,
            )
        )
    if need.start:
        terms.append(
            (Reason(Term.PERIOD, (need.start.isoformat(),)), _in_period(offer, need.start))
        )
    return terms


def assess(offer: Offer, need: Need, authority: Authority) -> Suggestion | None:
    """The suggestion ``offer`` makes for ``need``, or None when a hard filter excludes it."""
    if exclusions(offer, need, authority):
        return None
    subject = _subject_reason(offer, need)
    scope = _scope_reason(offer, authority)
    assert subject is not None and scope is not None  # no exclusion above
    wanted = need.support_types or offer.support_types
    types = Reason(
        Term.SUPPORT_TYPE,
        _shared((t.value for t in offer.support_types), (t.value for t in wanted)),
    )
    fits: list[Reason] = [subject, types, scope]
    misfits: list[Reason] = []
    for reason, holds in _soft_terms(offer, need, authority):
        (fits if holds else misfits).append(reason)
    score = sum(WEIGHTS.get(reason.term, 0) for reason in fits)
    return Suggestion(offer, score, tuple(fits), tuple(misfits))


def suggest(offers: Iterable[Offer], need: Need, authority: Authority) -> list[Suggestion]:
    """The offers that could meet ``need``, best first, ties in the order of their ids."""
    found = [s for s in (assess(offer, need, authority) for offer in offers) if s is not None]
    return sorted(found, key=lambda suggestion: (-suggestion.score, suggestion.offer.id))
