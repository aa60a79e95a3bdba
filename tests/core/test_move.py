"""Moving to another computer: one sealed file, refused whole when anything is wrong (16.5)."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.package.outbox import Outbox
from acsg_desktop.core.preferences import load_settings, save_settings
from acsg_desktop.core.store.backup import BackupRefusedError
from acsg_desktop.core.transfer import sealed
from acsg_desktop.core.transfer.payload import PayloadError
from acsg_desktop.core.transfer.sealed import SealError
from acsg_desktop.core.transfer.service import inspect, move_in, move_out
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD

PASSPHRASE = b"moving to the new laptop"
SIGNATORY = "Fatimé Zakaria"
KEY_PASSPHRASE = b"the signing key's own passphrase"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sealed, "log2_n", 10)  # the real cost is checked below, once


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo office with a signing identity, one package exported and a trusted certificate."""
    folder = tmp_path_factory.mktemp("old-laptop")
    with Workspace.open(folder) as workspace:
        demo = create_demo(workspace, "en")
        IdentityStore(folder).create(SIGNATORY, workspace.profiles.get(), KEY_PASSPHRASE)
        out = tmp_path_factory.mktemp("usb") / "package-1.acsgpkg"
        workspace.exports.export(demo.baseline.id, SIGNATORY, KEY_PASSPHRASE, out, "en")
    (folder / "trust").mkdir()
    (folder / "trust" / "desk.pem").write_text("a trusted certificate\n")
    settings = load_settings(folder)
    settings.language, settings.window_geometry = "fr", "old screen"
    save_settings(folder, settings)
    return folder


def _move_file(source: Path, target: Path, with_keys: bool) -> Path:
    with Workspace.open(source) as workspace:
        move_out(workspace.database, source, target, PASSPHRASE, with_keys)
    return target


def _facts(folder: Path) -> dict[str, object]:
    with Workspace.open(folder) as workspace:
        chain = workspace.audit_check()
        return {
            "assessments": [(a.id, a.title) for a in workspace.assessments.list()],
            "requests": [(r.id, r.content.title, r.version) for r in workspace.requests.list()],
            "people": workspace.people_names(),
            "packages": [(p.sequence, p.package_id) for p in Outbox(workspace.database).packages()],
            "audit": (chain.entries, chain.head, chain.ok),
        }


