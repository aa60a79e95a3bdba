"""Signed offers catalogues: the guide bundles' envelope and checks; every refusal changes
nothing."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from acsg_desktop.core.offers.catalogue import (
    OFFERS,
    catalogue_bytes,
    example_catalogue_path,
    offers_from_bytes,
)
from acsg_desktop.core.offers.service import OfferError
from acsg_desktop.core.signing.keys import create_identity
from acsg_desktop.core.updates.build import update_bytes
from acsg_desktop.core.updates.read import UpdateError
from acsg_desktop.core.workspace import Workspace

SECRETARIAT = create_identity("Offers editor", "ACSG Secretariat (test only)", "CH")
STRANGER = create_identity("Someone", "Not the Secretariat", "FR")
NOW = datetime(2026, 12, 1, tzinfo=UTC)


@pytest.fixture
def workspace(tmp_path: Path):
    with Workspace.open(tmp_path / "data") as opened:
        yield opened


def real_offers(count: int = 3, **changes) -> bytes:
    """A non-illustrative offers.json made from the first offers of the example."""
    document = json.loads(example_catalogue_path().read_text("utf-8"))
    document["illustrative"] = False
    document["offers"] = document["offers"][:count]
    for key, value in changes.items():
        document["offers"][0][key] = value
    return json.dumps(document).encode()


def signed(version: int, data: bytes | None = None, identity=SECRETARIAT, **options) -> bytes:
    return update_bytes(
        OFFERS, {"offers.json": data or real_offers()}, identity, version, NOW, **options
    )


def install(workspace: Workspace, tmp_path: Path, data: bytes, now: datetime = NOW):
    path = tmp_path / "offers.acsgoffers"
    path.write_bytes(data)
    return workspace.offers.import_catalogue(path, [SECRETARIAT.certificate], now)


def refused(workspace: Workspace, tmp_path: Path, data: bytes, now: datetime = NOW) -> UpdateError:
    before = workspace.offers.catalogue()
    with pytest.raises(UpdateError) as caught:
        install(workspace, tmp_path, data, now)
    after = workspace.offers.catalogue()
    assert (after.version, after.illustrative, after.offers) == (
        before.version,
        before.illustrative,
        before.offers,
    )
    return caught.value


def test_the_example_is_illustrative_and_every_offer_reads(workspace) -> None:
    contents = workspace.offers.load_example()
    catalogue = workspace.offers.catalogue()
    assert contents.illustrative and catalogue.illustrative and catalogue.version == 0
    assert len(catalogue.offers) == 30
    assert all(offer.title.get("fr") != offer.title.get("en") for offer in catalogue.offers)


def test_a_signed_catalogue_installs_after_a_backup_and_replaces_the_example(
    workspace, tmp_path: Path
) -> None:
    workspace.offers.load_example()
    contents = install(workspace, tmp_path, signed(1))
    catalogue = workspace.offers.catalogue()
    assert (catalogue.version, catalogue.illustrative, len(catalogue.offers)) == (1, False, 3)
    assert contents.update is not None and contents.update.signer == SECRETARIAT.certificate
    assert any("before-offers" in path.name for path in workspace.database.backups())
    with pytest.raises(OfferError):  # the example never replaces a real catalogue
        workspace.offers.load_example()
    assert workspace.offers.catalogue().version == 1


def test_the_same_or_an_older_version_is_refused(workspace, tmp_path: Path) -> None:
    install(workspace, tmp_path, signed(3))
    assert refused(workspace, tmp_path, signed(3)).reason == "same"
    error = refused(workspace, tmp_path, signed(2))
    assert error.reason == "older" and "older than the installed one (3)" in error.message


def test_an_untrusted_signer_is_refused(workspace, tmp_path: Path) -> None:
    workspace.offers.load_example()
    error = refused(workspace, tmp_path, signed(1, identity=STRANGER))
    assert error.reason in {"untrusted", "signer"}


def test_an_expired_catalogue_is_refused_even_with_the_clock_set_back(
    workspace, tmp_path: Path
) -> None:
    data = signed(1, expires=NOW + timedelta(days=30))
    later = NOW + timedelta(days=60)
    workspace.guides.note_time(later)  # the app once ran after the expiry
    assert refused(workspace, tmp_path, data, now=NOW).reason == "expired"


def test_an_unsigned_or_changed_catalogue_is_refused(workspace, tmp_path: Path) -> None:
    import io
    import zipfile

    good = signed(1)
    with zipfile.ZipFile(io.BytesIO(good)) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    unsigned = io.BytesIO()
    with zipfile.ZipFile(unsigned, "w") as target:
        target.writestr("offers.json", entries["offers.json"])
    assert refused(workspace, tmp_path, unsigned.getvalue()).reason == "unsigned"
    changed = io.BytesIO()
    with zipfile.ZipFile(changed, "w") as target:
        for name, data in entries.items():
            target.writestr(name, data.replace(b"EX-OFR-001", b"EX-OFR-999"))
    assert refused(workspace, tmp_path, changed.getvalue()).reason == "sha256"


def test_a_malformed_or_unknown_area_offer_is_refused_with_its_id(workspace, tmp_path) -> None:
    error = refused(workspace, tmp_path, signed(1, real_offers(areas=["astrology"])))
    assert error.message == "The offer EX-OFR-001 names an unknown area: astrology."
    error = refused(workspace, tmp_path, signed(1, real_offers(status="maybe")))
    assert error.reason == "offers" and "offers.json" in error.message and "status" in error.message
    error = refused(workspace, tmp_path, signed(1, b"{not json"))
    assert error.reason == "offers"


def test_the_same_offer_twice_or_a_period_backwards_is_refused(workspace, tmp_path) -> None:
    document = json.loads(real_offers(2))
    document["offers"][1]["id"] = document["offers"][0]["id"]
    error = refused(workspace, tmp_path, signed(1, json.dumps(document).encode()))
    assert "appears twice" in error.message
    backwards = real_offers(1, period={"start": "2027-01-01", "end": "2026-01-01"})
    assert "ends before it starts" in refused(workspace, tmp_path, signed(1, backwards)).message
    no_such_day = real_offers(1, period={"start": "2026-02-30"})
    error = refused(workspace, tmp_path, signed(1, no_such_day))
    assert error.message == "The offer EX-OFR-001 has a date that does not exist."


def test_the_secretariat_builder_checks_the_offers_first() -> None:
    areas = ["appeals"]
    with pytest.raises(UpdateError):
        catalogue_bytes(real_offers(), SECRETARIAT, 1, areas)  # the example uses more areas
    assert offers_from_bytes(real_offers(1, areas=["appeals"]), areas).offers[0].areas == (
        "appeals",
    )


def test_hidden_characters_in_an_offers_texts_are_dropped(workspace, tmp_path) -> None:
    document = json.loads(real_offers(1))
    document["offers"][0]["title"]["en"] = "Mentoring \u202eevil\u202c for appeals"
    install(workspace, tmp_path, signed(1, json.dumps(document).encode()))
    [offer] = workspace.offers.catalogue().offers
    assert offer.title.get("en") == "Mentoring evil for appeals"
