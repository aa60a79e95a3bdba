"""Opening the database: health check, migrations, and the unit of work."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from acsg_desktop.core.errors import AcsgError, DataFolderError
from acsg_desktop.core.fileio import remove_leftovers_in
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.backup import backup_database, list_backups, stored_revision
from acsg_desktop.core.store.engine import checkpoint, make_engine, require_fts5
from acsg_desktop.core.store.health import (
    BACKUP_DIR,
    DiskFullError,
    ReadOnlyStoreError,
    StoreBusyError,
    StoreDamagedError,
    StoreIOError,
    StoreProblem,
    StoreWriteError,
    check_database,
    classify,
    describe_damage,
    log_raw,
    move_aside,
    problem_sentence,
    require_free_space,
    store_error,
    writable,
)
from acsg_desktop.core.store.migrate import upgrade_database
from acsg_desktop.core.store.rotation import backup_if_due
from acsg_desktop.core.store.rows import Base

__all__ = [
    "BACKUP_DIR",
    "DATABASE_FILE",
    "Database",
    "DatabaseDamagedError",
    "DiskFullError",
    "ReadOnlyStoreError",
    "StoreBusyError",
    "StoreDamagedError",
    "StoreIOError",
    "StoreProblem",
    "StoreWriteError",
    "backup_dir",
    "database_path",
    "prepare_data_dir",
    "translated_errors",
]

logger = logging.getLogger(__name__)

DATABASE_FILE = "acsg.sqlite3"
# Our own bugs, not the disk's: left for the unexpected-error handler, which logs the traceback.
_NOT_THE_DISK = (
    IntegrityError,
    ProgrammingError,
    InterfaceError,
    sqlite3.IntegrityError,
    sqlite3.ProgrammingError,
    sqlite3.InterfaceError,
)


class DatabaseDamagedError(StoreDamagedError):
    """The database failed its check and was moved aside; a backup may be restored."""

    def __init__(self, message: str, moved_to: Path, latest_backup: Path | None) -> None:
        super().__init__(message)
        self.moved_to = moved_to
        self.latest_backup = latest_backup


def database_path(data_dir: Path) -> Path:
    """The SQLite file of ``data_dir``."""
    return data_dir / DATABASE_FILE


def backup_dir(data_dir: Path) -> Path:
    """Where ``data_dir``'s backups are kept."""
    return data_dir / BACKUP_DIR


def prepare_data_dir(data_dir: Path) -> None:
    """Create the data folder if needed; refuse one the app cannot write to, or a full disk.

    Raises:
        DataFolderError: the folder cannot be created or is read-only.
        DiskFullError: too little space is left for SQLite to open the database.
    """
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DataFolderError(
            _("The data folder {path} cannot be created: {reason}").format(
                path=data_dir, reason=error.strerror or error
            )
        ) from error
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise DataFolderError(
            _(
                "The data folder {path} is read-only. Choose another folder with --data-dir, "
                "or ask your administrator for write access."
            ).format(path=data_dir)
        )
    require_free_space(data_dir, database_path(data_dir))