def _tree(folder: Path) -> dict[str, str]:
    """Every file of ``folder`` and its hash, to show that nothing changed."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "acsg.lock" and "logs" not in path.parts
    }


def test_a_move_keeps_the_ids_the_audit_chain_the_packages_and_the_keys(
    source: Path, tmp_path: Path
) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=True)
    new = tmp_path / "new-laptop"
    result = move_in(moved, PASSPHRASE, new)
    assert result.summary.with_keys and result.summary.packages == 1
    assert result.previous_database is None and result.previous_files == []
    before, after = _facts(source), _facts(new)
    assert after == before and after["packages"] and after["audit"][2] is True
    for name in ("identities", "trust"):
        for path in (source / name).iterdir():
            assert (new / name / path.name).read_bytes() == path.read_bytes()
    assert load_settings(new).language == "fr" and load_settings(new).window_geometry == ""
    assert not list(new.glob(".move-*")) and not (new / "backups").exists()


def test_the_signing_keys_stay_behind_unless_asked(source: Path, tmp_path: Path) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=False)
    summary = inspect(moved, PASSPHRASE, tmp_path / "look")
    assert not summary.with_keys and summary.files == 1  # the trusted certificate only
    new = tmp_path / "new-laptop"
    move_in(moved, PASSPHRASE, new)
    assert not (new / "identities").exists() and (new / "trust" / "desk.pem").is_file()
    assert b"BEGIN ENCRYPTED" not in moved.read_bytes() and b".p12" not in moved.read_bytes()


def _existing_office(folder: Path) -> dict[str, str]:
    with Workspace.open(folder) as workspace:
        workspace.profiles.save(CHAD)
    return _tree(folder)


def test_a_wrong_passphrase_is_refused_and_changes_nothing(source: Path, tmp_path: Path) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=True)
    new = tmp_path / "new-laptop"
    before = _existing_office(new)
    with pytest.raises(SealError, match="Wrong passphrase") as refused:
        move_in(moved, b"not the passphrase at all", new)
    assert refused.value.reason == "passphrase"
    assert _tree(new) == before


@pytest.mark.parametrize("where", ["first chunk", "middle", "last byte", "cut", "added"])
def test_a_changed_or_cut_file_is_refused_and_changes_nothing(
    source: Path, tmp_path: Path, where: str
) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=False)
    data = bytearray(moved.read_bytes())
    if where == "cut":
        data = data[: len(data) - 100]
    elif where == "added":
        data += b"\0" * 20
    else:
        position = {"first chunk": 60, "middle": len(data) // 2, "last byte": len(data) - 1}[where]
        data[position] ^= 0x40
    moved.write_bytes(bytes(data))
    new = tmp_path / "new-laptop"
    before = _existing_office(new)
    with pytest.raises(SealError) as refused:
        move_in(moved, PASSPHRASE, new)
    assert refused.value.reason == "damaged"
    assert _tree(new) == before


def test_a_file_that_is_not_a_move_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "holiday.jpg"
    other.write_bytes(b"\xff\xd8\xff\xe0" + b"x" * 100)
    with pytest.raises(SealError) as refused:
        inspect(other, PASSPHRASE, tmp_path / "look")
    assert refused.value.reason == "foreign"


def _reseal(moved: Path, change: dict[str, bytes | None], manifest_change: dict | None = None):
    """The content of ``moved`` with entries replaced (or removed: None), sealed again with the
    right passphrase, as someone who knows it could."""
    plain = io.BytesIO()
    with moved.open("rb") as source:
        sealed.unseal(source, plain, PASSPHRASE, lambda _done: None)
    with zipfile.ZipFile(plain) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(entries.pop("manifest.json"))
    for name, data in change.items():
        if data is None:
            entries.pop(name, None)
            continue
        entries[name] = data
        manifest["entries"][name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    manifest.update(manifest_change or {})
    rezipped = io.BytesIO()
    with zipfile.ZipFile(rezipped, "w") as archive:
        for name, data in {**entries, "manifest.json": json.dumps(manifest).encode()}.items():
            archive.writestr(name, data)
    out = io.BytesIO()
    size = len(rezipped.getvalue())
    rezipped.seek(0)
    sealed.seal(rezipped, size, out, PASSPHRASE, lambda _done: None)
    moved.write_bytes(out.getvalue())
    return manifest


def _changed_database(moved: Path, tmp_path: Path, sql: str) -> bytes:
    plain = io.BytesIO()
    with moved.open("rb") as source:
        sealed.unseal(source, plain, PASSPHRASE, lambda _done: None)
    copy = tmp_path / "copy.sqlite3"
    with zipfile.ZipFile(plain) as archive:
        copy.write_bytes(archive.read("acsg.sqlite3"))
    connection = sqlite3.connect(copy)
    with connection:
        connection.execute(sql)
    connection.close()
    return copy.read_bytes()


@pytest.mark.parametrize(
    ("sql", "refusal"),
    [
        ("UPDATE alembic_version SET version_num = '9999'", "newer version"),
        ("UPDATE audit_log SET actor = 'Someone else' WHERE id = 3", "chain breaks at entry"),
        ("DELETE FROM package", "not the data its list of contents describes"),
    ],
)
def test_data_that_is_not_what_left_is_refused(
    source: Path, tmp_path: Path, sql: str, refusal: str
) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=False)
    _reseal(moved, {"acsg.sqlite3": _changed_database(moved, tmp_path, sql)})
    new = tmp_path / "new-laptop"
    before = _existing_office(new)
    with pytest.raises((BackupRefusedError, PayloadError), match=refusal):
        move_in(moved, PASSPHRASE, new)
    assert _tree(new) == before


@pytest.mark.parametrize(
    "name", ["files/../../outside.txt", "files/backups/acsg-x.sqlite3", "/etc/passwd", "evil.txt"]
)
def test_an_entry_a_move_never_writes_is_refused(source: Path, tmp_path: Path, name: str) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=False)
    _reseal(moved, {name: b"surprise"})
    new = tmp_path / "new-laptop"
    before = _existing_office(new)
    with pytest.raises(PayloadError, match="never holds"):
        move_in(moved, PASSPHRASE, new)
    assert _tree(new) == before and not (tmp_path / "outside.txt").exists()


def test_keys_slipped_into_a_file_made_without_them_are_refused(
    source: Path, tmp_path: Path
) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=False)
    _reseal(moved, {"files/identities/someone.p12": b"a key"})
    with pytest.raises(PayloadError, match="never holds"):
        inspect(moved, PASSPHRASE, tmp_path / "look")


def test_an_entry_missing_from_the_list_is_refused(source: Path, tmp_path: Path) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=False)
    manifest = _reseal(moved, {})
    entries = dict(manifest["entries"])
    entries.pop("files/trust/desk.pem")
    _reseal(moved, {}, {"entries": entries})
    with pytest.raises(PayloadError, match="do not match its list"):
        inspect(moved, PASSPHRASE, tmp_path / "look")


def test_moving_in_over_data_keeps_the_current_data_aside(source: Path, tmp_path: Path) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=False)
    new = tmp_path / "new-laptop"
    _existing_office(new)
    (new / "trust").mkdir()
    (new / "trust" / "desk.pem").write_text("another certificate\n")
    result = move_in(moved, PASSPHRASE, new)
    assert result.previous_database is not None and result.previous_database.is_file()
    assert [path.read_text() for path in result.previous_files] == ["another certificate\n"]
    assert _facts(new)["assessments"] == _facts(source)["assessments"]


def test_a_short_passphrase_is_refused_before_anything_is_written(
    source: Path, tmp_path: Path
) -> None:
    with Workspace.open(source) as workspace, pytest.raises(AcsgError, match="at least 10"):
        move_out(workspace.database, source, tmp_path / "x.acsgmove", b"short")
    assert not (tmp_path / "x.acsgmove").exists()


def test_progress_runs_from_0_to_100(source: Path, tmp_path: Path) -> None:
    seen: list[int] = []
    with Workspace.open(source) as workspace:
        move_out(
            workspace.database, source, tmp_path / "m.acsgmove", PASSPHRASE, False, seen.append
        )
    assert seen[0] == 0 and seen[-1] == 100 and seen == sorted(seen)
    seen.clear()
    move_in(tmp_path / "m.acsgmove", PASSPHRASE, tmp_path / "new", seen.append)
    assert seen[-1] == 100 and seen == sorted(seen) and len(seen) > 3


def test_the_real_key_derivation_is_costly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sealed, "log2_n", 17)
    out = io.BytesIO()
    sealed.seal(io.BytesIO(b"data"), 4, out, PASSPHRASE, lambda _done: None)
    assert out.getvalue()[9] == 17  # 2^17 x 8 x 128 bytes = 128 MB of memory per guess
    out.seek(0)
    with pytest.raises(SealError, match="Wrong passphrase"):
        sealed.unseal(out, io.BytesIO(), b"another passphrase", lambda _done: None)


def test_settings_with_a_key_twice_are_refused_before_anything_changes(
    source: Path, tmp_path: Path
) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=False)
    _reseal(
        moved,
        {
            "settings.json": b'{"language": "fr", "language": "es"}',
            "files/trust/rogue.pem": b"a rogue certificate\n",
        },
    )
    new = tmp_path / "new-laptop"
    before = _existing_office(new)
    with pytest.raises(PayloadError, match="a key appears twice"):
        move_in(moved, PASSPHRASE, new)
    assert _tree(new) == before
    assert not (new / "trust").exists()
    with pytest.raises(PayloadError, match="settings"):
        inspect(moved, PASSPHRASE, tmp_path / "look")


@pytest.mark.parametrize("settings", [b"[]", b"\xff\xfe"])
def test_settings_that_are_not_an_object_are_refused(
    source: Path, tmp_path: Path, settings: bytes
) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=False)
    _reseal(moved, {"settings.json": settings})
    new = tmp_path / "new-laptop"
    before = _existing_office(new)
    with pytest.raises(PayloadError, match="settings"):
        move_in(moved, PASSPHRASE, new)
    assert _tree(new) == before


def test_a_file_that_cannot_take_its_place_is_refused_before_anything_changes(
    source: Path, tmp_path: Path
) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=False)
    new = tmp_path / "new-laptop"
    _existing_office(new)
    (new / "trust").write_text("a file where the folder goes\n")
    before = _tree(new)
    with pytest.raises(PayloadError, match="cannot be put in its place"):
        move_in(moved, PASSPHRASE, new)
    assert _tree(new) == before


def test_data_holding_a_trigger_the_app_never_creates_is_refused(
    source: Path, tmp_path: Path
) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=False)
    trigger = (
        "CREATE TRIGGER t AFTER INSERT ON app_setting BEGIN "
        "UPDATE answer SET level = 1, note = 'overwritten silently'; END"
    )
    _reseal(moved, {"acsg.sqlite3": _changed_database(moved, tmp_path, trigger)})
    new = tmp_path / "new-laptop"
    before = _existing_office(new)
    with pytest.raises(BackupRefusedError, match="never creates") as caught:
        move_in(moved, PASSPHRASE, new)
    assert "trigger “t”" in caught.value.message
    assert _tree(new) == before
    with pytest.raises(BackupRefusedError, match="never creates"):
        inspect(moved, PASSPHRASE, tmp_path / "look")


def _failing_replace(
    monkeypatch: pytest.MonkeyPatch, place: str, errno_code: int, from_anywhere: bool
) -> None:
    """``os.replace`` refuses with ``errno_code`` to put a file of the move at ``place`` (with
    ``from_anywhere``, any file: the one that was there cannot be put back either)."""
    real_replace = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        from_move = ".move-" in str(src)
        if Path(dst).as_posix().endswith(place) and (from_move or from_anywhere):
            raise OSError(errno_code, os.strerror(errno_code))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)


def _office_with_a_certificate(new: Path) -> dict[str, str]:
    _existing_office(new)
    (new / "trust").mkdir()
    (new / "trust" / "desk.pem").write_text("another certificate\n")
    return _tree(new)


@pytest.mark.parametrize(
    ("place", "errno_code", "said"),
    [
        ("trust/desk.pem", errno.ENOSPC, "the disk is full"),  # while the files go in place
        ("settings.json", errno.EIO, "input/output error"),  # once they all are
    ],
    ids=["a file", "the settings"],
)
def test_a_disk_failing_while_the_data_is_put_in_place_puts_everything_back(
    source: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    place: str,
    errno_code: int,
    said: str,
) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=True)
    new = tmp_path / "new-laptop"
    before = _office_with_a_certificate(new)
    # The settings are written from a file of their own: every write to their place fails.
    _failing_replace(monkeypatch, place, errno_code, from_anywhere=place == "settings.json")
    with pytest.raises(AcsgError, match="put back as it was, and nothing was changed") as caught:
        move_in(moved, PASSPHRASE, new)
    assert said in caught.value.message
    assert _tree(new) == before  # the database, the certificate, no identities folder
    assert not (new / "identities").exists() and not list(new.glob(".move-*"))
    monkeypatch.undo()
    move_in(moved, PASSPHRASE, new)  # once the disk works again, the same file moves in
    assert _facts(new)["assessments"] == _facts(source)["assessments"]


def test_a_move_that_cannot_be_undone_says_where_everything_is(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moved = _move_file(source, tmp_path / "office.acsgmove", with_keys=False)
    new = tmp_path / "new-laptop"
    before = _office_with_a_certificate(new)
    _failing_replace(monkeypatch, "trust/desk.pem", errno.EIO, from_anywhere=True)
    with pytest.raises(AcsgError, match="could not be put back as it was") as caught:
        move_in(moved, PASSPHRASE, new)
    assert "The database that was there is back in place." in caught.value.message
    kept = list((new / "trust").glob("desk.pem.before-move-*"))
    assert [path.read_text() for path in kept] == ["another certificate\n"]
    after = _tree(new)
    assert after["acsg.sqlite3"] == before["acsg.sqlite3"]
