"""What killed writers leave is removed at start, everywhere the app writes (reliability 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from acsg_desktop.core.fileio import remove_leftovers, remove_leftovers_in
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.store.lock import InstanceLockedError
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD

SIDE = ("", "-wal", "-shm", "-journal")
# Where the app writes: the data folder, backups, signing identities, the log.
FOLDERS = ("", "backups", "identities", "logs")


def killed_backup(folder: Path) -> list[Path]:
    """What a backup killed mid-copy leaves: the partial copy and SQLite's side files of it."""
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / ".acsg-20261129-140501-123456-auto.sqlite3.partial"
    files = [partial.with_name(partial.name + suffix) for suffix in SIDE]
    for file in files:
        file.write_bytes(b"x" * 1000)
    return files


def test_killed_backups_and_their_side_files_are_removed_at_start(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        workspace.profiles.save(CHAD)
    leftovers = [file for name in FOLDERS for file in killed_backup(tmp_path / name)]
    written = tmp_path / "identities" / ".amina.p12.k2j3h4.partial"
    written.write_bytes(b"half a key")
    Workspace.open(tmp_path).close()
    assert [file for file in [*leftovers, written] if file.exists()] == []


def test_the_live_database_and_its_wal_are_never_touched(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        workspace.profiles.save(CHAD)
        path = database_path(tmp_path)
        wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
        assert wal.exists() and shm.exists()
        remove_leftovers_in(tmp_path)
        assert path.exists() and wal.exists() and shm.exists()
        assert workspace.profiles.get() == CHAD
    kept = [
        tmp_path / "backups" / "acsg-20261129-140501-123456-auto.sqlite3",
        tmp_path / "x.partial",
    ]
    for file in kept:
        file.parent.mkdir(exist_ok=True)
        file.write_bytes(b"keep")
    assert remove_leftovers_in(tmp_path) == []
    assert all(file.exists() for file in kept)


def test_remove_leftovers_takes_sqlite_side_files_of_partial_copies(tmp_path: Path) -> None:
    files = killed_backup(tmp_path)
    assert sorted(remove_leftovers(tmp_path)) == sorted(files)


def test_a_second_start_does_not_remove_the_running_instance_s_temporary_files(
    tmp_path: Path,
) -> None:
    with Workspace.open(tmp_path):
        in_progress = killed_backup(tmp_path / "backups") + killed_backup(tmp_path)
        with pytest.raises(InstanceLockedError):
            Workspace.open(tmp_path)
        assert all(file.exists() for file in in_progress)
