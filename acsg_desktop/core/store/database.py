"""Opening the database: health check, migrations, and the unit of work."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from acsg_desktop.core.errors import AcsgError, DataFolderError
from acsg_desktop.core.fileio import remove_leftovers
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.backup import list_backups, stored_revision
from acsg_desktop.core.store.engine import checkpoint, make_engine, require_fts5
from acsg_desktop.core.store.health import check_database, move_aside
from acsg_desktop.core.store.migrate import upgrade_database
from acsg_desktop.core.store.rows import Base

DATABASE_FILE = "acsg.sqlite3"
BACKUP_DIR = "backups"


class StoreWriteError(AcsgError):
    """SQLite refused a read or write; the transaction was rolled back."""


class DatabaseDamagedError(AcsgError):
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
    """Create the data folder if needed and refuse one the app cannot write to."""
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
    remove_leftovers(data_dir)


def _refuse_damaged(path: Path, data_dir: Path) -> None:
    problems = check_database(path)
    if not problems:
        return
    moved = move_aside(path)
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
        ).format(problem=problems[0], moved=moved, advice=advice),
        moved,
        latest,
    )


class Database:
    """The open database of one data folder."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, data_dir: Path) -> Database:
        """Check, migrate and open the database of ``data_dir`` (the caller holds the lock)."""
        prepare_data_dir(data_dir)
        require_fts5()
        path = database_path(data_dir)
        if path.exists():
            _refuse_damaged(path, data_dir)
        engine = make_engine(path)
        try:
            upgrade_database(engine, path, backup_dir(data_dir))
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, path)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session whose changes are committed together when the block ends without error.

        Raises:
            StoreWriteError: when SQLite cannot read or write (disk full, I/O error, read-only);
                nothing of the block is kept.
        """
        try:
            with self._sessions.begin() as session:
                yield session
        except OperationalError as error:
            raise StoreWriteError(
                _("The database could not be written: {reason}").format(reason=error.orig)
            ) from error

    def total_changes(self) -> int:
        """Rows inserted, changed or deleted through this connection since it opened."""
        with self.engine.connect() as connection:
            return int(connection.connection.driver_connection.total_changes)  # type: ignore[union-attr]

    def schema_revision(self) -> str | None:
        """The migration revision the database is at."""
        return stored_revision(self.path)

    def table_counts(self) -> dict[str, int]:
        """Number of rows in each table, for ``acsg info``."""
        with self.unit_of_work() as session:
            return {
                table.name: int(session.scalar(select(func.count()).select_from(table)) or 0)
                for table in Base.metadata.sorted_tables
            }

    def integrity_problems(self) -> list[str]:
        """Problems a full ``integrity_check`` finds (empty when healthy)."""
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
        return [str(row[0]) for row in rows if row[0] != "ok"]

    def close(self) -> None:
        """Checkpoint the WAL into the main file and close every connection."""
        try:
            checkpoint(self.engine)
        finally:
            self.engine.dispose()
