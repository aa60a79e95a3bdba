"""Hostile packages at the desk (attack review): a desk certificate used to speak for another
authority, a revocation dodged by a backdated manifest, a creation time that is no date, and
files that are not packages at all (a pipe, a huge sparse file). One bad file never stops the
intake of the others."""

import json
import os
import threading
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509

from acsg_desktop.core.desk import intake as intake_module
from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.records.desk import IntakeOutcome, PackageState
from acsg_desktop.core.workspace import Workspace
from tests.core.desk.test_desk_chain import DESK_PASSPHRASE, PASSPHRASE, SIGNATORY, export_from
from tests.core.desk.test_desk_trust import export_again
from tests.core.package.conftest import resigned, write_zip

MALLORY = ("NE", "Mallory Authority (test)")


@pytest.fixture
def desk(tmp_path: Path):
    with DeskWorkspace.open(tmp_path / "desk") as opened:
        opened.trust.create("Desk officer", DESK_PASSPHRASE)
        yield opened


def certified_authority(desk, tmp_path: Path) -> tuple[Path, Path, str]:
    """An authority whose key the desk certified: its folder, its first (self-signed)
    package, and the serial of the certificate it now signs with."""
    folder = tmp_path / "authority"
    first = export_from(folder, *MALLORY, tmp_path / "first.acsgpkg")
    request = IdentityStore(folder).signing_request(SIGNATORY, PASSPHRASE)
    issued = desk.trust.certify(request, DESK_PASSPHRASE, actor="Desk officer", days=365)
    IdentityStore(folder).import_certificate(SIGNATORY, PASSPHRASE, issued.pem.encode())
    return folder, first, issued.serial


def with_manifest(package: Path, folder: Path, out: Path, **changes: object) -> Path:
    """``package`` with its manifest changed and SHA256SUMS signed again by its own key."""
    with zipfile.ZipFile(package) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    manifest = {**json.loads(entries["manifest.json"]), **changes}
    entries["manifest.json"] = json.dumps(manifest, indent=2).encode()
    identity = IdentityStore(folder).unlock(SIGNATORY, PASSPHRASE)
    return write_zip(out, resigned(entries, identity))


def test_a_desk_certificate_does_not_speak_for_another_authority(desk, tmp_path: Path) -> None:
    folder, _first, _serial = certified_authority(desk, tmp_path)
    own = export_again(folder, tmp_path / "own.acsgpkg", "Own request")
    with Workspace.open(folder) as workspace:  # the same key, now claiming to be TD
        profile = workspace.profiles.get()
        workspace.profiles.save(
            replace(profile, country_code="TD", authority_name="Victim Authority (test)")
        )
    forged = export_again(folder, tmp_path / "forged.acsgpkg", "Forged request")
    [received, held] = desk.intake.intake([own, forged], actor="Desk officer")
    assert received.outcome is IntakeOutcome.ACCEPTED and received.package is not None
    assert received.package.certified
    assert held.outcome is IntakeOutcome.HELD, held.message
    assert held.package is not None and held.package.country == "TD"
    assert held.package.state is PackageState.HELD_SIGNER and not held.package.certified
    assert "NE (Mallory Authority (test))" in held.message
    assert "TD (Victim Authority (test))" in held.message
    assert desk.packages.get(held.package.package_id).state is PackageState.HELD_SIGNER


def test_a_desk_certificate_does_not_speak_for_another_organisation_of_its_country(
    desk, tmp_path: Path
) -> None:
    folder, _first, _serial = certified_authority(desk, tmp_path)
    with Workspace.open(folder) as workspace:
        profile = workspace.profiles.get()
        workspace.profiles.save(replace(profile, authority_name="Another NE body (test)"))
    forged = export_again(folder, tmp_path / "forged.acsgpkg", "Forged request")
    [held] = desk.intake.intake([forged], actor="Desk officer")
    assert held.outcome is IntakeOutcome.HELD and held.package is not None
    assert not held.package.certified and "Another NE body (test)" in held.message


def test_a_claimed_authority_is_quoted_on_one_visible_line(desk, tmp_path: Path) -> None:
    _folder, first, _serial = certified_authority(desk, tmp_path)
    with zipfile.ZipFile(first) as archive:
        signer = x509.load_pem_x509_certificate(archive.read("signer.pem"))
    claimed = {"authority": {"country": "TD\n", "name": "Victim\n\u202eX\x1b[2J"}}
    reason = intake_module._speaks_for(signer, None, claimed)
    assert "TD\\n (Victim\\n\\u202eX\\u001b[2J)" in reason and reason.isprintable()


