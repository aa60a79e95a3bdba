"""Offers of support from the Secretariat's catalogue, as plain objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from acsg_desktop.core.framework.model import Text
from acsg_desktop.core.records.requests import Modality, PartnerKind, SupportType


class OfferStatus(StrEnum):
    OPEN = "open"
    COMMITTED = "committed"
    CLOSED = "closed"


class PledgingArea(StrEnum):
    """The four areas of the 2023 Global Refugee Forum's asylum capacity pledges."""

    INSTITUTIONAL = "institutional_capacities"
    LEGAL = "legal_frameworks"
    PROCEDURES = "procedures_efficiency_quality"
    EXPERTISE = "expertise_innovation"


@dataclass(frozen=True)
class Scope:
    """Where an offer can be used: anywhere, or in the regions and countries named."""

    any_region: bool
    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfferSize:
    expert_days: int | None = None
    budget_min: int | None = None
    budget_max: int | None = None
    currency: str = ""


@dataclass(frozen=True)
class Pledge:
    reference: str
    year: int


@dataclass(frozen=True)
class Offer:
    """One offer of support, as the Secretariat published it."""

    id: str
    title: Text
    party_name: Text
    party_kind: PartnerKind
    support_types: tuple[SupportType, ...]
    areas: tuple[str, ...]
    pledging_areas: tuple[PledgingArea, ...]
    aims: tuple[str, ...]
    scope: Scope
    languages: tuple[str, ...]
    start: date
    end: date | None
    status: OfferStatus
    description: Text
    modalities: tuple[Modality, ...] = ()
    party_country: str = ""
    size: OfferSize | None = None
    pledge: Pledge | None = None
    contact: str = ""


@dataclass(frozen=True)
class Catalogue:
    """The installed catalogue: its version (0: none or the shipped example) and its offers."""

    version: int
    illustrative: bool
    offers: tuple[Offer, ...]
    installed_at: datetime | None = None


@dataclass(frozen=True)
class OfferFilters:
    """What the Offers page and ``acsg offers list`` narrow the list by; empty means any."""

    support_type: SupportType | None = None
    area: str = ""
    region: str = ""
    language: str = ""
    party_kind: PartnerKind | None = None
    status: OfferStatus | None = None


@dataclass(frozen=True)
class OfferInterest:
    """An offer a request names as one the authority would like to discuss."""

    request_id: int
    offer_id: str
    catalogue_version: int
    marked_by: str
    marked_at: datetime
