"""Keys that resist guessing and tell damage apart; sequence numbers that never repeat
(issue 9, defects 6, 8, 10 and 16)."""

import hashlib
import subprocess
from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package import builder
from acsg_desktop.core.package.builder import PackageError
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.package.outbox import Outbox
from acsg_desktop.core.package.verify import verify_package
from acsg_desktop.core.signing.keys import IdentityError, create_identity, to_pkcs12
from acsg_desktop.core.signing.pkcs12_mac import MAC_ITERATIONS, mac_iterations
from acsg_desktop.core.workspace import Workspace

SIGNATORY = "Fatimé Zakaria"
PASSPHRASE = "une phrase très longue".encode()  # not ASCII: the MAC key is derived from UTF-16


@pytest.fixture
def demo_folder(tmp_path: Path):
    data = tmp_path / "data"
    with Workspace.open(data) as workspace:
        demo = create_demo(workspace, "en")
        IdentityStore(data).create(SIGNATORY, workspace.profiles.get(), PASSPHRASE)
    return data, demo.baseline.id


def test_the_pkcs12_mac_costs_as_much_as_the_key_derivation(tmp_path: Path) -> None:
    path = tmp_path / "key.p12"
    path.write_bytes(to_pkcs12(create_identity("A", "B", "TD"), PASSPHRASE, "A"))
    assert mac_iterations(path.read_bytes()) == MAC_ITERATIONS >= 3 * 600_000
    info = subprocess.run(
        ["openssl", "pkcs12", "-info", "-noout", "-in", str(path), "-passin", "stdin"],
        input=PASSPHRASE,
        capture_output=True,
        check=True,
    ).stderr.decode()
    assert f"MAC: sha256, Iteration {MAC_ITERATIONS}" in info  # and OpenSSL accepts the MAC


def test_a_key_with_a_weak_mac_is_strengthened_when_first_opened(demo_folder) -> None:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    data, _assessment = demo_folder
    store = IdentityStore(data)
    key_path = next((data / "identities").glob("*.p12"))
    identity = store.unlock(SIGNATORY, PASSPHRASE)
    weak = pkcs12.serialize_key_and_certificates(
        b"x",
        identity.key,
        identity.certificate,
        None,
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(600_000)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(PASSPHRASE),
    )
    key_path.write_bytes(weak)
    assert mac_iterations(weak) == 2048
    store.unlock(SIGNATORY, PASSPHRASE)
    assert mac_iterations(key_path.read_bytes()) == MAC_ITERATIONS