def test_a_backdated_package_signed_after_a_revocation_is_refused(desk, tmp_path: Path) -> None:
    folder, _first, serial = certified_authority(desk, tmp_path)
    signed = export_again(folder, tmp_path / "signed.acsgpkg", "Signed request")
    desk.trust.revoke(serial, "Key stolen", actor="Desk officer")
    before = (datetime.now(UTC) - timedelta(days=2)).isoformat()
    backdated = with_manifest(signed, folder, tmp_path / "backdated.acsgpkg", created=before)
    [refused] = desk.intake.intake([backdated], actor="Desk officer")
    assert refused.outcome is IntakeOutcome.REFUSED, refused.message
    assert "revoked on" in refused.message and "new certificate" in refused.message
    assert desk.packages.packages() == []


def test_a_revoked_key_under_a_certificate_of_its_own_is_still_revoked(
    desk, tmp_path: Path
) -> None:
    _folder, first, serial = certified_authority(desk, tmp_path)
    with zipfile.ZipFile(first) as archive:  # the same key, self-signed before certification
        own = x509.load_pem_x509_certificate(archive.read("signer.pem"))
    assert intake_module._revoked(own, desk.trust.certificates()) is None
    desk.trust.revoke(serial, "Key stolen", actor="Desk officer")
    revoked = intake_module._revoked(own, desk.trust.certificates())
    assert revoked is not None and revoked.serial == serial


def test_a_creation_time_that_is_no_date_refuses_that_package_only(
    desk, field, tmp_path: Path
) -> None:
    folder, legit = field["NE"]
    stick = tmp_path / "stick"
    stick.mkdir()
    with_manifest(legit, folder, stick / "a-garbage.acsgpkg", created="garbage")
    (stick / "b-legit.acsgpkg").write_bytes(legit.read_bytes())
    [bad, good] = desk.intake.intake([stick], actor="Desk officer")
    # refused by the manifest's schema, or else by the intake's own reading of the time
    assert bad.outcome is IntakeOutcome.REFUSED and "creat" in bad.message
    assert good.outcome is IntakeOutcome.ACCEPTED, good.message


@pytest.mark.parametrize("created", ["garbage", "2026-13-01T00:00:00Z", 12, None])
def test_the_intake_reads_a_creation_time_as_input_not_as_a_bug(created: object) -> None:
    with pytest.raises(AcsgError, match="creation time"):
        intake_module._created({"created": created})


def test_a_pipe_is_skipped_without_hanging_and_the_rest_received(
    desk, field, tmp_path: Path
) -> None:
    pipe = tmp_path / "x.acsgpkg"
    os.mkfifo(pipe)
    results: list = []
    worker = threading.Thread(
        target=lambda: results.extend(
            desk.intake.intake([pipe, field["TD"][1]], actor="Desk officer")
        ),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # let the old code's blocked open() go before failing
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=30)
        pytest.fail("the intake hung on a pipe")
    [skipped, good] = results
    assert skipped.outcome is IntakeOutcome.REFUSED and "regular file" in skipped.message
    assert good.outcome is IntakeOutcome.ACCEPTED


def test_a_pipe_in_a_folder_is_named_as_skipped(desk, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    os.mkfifo(stick / "x.acsgpkg")
    [skipped] = desk.intake.intake([stick], actor="Desk officer")
    assert skipped.outcome is IntakeOutcome.REFUSED and "regular file" in skipped.message


def test_a_file_over_the_package_limit_is_refused_before_it_is_read(
    desk, field, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.acsgpkg"
    with huge.open("wb") as stream:  # sparse: no disk used
        stream.truncate(intake_module.MAX_FILE_BYTES + 1)
    read = Path.read_bytes
    monkeypatch.setattr(
        Path, "read_bytes", lambda self: pytest.fail("read") if self == huge else read(self)
    )
    [refused, good] = desk.intake.intake([huge, field["MX"][1]], actor="Desk officer")
    assert refused.outcome is IntakeOutcome.REFUSED and "larger than" in refused.message
    assert good.outcome is IntakeOutcome.ACCEPTED
    assert list((desk.folder / "incoming").iterdir()) == []


def test_the_limit_is_the_one_packages_are_verified_under() -> None:
    from acsg_desktop.core.package import layout

    assert layout.CAPS.max_total_bytes == intake_module.MAX_FILE_BYTES


def test_a_file_just_over_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = tmp_path / "small.acsgpkg"
    small.write_bytes(b"x" * 20)
    monkeypatch.setattr(intake_module, "MAX_FILE_BYTES", 10)
    with pytest.raises(AcsgError, match="larger than"):
        intake_module.read_package_file(small)
