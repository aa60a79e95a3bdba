"""The offers catalogue: offers.json, alone (the shipped example) or in a signed update
(`*.acsgoffers`) read by the same reader and checks as a guide bundle."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from acsg_desktop import __version__
from acsg_desktop.core.envelope.format import Caps
from acsg_desktop.core.fileio import write_bytes_atomically
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.core.records.offer_codec import offer_from_dict
from acsg_desktop.core.records.offers import Offer
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.signing.keys import Identity
from acsg_desktop.core.strict_json import JsonDocumentError, strict_json
from acsg_desktop.core.text_rules import clean
from acsg_desktop.core.updates.build import update_bytes
from acsg_desktop.core.updates.kind import UpdateKind, UpdateWords
from acsg_desktop.core.updates.read import SignedUpdate, UpdateError, read_update
from acsg_desktop.paths import resources_dir

OFFERS_FILE = "offers.json"
OFFERS = UpdateKind(
    format="acsg-offers/1",
    schema="offers-bundle.schema.json",
    content=re.compile(r"^offers\.json$"),
    caps=Caps(max_entries=8, max_entry_bytes=8_000_000, max_total_bytes=8_100_000, max_ratio=100),
    words=UpdateWords(
        same=N_("This offers catalogue (version {version}) is already installed."),
        older=N_(
            "This offers catalogue (version {new}) is older than the installed one ({old}); it "
            "was not installed."
        ),
        expired=N_("This offers catalogue expired on {date}."),
        app_too_old=N_("This offers catalogue needs ACSG Desktop {version} or newer."),
    ),
)


@dataclass(frozen=True)
class CatalogueContents:
    """The offers of one catalogue, and whether they are only examples."""

    offers: list[Offer]
    illustrative: bool
    update: SignedUpdate | None = None


def _cleaned(item: dict[str, Any]) -> dict[str, Any]:
    """The offer's texts without unprintable characters (bidi overrides, controls): a text that
    reads differently on screen than in the file is never shown."""
    texts = {
        key: {lang: clean(text) for lang, text in item[key].items()}
        for key in ("title", "description")
    }
    party = {
        **item["party"],
        "name": {lang: clean(t, multiline=False) for lang, t in item["party"]["name"].items()},
    }
    return {
        **item,
        **texts,
        "party": party,
        "contact": clean(item.get("contact", ""), multiline=False),
    }


def _checked_offer(item: dict[str, Any], known_areas: Collection[str]) -> Offer:
    unknown = sorted(set(item["areas"]) - set(known_areas))
    if unknown:
        raise UpdateError(
            "offer",
            _("The offer {id} names an unknown area: {area}.").format(
                id=item["id"], area=", ".join(unknown)
            ),
        )
    try:
        offer = offer_from_dict(_cleaned(item))
    except ValueError as error:  # a date the calendar does not have, such as 30 February
        raise UpdateError(
            "offer", _("The offer {id} has a date that does not exist.").format(id=item["id"])
        ) from error
    if offer.end is not None and offer.end < offer.start:
        raise UpdateError("offer", _("The offer {id} ends before it starts.").format(id=offer.id))
    return offer


def _checked_offers(items: list[dict[str, Any]], known_areas: Collection[str]) -> list[Offer]:
    offers: dict[str, Offer] = {}
    for item in items:
        if item["id"] in offers:
            raise UpdateError(
                "offer", _("The offer {id} appears twice in the catalogue.").format(id=item["id"])
            )
        offers[item["id"]] = _checked_offer(item, known_areas)
    return list(offers.values())


def offers_from_bytes(data: bytes, known_areas: Collection[str]) -> CatalogueContents:
    """The offers in an offers.json document, once its schema and references hold.

    Raises:
        UpdateError: naming the file, the field or the offer at fault.
    """
    try:
        document = strict_json(data)
    except JsonDocumentError as error:
        raise UpdateError(
            "offers", _("offers.json is not valid: {reason}").format(reason=error.message)
        ) from error
    problem = schema_problem(document, "offers.schema.json", OFFERS_FILE)
    if problem:
        raise UpdateError("offers", problem)
    return CatalogueContents(
        _checked_offers(document["offers"], known_areas), bool(document["illustrative"])
    )


def read_catalogue(
    path: Path, trusted: list[x509.Certificate], at: datetime, known_areas: Collection[str]
) -> CatalogueContents:
    """The offers of the signed catalogue at ``path``, once every check has held."""
    update = read_update(path, OFFERS, trusted, at)
    contents = offers_from_bytes(update.files[OFFERS_FILE], known_areas)
    return CatalogueContents(contents.offers, contents.illustrative, update)


def example_catalogue_path() -> Path:
    """The illustrative catalogue shipped for the demo and for trying the app."""
    return resources_dir() / "offers" / "example-offers.json"


def catalogue_bytes(
    offers_json: bytes,
    identity: Identity,
    version: int,
    known_areas: Collection[str],
    expires: datetime | None = None,
    min_app_version: str = __version__,
) -> bytes:
    """A signed catalogue holding ``offers_json``, checked first as an authority would."""
    offers_from_bytes(offers_json, known_areas)
    return update_bytes(
        OFFERS, {OFFERS_FILE: offers_json}, identity, version, None, expires, min_app_version
    )


def build_catalogue(
    folder: Path, identity: Identity, version: int, out: Path, known_areas: Collection[str]
) -> None:
    """Sign ``folder``/offers.json into ``out`` (written atomically)."""
    source = folder / OFFERS_FILE if folder.is_dir() else folder
    write_bytes_atomically(
        out, catalogue_bytes(source.read_bytes(), identity, version, known_areas)
    )
