"""The desk's comparisons, from the latest accepted package of each authority: submissions,
area and aim scores by country, requests by type, area and match stage, and unmet needs next
to the open offers the desk holds."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from acsg_desktop.core.offers.filters import covers_region
from acsg_desktop.core.offers.regions import region_of
from acsg_desktop.core.records.desk import HELD, PackageState, ReceivedPackage
from acsg_desktop.core.records.offers import Offer, OfferStatus


@dataclass(frozen=True)
class Submission:
    """One authority: its packages, the latest one's state, year and scores."""

    country: str
    authority: str
    packages: int
    held: int
    latest: ReceivedPackage
    year: int
    completion: float
    overall: float | None
    areas: dict[str, float | None]
    aims: dict[str, float | None]
    previous_overall: float | None = None


@dataclass
class Overview:
    submissions: list[Submission] = field(default_factory=list)
    requests_by_type: Counter[str] = field(default_factory=Counter)
    requests_by_area: Counter[str] = field(default_factory=Counter)
    requests_by_stage: Counter[str] = field(default_factory=Counter)
    unmet_by_area: Counter[str] = field(default_factory=Counter)
    unmet_by_region: Counter[str] = field(default_factory=Counter)
    open_offers_by_area: Counter[str] = field(default_factory=Counter)
    open_offers_by_region: Counter[str] = field(default_factory=Counter)
    offers_illustrative: bool = False  # the desk's offers are the shipped examples


def _document(package: ReceivedPackage) -> dict[str, Any]:
    return dict(json.loads(package.document))


def _submission(packages: list[ReceivedPackage]) -> Submission | None:
    accepted = [p for p in packages if p.state is PackageState.ACCEPTED]
    if not accepted:
        return None
    latest = max(accepted, key=lambda p: p.sequence)
    earlier = [p for p in accepted if p.sequence < latest.sequence]
    document = _document(latest)
    scores = document["scores"]
    previous = _document(max(earlier, key=lambda p: p.sequence))["scores"] if earlier else None
    return Submission(
        country=latest.country,
        authority=latest.authority,
        packages=len(packages),
        held=sum(1 for p in packages if p.state in HELD),
        latest=latest,
        year=int(document["assessment"]["year"]),
        completion=float(scores["completion"]),
        overall=scores["overall"],
        areas={area["id"]: area["score"] for area in scores["areas"]},
        aims=dict(scores["aims"]),
        previous_overall=previous["overall"] if previous else None,
    )


def _count_requests(overview: Overview, document: dict[str, Any], stages: dict[int, str]) -> None:
    for request in document["requests"]:
        content = request["content"]
        overview.requests_by_type.update(content.get("support_types", []))
        overview.requests_by_area.update(content.get("areas", []))
        overview.requests_by_stage[stages.get(request["id"], "")] += 1


def build_overview(
    packages: list[ReceivedPackage], offers: list[Offer], stages: dict[str, dict[int, str]]
) -> Overview:
    """The dashboard's numbers. ``stages`` maps a package id to its requests' stages as the
    desk last answered them."""
    overview = Overview()
    by_authority: dict[tuple[str, str], list[ReceivedPackage]] = {}
    for package in packages:
        by_authority.setdefault((package.country, package.authority), []).append(package)
    for group in by_authority.values():
        submission = _submission(group)
        if submission is None:
            continue
        overview.submissions.append(submission)
        document = _document(submission.latest)
        _count_requests(overview, document, stages.get(submission.latest.package_id, {}))
        region = region_of(submission.country)
        for need in document.get("unmet_needs") or []:
            overview.unmet_by_area[need["area"]] += 1
            overview.unmet_by_region[region] += 1
    for offer in offers:
        if offer.status is OfferStatus.OPEN:
            overview.open_offers_by_area.update(offer.areas)
            for region in overview.unmet_by_region:
                if covers_region(offer, region):
                    overview.open_offers_by_region[region] += 1
    return overview