@contextmanager
def translated_errors(database: Path, what: str) -> Iterator[None]:
    """Turn SQLite's failures about ``database`` into typed errors with a translated message.

    Decoding errors count too: every text and JSON value in the database was written by us, so
    one that no longer decodes is damage. SQLite's own words go to the log.

    Raises:
        StoreWriteError: a subclass saying damaged, disk full, read-only, I/O error or busy.
    """
    try:
        yield
    except _NOT_THE_DISK:
        raise
    except DBAPIError as error:
        raise store_error(error.orig or error, database, what) from error
    except (sqlite3.Error, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise store_error(error, database, what) from error


def _refuse_read_only(path: Path) -> None:
    if not writable(path):
        logger.warning("The database %s or its folder is not writable", path)
        raise ReadOnlyStoreError(problem_sentence(StoreProblem.READ_ONLY, path))


def _move_damaged_aside(path: Path, problems: list[str]) -> Path:
    try:
        return move_aside(path)
    except OSError as error:
        log_raw(error, path, "Moving aside")
        raise StoreDamagedError(
            _(
                "The database {path} is damaged ({problem}), and it could not be moved aside: "
                "{reason}"
            ).format(
                path=path,
                problem=describe_damage(problems),
                reason=problem_sentence(classify(error, path), path),
            )
        ) from error


def _refuse_damaged(path: Path, data_dir: Path) -> None:
    problems = check_database(path)
    if not problems:
        return
    moved = _move_damaged_aside(path, problems)
    backups = list_backups(backup_dir(data_dir))
    latest = backups[0] if backups else None
    advice = (
        _("The latest backup is {backup}; you can restore it.").format(backup=latest)
        if latest
        else _("No backup was found; the app will start with an empty database.")
    )
    raise DatabaseDamagedError(
        _(
            "The database was damaged ({problem}). It has been moved aside, not deleted, "
            "to {moved}. {advice}"
        ).format(problem=describe_damage(problems), moved=moved, advice=advice),
        moved,
        latest,
    )


def _refuse_foreign_code(path: Path) -> None:
    from acsg_desktop.core.store.schema_guard import refuse_foreign_code

    with translated_errors(path, "Checking"):
        refuse_foreign_code(path)


class Database:
    """The open database of one data folder."""

    def __init__(self, engine: Engine, path: Path, backup_folder: Path) -> None:
        self.engine = engine
        self.path = path
        self.backup_folder = backup_folder
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._changes_at_backup = 0
        self.full_check_passed_at: float | None = None

    @classmethod
    def open(cls, data_dir: Path) -> Database:
        """Check, migrate and open the database of ``data_dir`` (the caller holds the lock).

        Raises:
            DatabaseDamagedError: the file is damaged (an empty file included); it was moved
                aside, and the latest backup is named.
            StoreWriteError: a subclass for a full disk, a read-only file or folder, an I/O
                error: nothing was moved or changed.
        """
        prepare_data_dir(data_dir)
        require_fts5()
        # Only now, under the lock: a second start must not remove the running one's files.
        remove_leftovers_in(data_dir)
        path = database_path(data_dir)
        if path.exists():
            _refuse_read_only(path)
            _refuse_damaged(path, data_dir)
            _refuse_foreign_code(path)
        engine = make_engine(path)
        try:
            with translated_errors(path, "Opening"):
                upgrade_database(engine, path, backup_dir(data_dir))
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, path, backup_dir(data_dir))

    def count_changes_from_now(self) -> None:
        """What was written so far (a migration, the shipped guides) needs no backup of its own."""
        self._changes_at_backup = self.total_changes()

    @property
    def location(self) -> str:
        """Where the data is, for messages (a file here; a server address elsewhere)."""
        return str(self.path)

    @property
    def is_server(self) -> bool:
        """True on an office server, where each official's own login says who they are."""
        return False

    def backup(self, reason: str) -> Path:
        """A checked backup now (``reason`` names it: manual, before-guides, ...).

        Raises:
            BackupRefusedError: it could not be made; the database is untouched.
        """
        made = backup_database(self.path, self.backup_folder, reason)
        self._changes_at_backup = self.total_changes()
        return made

    def backup_if_due(self) -> Path | None:
        """An automatic backup when data changed and the last one is 30 minutes old or more."""
        changes = self.total_changes()
        made = backup_if_due(
            self.path, self.backup_folder, changed=changes != self._changes_at_backup
        )
        if made is not None:
            self._changes_at_backup = changes
        return made

    def backups(self) -> list[Path]:
        """This database's backups, newest first."""
        return list_backups(self.backup_folder)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session whose changes are committed together when the block ends without error.

        Raises:
            StoreWriteError: when SQLite cannot read or write; a subclass says why (damaged,
                disk full, read-only, I/O error, busy). Nothing of the block is kept.
        """
        with translated_errors(self.path, "Saving"), self._sessions.begin() as session:
            yield session

    def total_changes(self) -> int:
        """Rows inserted, changed or deleted through this connection since it opened."""
        with translated_errors(self.path, "Counting changes"), self.engine.connect() as connection:
            return int(connection.connection.driver_connection.total_changes)  # type: ignore[union-attr]

    def schema_revision(self) -> str | None:
        """The migration revision the database is at."""
        with translated_errors(self.path, "Reading the revision"):
            return stored_revision(self.path)

    def table_counts(self) -> dict[str, int]:
        """Number of rows in each table, for ``acsg info``."""
        with self.unit_of_work() as session:
            return {
                table.name: int(session.scalar(select(func.count()).select_from(table)) or 0)
                for table in Base.metadata.sorted_tables
            }

    def integrity_problems(self, thorough: bool = True) -> list[str]:
        """Problems a full ``integrity_check`` finds (empty when healthy), for the log; not
        ``thorough``: the faster ``quick_check`` (the same but whether indexes match tables).
        A full check that passes is noted in ``full_check_passed_at`` (``time.monotonic``).

        Raises:
            StoreWriteError: the check itself could not run (disk full, I/O error, ...).
        """
        pragma = "integrity_check" if thorough else "quick_check"
        with translated_errors(self.path, "Checking"), self.engine.connect() as connection:
            rows = connection.exec_driver_sql(f"PRAGMA {pragma}").fetchall()
        problems = [str(row[0]) for row in rows if row[0] != "ok"]
        if problems:
            logger.warning("%s of %s found: %s", pragma, self.path, "; ".join(problems[:20]))
        elif thorough:
            self.full_check_passed_at = time.monotonic()
        return problems

    def close(self) -> str | None:
        """Checkpoint the WAL into the main file and close every connection.

        Never raises for the checkpoint: every change was committed before, so one that fails
        (a full disk, an I/O error) loses nothing; the changes wait in the WAL beside the file
        and SQLite folds them in at the next start.

        Returns:
            None when the closed database is one self-contained file; otherwise a translated
            notice saying the WAL was left beside it, and why (also logged).
        """
        try:
            if not checkpoint(self.engine):
                logger.info("Checkpoint of %s left frames in the WAL (busy)", self.path)
        except (DBAPIError, sqlite3.Error) as error:
            return self._checkpoint_failed(error)
        finally:
            self.engine.dispose()
        return None

    def _checkpoint_failed(self, error: DBAPIError | sqlite3.Error) -> str:
        raw = error.orig if isinstance(error, DBAPIError) and error.orig else error
        log_raw(raw, self.path, "Closing")
        return _(
            "Every change is saved, but the database could not be made into one file when "
            "closing: the latest changes wait in {wal}, beside it, and are folded in at the "
            "next start. Keep that file with the database. {problem}"
        ).format(
            wal=self.path.with_name(self.path.name + "-wal"),
            problem=problem_sentence(classify(raw, self.path), self.path),
        )


def backups_of(data_dir: Path) -> tuple[Path, list[Path]]:
    """Where ``data_dir`` keeps its backups, and those there (newest first), without opening it."""
    folder = backup_dir(data_dir)
    return folder, list_backups(folder)


def check_closed(data_dir: Path) -> tuple[Path, list[str]]:
    """A full check of ``data_dir``'s database without opening it: its location and the damage
    found (empty when intact).

    Raises:
        AcsgError: there is no database yet.
        StoreWriteError: the check could not run (disk full, read-only, I/O error).
    """
    path = database_path(data_dir)
    if not path.exists():
        raise AcsgError(_("There is no database in {path} yet.").format(path=data_dir))
    return path, check_database(path, thorough=True)


def unexpected_in_closed(path: Path) -> list[str]:
    """What the closed database ``path`` holds that the app's migrations never create (a
    trigger, a view, a table, an index), as translated phrases; empty when nothing, or when
    its revision is not one this version knows (it is then refused for that).

    Raises:
        StoreWriteError: its schema could not be read.
    """
    from acsg_desktop.core.store.migrate import KNOWN_REVISIONS
    from acsg_desktop.core.store.schema_guard import unexpected_objects

    with translated_errors(path, "Checking"):
        revision = stored_revision(path)
        if revision not in KNOWN_REVISIONS:
            return []
        return unexpected_objects(path, revision)


def restore_closed(data_dir: Path, backup: Path) -> Path | None:
    """Restore ``backup`` as the database of ``data_dir`` (the caller holds its lock, and the
    database is closed); the current one is kept aside. Returns where it was kept."""
    from acsg_desktop.core.store.backup import restore_backup
    from acsg_desktop.core.store.migrate import KNOWN_REVISIONS

    return restore_backup(backup, database_path(data_dir), KNOWN_REVISIONS)
