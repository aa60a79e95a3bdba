"""The data folder's database opened for reading only, beside the app that holds its lock.

SQLite's WAL lets readers in while the one writer works: this connection is opened
``mode=ro`` with ``query_only`` on, takes no folder lock, runs no migration and never
checkpoints, so it cannot write to the file the running app owns.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.request import pathname2url

from sqlalchemy import Engine, create_engine

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.backup import stored_revision
from acsg_desktop.core.store.database import Database, backup_dir, database_path
from acsg_desktop.core.store.engine import BUSY_TIMEOUT_MS
from acsg_desktop.core.store.migrate import HEAD_REVISION, KNOWN_REVISIONS, SchemaTooNewError

READ_PRAGMAS = (
    "PRAGMA query_only=ON",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


class NeedsUpdateError(AcsgError):
    """There is no database yet, or it is at an older schema: only an opening that may write
    can create or migrate it."""


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        f"file:{pathname2url(str(path))}?mode=ro",
        uri=True,
        check_same_thread=False,
    )
    for pragma in READ_PRAGMAS:
        connection.execute(pragma)
    return connection


def _read_engine(path: Path) -> Engine:
    return create_engine("sqlite://", creator=lambda: _connect(path), pool_size=1)


def _refuse_other_revision(path: Path) -> None:
    revision = stored_revision(path)
    if revision == HEAD_REVISION:
        return
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise SchemaTooNewError(
            _(
                "This data folder was used by a newer version of ACSG Desktop "
                "(schema {revision}). Install that version or newer to open it."
            ).format(revision=revision)
        )
    raise NeedsUpdateError(
        _(
            "The database in {path} must be updated before it can be read. Start ACSG "
            "Desktop on this folder once (or run a command that changes data), then try again."
        ).format(path=path.parent)
    )


class ReadOnlyDatabase(Database):
    """A ``Database`` that reads: closing only lets the connection go."""

    @classmethod
    def open_for_reading(cls, data_dir: Path) -> ReadOnlyDatabase:
        """Open ``data_dir``'s database read-only, whoever holds the folder's lock.

        Raises:
            NeedsUpdateError: there is no database yet, or it must be migrated first.
            SchemaTooNewError: a newer version of the app wrote it.
        """
        path = database_path(data_dir)
        if not path.is_file():
            raise NeedsUpdateError(_("There is no database in {path} yet.").format(path=data_dir))
        _refuse_other_revision(path)
        return cls(_read_engine(path), path, backup_dir(data_dir))

    def backup_if_due(self) -> Path | None:
        """Nothing is written here: backups are the writer's."""
        return None

    def close(self) -> str | None:
        """No checkpoint (the writer folds the WAL in); the connection is closed."""
        self.engine.dispose()
        return None
