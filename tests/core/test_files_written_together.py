"""Files that make one thing (a key, its checksum and its certificate; the desk's keys and
certificates) are written all or none: a full disk halfway leaves none of them, and the same
step works once there is room (reliability.md: the disk fills up)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.fileio import write_files_together
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.records.profile import Profile

PASSPHRASE = b"a long enough passphrase"
NEW_PASSPHRASE = b"another long passphrase"


def fill_the_disk_at_sync(monkeypatch: pytest.MonkeyPatch, number: int) -> None:
    """The ``number``-th file synced from now on finds the disk full."""
    real_fsync = os.fsync
    synced = {"count": 0}

    def fsync(descriptor: int) -> None:
        synced["count"] += 1
        if synced["count"] == number:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_full_disk_while_writing_changes_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "first").write_bytes(b"before")
    before = files_of(tmp_path)
    fill_the_disk_at_sync(monkeypatch, 2)
    with pytest.raises(OSError, match="No space"):  # callers put it in words
        write_files_together({tmp_path / "first": b"after", tmp_path / "second": b"new"})
    assert files_of(tmp_path) == before  # no target changed, no temporary file left
    monkeypatch.undo()
    write_files_together({tmp_path / "first": b"after", tmp_path / "second": b"new"})
    assert files_of(tmp_path) == {"first": b"after", "second": b"new"}


PROFILE = Profile("TD", "Commission nationale (test)", "Fatimé Zakaria", "fz@example.org", "fr")


@pytest.mark.parametrize("failing_sync", [1, 2, 3])
def test_a_signing_identity_is_made_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_sync: int
) -> None:
    store = IdentityStore(tmp_path)
    fill_the_disk_at_sync(monkeypatch, failing_sync)
    with pytest.raises(AcsgError, match=r"the disk is full\. Nothing of it was kept"):
        store.create("Fatimé Zakaria", PROFILE, PASSPHRASE)
    assert files_of(tmp_path) == {}
    monkeypatch.undo()
    store.create("Fatimé Zakaria", PROFILE, PASSPHRASE)  # not "already has an identity"
    assert store.unlock("Fatimé Zakaria", PASSPHRASE).certificate is not None


def test_a_passphrase_change_on_a_full_disk_keeps_the_old_one_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = IdentityStore(tmp_path)
    store.create("Fatimé Zakaria", PROFILE, PASSPHRASE)
    before = files_of(tmp_path)
    fill_the_disk_at_sync(monkeypatch, 2)  # the key written, its checksum not
    with pytest.raises(AcsgError, match="could not be written"):
        store.change_passphrase("Fatimé Zakaria", PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.undo()
    assert files_of(tmp_path) == before
    store.unlock("Fatimé Zakaria", PASSPHRASE)  # neither damaged nor changed


@pytest.mark.parametrize("failing_sync", [1, 3, 4])
def test_the_desks_keys_are_made_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_sync: int
) -> None:
    with DeskWorkspace.open(tmp_path / "desk") as desk:
        keys_before = files_of(tmp_path / "desk")
        fill_the_disk_at_sync(monkeypatch, failing_sync)
        with pytest.raises(AcsgError, match="could not be written"):
            desk.trust.create("Desk officer", PASSPHRASE)
        monkeypatch.undo()
        assert not desk.trust.exists()
        assert files_of(tmp_path / "desk").keys() == keys_before.keys()
        desk.trust.create("Desk officer", PASSPHRASE)  # not "already has its signing key"
        assert desk.trust.certificate() is not None
