"""Offers to and from the catalogue's JSON (offers.json, the store, the CLI's --json)."""

from __future__ import annotations

from datetime import date
from typing import Any

from acsg_desktop.core.framework.model import Text
from acsg_desktop.core.records.offers import (
    Offer,
    OfferSize,
    OfferStatus,
    Pledge,
    PledgingArea,
    Scope,
)
from acsg_desktop.core.records.requests import Modality, PartnerKind, SupportType


def _text(data: dict[str, str]) -> Text:
    return Text(dict(data))


def offer_from_dict(data: dict[str, Any]) -> Offer:
    """An offer from one item of offers.json, already checked against its schema."""
    scope, period, size, pledge = (
        data["scope"],
        data["period"],
        data.get("size"),
        data.get("pledge"),
    )
    return Offer(
        id=data["id"],
        title=_text(data["title"]),
        party_name=_text(data["party"]["name"]),
        party_kind=PartnerKind(data["party"]["kind"]),
        party_country=data["party"].get("country", ""),
        support_types=tuple(SupportType(value) for value in data["support_types"]),
        modalities=tuple(Modality(value) for value in data.get("modalities", [])),
        areas=tuple(data["areas"]),
        pledging_areas=tuple(PledgingArea(value) for value in data["pledging_areas"]),
        aims=tuple(data["aims"]),
        scope=Scope(
            bool(scope["any_region"]),
            tuple(scope.get("regions", [])),
            tuple(scope.get("countries", [])),
        ),
        languages=tuple(data["languages"]),
        start=date.fromisoformat(period["start"]),
        end=date.fromisoformat(period["end"]) if "end" in period else None,
        status=OfferStatus(data["status"]),
        description=_text(data["description"]),
        size=OfferSize(
            size.get("expert_days"),
            size.get("budget_min"),
            size.get("budget_max"),
            size.get("currency", ""),
        )
        if size
        else None,
        pledge=Pledge(pledge["reference"], int(pledge["year"])) if pledge else None,
        contact=data.get("contact", ""),
    )


def _size_to_dict(size: OfferSize) -> dict[str, Any]:
    values = {
        "expert_days": size.expert_days,
        "budget_min": size.budget_min,
        "budget_max": size.budget_max,
        "currency": size.currency or None,
    }
    return {key: value for key, value in values.items() if value is not None}


def offer_to_dict(offer: Offer) -> dict[str, Any]:
    """The inverse of ``offer_from_dict``: one item of offers.json."""
    party: dict[str, Any] = {
        "name": dict(offer.party_name.by_language),
        "kind": offer.party_kind.value,
    }
    if offer.party_country:
        party["country"] = offer.party_country
    period = {"start": offer.start.isoformat()}
    if offer.end:
        period["end"] = offer.end.isoformat()
    data: dict[str, Any] = {
        "id": offer.id,
        "title": dict(offer.title.by_language),
        "party": party,
        "support_types": [value.value for value in offer.support_types],
        "modalities": [value.value for value in offer.modalities],
        "areas": list(offer.areas),
        "pledging_areas": [value.value for value in offer.pledging_areas],
        "aims": list(offer.aims),
        "scope": {
            "any_region": offer.scope.any_region,
            "regions": list(offer.scope.regions),
            "countries": list(offer.scope.countries),
        },
        "languages": list(offer.languages),
        "period": period,
        "status": offer.status.value,
        "description": dict(offer.description.by_language),
    }
    if offer.size:
        data["size"] = _size_to_dict(offer.size)
    if offer.pledge:
        data["pledge"] = {"reference": offer.pledge.reference, "year": offer.pledge.year}
    if offer.contact:
        data["contact"] = offer.contact
    return data
