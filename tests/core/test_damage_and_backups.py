import os
import sqlite3
from pathlib import Path

import pytest

from acsg_desktop.core.store.backup import BackupRefusedError, backup_database, list_backups
from acsg_desktop.core.store.database import Database, DatabaseDamagedError, database_path
from acsg_desktop.core.workspace import Workspace, restore_into
from tests.core.helpers import CHAD, damage

PAGE = 4096


def make_database_with_profile(folder: Path) -> Path:
    workspace = Workspace.open(folder)
    workspace.profiles.save(CHAD)
    workspace.close()
    return database_path(folder)


def truncate(path: Path) -> None:
    with path.open("r+b") as stream:
        stream.truncate(PAGE + 100)


def zero_page(path: Path) -> None:
    damage(path, 0, b"\0" * PAGE)


def flip_bytes(path: Path) -> None:
    damage(path, PAGE + 8, bytes(range(255, 155, -1)))


@pytest.mark.parametrize("spoil", [truncate, zero_page, flip_bytes])
def test_damaged_database_is_moved_aside_never_deleted(tmp_path: Path, spoil) -> None:
    path = make_database_with_profile(tmp_path)
    spoil(path)
    spoiled = path.read_bytes()
    with pytest.raises(DatabaseDamagedError) as caught:
        Database.open(tmp_path)
    assert caught.value.moved_to.read_bytes() == spoiled
    assert ".corrupt-" in caught.value.moved_to.name
    assert "moved aside" in caught.value.message
    assert not path.exists()


def test_latest_backup_is_offered_and_restores_the_data(tmp_path: Path) -> None:
    path = make_database_with_profile(tmp_path)
    backup = backup_database(path, tmp_path / "backups", "manual")
    flip_bytes(path)
    with pytest.raises(DatabaseDamagedError) as caught:
        Workspace.open(tmp_path)
    assert caught.value.latest_backup == backup
    restore_into(tmp_path, backup)
    workspace = Workspace.open(tmp_path)
    try:
        assert workspace.profiles.get() == CHAD
    finally:
        workspace.close()


def test_restore_keeps_the_current_database(tmp_path: Path) -> None:
    path = make_database_with_profile(tmp_path)
    backup = backup_database(path, tmp_path / "backups", "manual")
    kept = restore_into(tmp_path, backup)
    assert kept is not None and kept.exists() and ".before-restore-" in kept.name


def test_damage_message_in_french(tmp_path: Path, french: None) -> None:
    path = make_database_with_profile(tmp_path)
    zero_page(path)
    with pytest.raises(DatabaseDamagedError, match="mise de côté"):
        Database.open(tmp_path)


def _foreign_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER)")
    connection.commit()
    connection.close()


def _newer_backup(folder: Path) -> Path:
    path = make_database_with_profile(folder)
    backup = backup_database(path, folder / "backups", "manual")
    connection = sqlite3.connect(backup)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    return backup


def _corrupt_backup(folder: Path) -> Path:
    path = make_database_with_profile(folder)
    backup = backup_database(path, folder / "backups", "manual")
    zero_page(backup)
    return backup


@pytest.mark.parametrize(
    ("make_backup", "reason"),
    [
        (_corrupt_backup, "damaged"),
        (_newer_backup, "newer version"),
        (lambda folder: (_foreign_database(folder / "x.db"), folder / "x.db")[1], "not an ACSG"),
        (lambda folder: folder / "missing.sqlite3", "no backup file"),
    ],
)
def test_unusable_backup_is_refused_and_live_data_intact(
    tmp_path: Path, make_backup, reason: str
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    backup = make_backup(source)
    live = tmp_path / "live"
    path = make_database_with_profile(live)
    before = path.read_bytes()
    with pytest.raises(BackupRefusedError, match=reason):
        restore_into(live, backup)
    assert path.read_bytes() == before


def test_failed_backup_leaves_no_file_with_a_real_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_database_with_profile(tmp_path)

    def disk_full(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(BackupRefusedError, match="The disk is full: free at least"):
        backup_database(path, tmp_path / "backups", "manual")
    assert list(p.name for p in (tmp_path / "backups").iterdir()) == []
    assert list_backups(tmp_path / "backups") == []
