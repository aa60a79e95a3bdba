"""A 0-byte database is damage; damage found while working says "damaged", never SQLite's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from acsg_desktop.core.store.backup import backup_database
from acsg_desktop.core.store.database import (
    Database,
    DatabaseDamagedError,
    StoreDamagedError,
    StoreProblem,
    database_path,
)
from acsg_desktop.core.store.health import check_database
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD, sqlite_value


def make_database(folder: Path) -> Path:
    with Workspace.open(folder) as workspace:
        workspace.profiles.save(CHAD)
    return database_path(folder)


def test_zero_byte_database_is_damage_and_the_backup_is_offered(tmp_path: Path) -> None:
    path = make_database(tmp_path)
    backup = backup_database(path, tmp_path / "backups", "manual")
    path.write_bytes(b"")
    with pytest.raises(DatabaseDamagedError) as caught:
        Workspace.open(tmp_path)
    assert caught.value.kind is StoreProblem.DAMAGED
    assert "empty" in caught.value.message
    assert caught.value.latest_backup == backup
    assert caught.value.moved_to.exists() and caught.value.moved_to.stat().st_size == 0
    assert not path.exists()


def test_zero_byte_database_moves_its_wal_aside_with_it(tmp_path: Path) -> None:
    path = make_database(tmp_path)
    wal = path.with_name(path.name + "-wal")
    path.write_bytes(b"")
    wal.write_bytes(b"frames SQLite would delete beside an empty file")
    with pytest.raises(DatabaseDamagedError) as caught:
        Database.open(tmp_path)
    moved_wal = caught.value.moved_to.with_name(caught.value.moved_to.name + "-wal")
    assert moved_wal.read_bytes().startswith(b"frames")


def test_check_database_reports_an_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert check_database(empty) != []


@pytest.mark.parametrize(
    ("offset", "value"),
    [
        (18, b"\x06"),  # write version 3+: SQLite silently treats the file as read-only
        (47, b"\x09"),  # schema format 9: SQLite says "unsupported file format", not damage
        (59, b"\x07"),  # text encoding 7: likewise
    ],
)
def test_header_damage_sqlite_does_not_call_damage_is_damage(
    tmp_path: Path, offset: int, value: bytes
) -> None:
    path = make_database(tmp_path)
    with path.open("r+b") as stream:
        stream.seek(offset)
        stream.write(value)
    with pytest.raises(DatabaseDamagedError, match="no longer a readable database"):
        Database.open(tmp_path)


def test_undecodable_text_is_damage_not_a_write_failure(tmp_path: Path) -> None:
    path = make_database(tmp_path)
    sqlite_value(path, "SELECT 1")
    import sqlite3

    connection = sqlite3.connect(path)
    connection.execute("UPDATE authority_profile SET authority_name = CAST(x'ff41' AS TEXT)")
    connection.commit()
    connection.close()
    with Workspace.open(tmp_path) as workspace, pytest.raises(StoreDamagedError) as caught:
        workspace.profiles.get()
    message = caught.value.message
    assert "damaged" in message and "written" not in message
    assert "decode" not in message and "UTF-8" not in message