def test_a_damaged_key_file_says_damaged_not_wrong_passphrase(demo_folder) -> None:
    data, _assessment = demo_folder
    key_path = next((data / "identities").glob("*.p12"))
    original = key_path.read_bytes()
    for position in (len(original) // 2, len(original) - 40):
        damaged = bytearray(original)
        damaged[position] ^= 0x01
        key_path.write_bytes(bytes(damaged))
        for passphrase in (PASSPHRASE, b"a wrong passphrase"):
            with pytest.raises(IdentityError, match="damaged"):
                IdentityStore(data).unlock(SIGNATORY, passphrase)
    key_path.write_bytes(original[:200])
    with pytest.raises(IdentityError, match="damaged"):
        IdentityStore(data).unlock(SIGNATORY, PASSPHRASE)
    key_path.write_bytes(original)
    with pytest.raises(IdentityError, match="Wrong passphrase"):
        IdentityStore(data).unlock(SIGNATORY, b"a wrong passphrase")
    assert IdentityStore(data).unlock(SIGNATORY, PASSPHRASE)  # the right one still works


def test_exporting_onto_an_unwritable_target_is_a_clear_error(demo_folder, tmp_path) -> None:
    data, assessment = demo_folder
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with Workspace.open(data) as workspace:
        with pytest.raises(PackageError, match="could not be written"):
            workspace.exports.export(assessment, SIGNATORY, PASSPHRASE, blocker / "p.acsgpkg", "en")
        assert Outbox(workspace.database).packages() == []
        result = workspace.exports.export(
            assessment, SIGNATORY, PASSPHRASE, tmp_path / "p.acsgpkg", "en"
        )
    assert result.record.sequence == 2  # number 1 was reserved by the failed attempt


def test_a_stop_between_writing_and_recording_never_repeats_a_sequence(
    demo_folder, tmp_path, monkeypatch
) -> None:
    data, assessment = demo_folder
    first = tmp_path / "first.acsgpkg"

    def killed(*_args) -> None:
        raise SystemExit("killed")  # as if the process stopped right after writing the file

    with Workspace.open(data) as workspace:
        monkeypatch.setattr(builder, "record_contents", killed)
        with pytest.raises(SystemExit):
            workspace.exports.export(assessment, SIGNATORY, PASSPHRASE, first, "en")
        assert first.is_file() and Outbox(workspace.database).packages() == []
    monkeypatch.undo()
    with Workspace.open(data) as workspace:
        again = workspace.exports.export(assessment, SIGNATORY, PASSPHRASE, first, "en")
        packages = Outbox(workspace.database).packages()
        status = workspace.assessments.get(assessment).status.value
    # the interrupted package is adopted, as written: sequence 1, the same bytes
    assert again.reused and again.record.sequence == 1
    assert [p.sequence for p in packages] == [1]
    assert packages[0].sha256 == hashlib.sha256(first.read_bytes()).hexdigest()
    assert status == "locked"
    assert verify_package(first).manifest["sequence"] == 1


def test_a_stop_before_the_file_was_complete_retires_the_number(
    demo_folder, tmp_path, monkeypatch
) -> None:
    data, assessment = demo_folder
    target = tmp_path / "p.acsgpkg"

    def killed(*_args) -> None:
        raise SystemExit("killed")

    with Workspace.open(data) as workspace:
        monkeypatch.setattr(builder, "_write", killed)
        with pytest.raises(SystemExit):
            workspace.exports.export(assessment, SIGNATORY, PASSPHRASE, target, "en")
    monkeypatch.undo()
    with Workspace.open(data) as workspace:
        result = workspace.exports.export(assessment, SIGNATORY, PASSPHRASE, target, "en")
    assert result.record.sequence == 2 and not result.reused
    assert verify_package(target).manifest["sequence"] == 2


def test_a_record_that_fails_half_way_leaves_nothing_recorded(
    demo_folder, tmp_path, monkeypatch
) -> None:
    from acsg_desktop.core.store.request_repository import RequestRepository

    data, assessment = demo_folder
    target = tmp_path / "p.acsgpkg"

    def broken(*_args, **_kwargs) -> None:
        raise OSError("the disk went away while marking the requests")

    with Workspace.open(data) as workspace:
        monkeypatch.setattr(RequestRepository, "move", broken)
        with pytest.raises(OSError):
            workspace.exports.export(assessment, SIGNATORY, PASSPHRASE, target, "en")
        monkeypatch.undo()
        assert Outbox(workspace.database).packages() == []
        assert workspace.assessments.get(assessment).status.value == "completed"
        statuses = {r.status.value for r in workspace.requests.list()}
    assert "exported" not in statuses and "approved" in statuses


def test_only_the_requests_drafted_for_the_exported_assessment_go_in(demo_folder, tmp_path):
    from dataclasses import replace

    from acsg_desktop.core.records.requests import RequestStatus
    from tests.core.requests.helpers import COMPLETE

    data, assessment = demo_folder
    with Workspace.open(data) as workspace:
        other = workspace.assessments.create("Another one", 2027, actor="Amina Mahamat")
        for assessment_id, title in ((other.id, "For the other"), (None, "For none")):
            made = workspace.requests.create(
                replace(COMPLETE, title=title, assessment_id=assessment_id), actor="Idriss Abakar"
            )
            workspace.requests.submit_for_review(made.id, actor="Idriss Abakar")
            workspace.requests.approve(made.id, actor=SIGNATORY)
        workspace.exports.export(assessment, SIGNATORY, PASSPHRASE, tmp_path / "p.acsgpkg", "en")
        left = {
            r.content.title for r in workspace.requests.list() if r.status is RequestStatus.APPROVED
        }
    titles = {r["content"]["title"] for r in package_json(tmp_path / "p.acsgpkg")["requests"]}
    assert "For none" in titles and "For the other" not in titles
    assert left == {"For the other"}  # it waits for its own assessment's package


def package_json(path: Path) -> dict:
    import json
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("package.json"))
