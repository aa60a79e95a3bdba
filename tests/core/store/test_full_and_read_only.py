"""A full disk, an I/O error or a read-only folder is never mistaken for damage (reliability 30)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from acsg_desktop.cli import main
from acsg_desktop.core.store import health
from acsg_desktop.core.store.database import (
    Database,
    DiskFullError,
    ReadOnlyStoreError,
    StoreIOError,
    StoreProblem,
    StoreWriteError,
    database_path,
)
from acsg_desktop.core.store.profile_repository import ProfileRepository
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD

GIB = 1024**3
Usage = Callable[[Any], Any]


def make_database(folder: Path) -> Path:
    with Workspace.open(folder) as workspace:
        workspace.profiles.save(CHAD)
    return database_path(folder)


def real_error(kind: str) -> sqlite3.Error:
    """A genuine error from SQLite (with its error code), of the kind a failing disk gives."""
    connection = sqlite3.connect(":memory:")
    try:
        if kind == "full":
            connection.execute("CREATE TABLE t (x)")
            connection.execute("PRAGMA max_page_count = 2")
            connection.execute("INSERT INTO t VALUES (randomblob(100000))")
        else:
            connection.execute("PRAGMA query_only = 1")
            connection.execute("CREATE TABLE t (x)")
    except sqlite3.Error as error:
        return error
    finally:
        connection.close()
    raise AssertionError("SQLite accepted the write")


def io_error() -> sqlite3.Error:
    """SQLITE_IOERR_SHMSIZE, what a full disk gives when SQLite maps the -shm file."""
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = sqlite3.SQLITE_IOERR | (19 << 8)  # type: ignore[attr-defined]
    error.sqlite_errorname = "SQLITE_IOERR_SHMSIZE"  # type: ignore[attr-defined]
    return error


def free_space(monkeypatch: pytest.MonkeyPatch, free: int) -> None:
    usage = shutil.disk_usage("/")
    monkeypatch.setattr(
        shutil, "disk_usage", lambda _path: type(usage)(usage.total, usage.total - free, free)
    )


def failing_connect(monkeypatch: pytest.MonkeyPatch, error: sqlite3.Error) -> None:
    """SQLite fails to open any file named ``acsg.sqlite3`` (other connections still work)."""
    real_connect = sqlite3.connect

    def connect(database: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if "acsg.sqlite3" in str(database):
            raise error
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(health.sqlite3, "connect", connect)


def assert_untouched(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.corrupt-*"))


def test_full_disk_at_start_up_leaves_a_healthy_database_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_database(tmp_path)
    before = path.read_bytes()
    free_space(monkeypatch, 0)
    with pytest.raises(DiskFullError) as caught:
        Workspace.open(tmp_path)
    assert "The disk is full: free at least" in caught.value.message
    assert str(tmp_path) in caught.value.message
    assert caught.value.kind is StoreProblem.DISK_FULL
    assert_untouched(path, before)


def test_io_error_in_the_start_up_check_on_a_full_disk_is_not_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_database(tmp_path)
    before = path.read_bytes()
    failing_connect(monkeypatch, io_error())
    # Enough to pass the first look at the disk, too little for SQLite's -shm and WAL.
    free_space(monkeypatch, 3 * 1024 * 1024)
    with pytest.raises(DiskFullError, match="free at least"):
        Database.open(tmp_path)
    assert_untouched(path, before)


def test_io_error_with_room_on_the_disk_says_io_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_database(tmp_path)
    before = path.read_bytes()
    failing_connect(monkeypatch, io_error())
    free_space(monkeypatch, 50 * GIB)
    with pytest.raises(StoreIOError) as caught:
        Database.open(tmp_path)
    assert "damaged" not in caught.value.message
    assert "disk I/O error" not in caught.value.message  # SQLite's own words go to the log
    assert_untouched(path, before)


def test_read_only_folder_at_start_up_is_not_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_database(tmp_path)
    before = path.read_bytes()
    failing_connect(monkeypatch, real_error("read-only"))
    with pytest.raises(ReadOnlyStoreError, match="read-only"):
        Database.open(tmp_path)
    assert_untouched(path, before)


def test_db_check_calls_a_read_only_database_read_only_not_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_database(tmp_path)
    before = path.read_bytes()
    failing_connect(monkeypatch, real_error("read-only"))
    status = main(["--data-dir", str(tmp_path), "db", "check"])
    out, err = capsys.readouterr()
    assert status != 0
    assert "read-only" in err
    assert "damaged" not in out + err
    assert_untouched(path, before)


def test_db_check_on_a_full_disk_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_database(tmp_path)
    failing_connect(monkeypatch, real_error("full"))
    free_space(monkeypatch, 0)
    status = main(["--data-dir", str(tmp_path), "db", "check"])
    _out, err = capsys.readouterr()
    assert status != 0
    assert "The disk is full" in err and "damaged" not in err
    assert path.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files anyway")
def test_read_only_database_file_is_refused_clearly(tmp_path: Path) -> None:
    path = make_database(tmp_path)
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        with pytest.raises(ReadOnlyStoreError, match="read-only"):
            Workspace.open(tmp_path)
    finally:
        path.chmod(0o644)
    assert_untouched(path, before)


def test_writing_through_a_read_only_connection_says_read_only(tmp_path: Path) -> None:
    path = make_database(tmp_path)
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    database = Database(engine, path, tmp_path / "backups")
    try:
        with pytest.raises(ReadOnlyStoreError, match="read-only"), database.unit_of_work() as s:
            ProfileRepository(s).save(CHAD)
    finally:
        engine.dispose()


def test_disk_full_while_saving_says_how_much_to_free(tmp_path: Path) -> None:
    database = Database.open(tmp_path)
    try:
        with database.engine.connect() as connection:
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
            connection.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(DiskFullError) as caught, database.unit_of_work() as session:
            session.connection().exec_driver_sql("CREATE TABLE bulk (x)")
            session.connection().exec_driver_sql("INSERT INTO bulk VALUES (randomblob(200000))")
        assert isinstance(caught.value, StoreWriteError)  # callers catching the base still work
        assert "free at least" in caught.value.message
        assert "database or disk is full" not in caught.value.message
    finally:
        database.close()


def test_close_on_a_full_disk_keeps_the_wal_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from acsg_desktop.core.store import database as database_module

    database = Database.open(tmp_path)
    with database.unit_of_work() as session:
        ProfileRepository(session).save(CHAD)

    def full(_engine: object) -> bool:
        raise OperationalError("PRAGMA wal_checkpoint(TRUNCATE)", None, real_error("full"))

    monkeypatch.setattr(database_module, "checkpoint", full)
    notice = database.close()
    assert notice is not None and "-wal" in notice and "saved" in notice
    monkeypatch.undo()
    reopened = Database.open(tmp_path)
    try:
        with reopened.unit_of_work() as session:
            assert ProfileRepository(session).get() == CHAD
    finally:
        assert reopened.close() is None
