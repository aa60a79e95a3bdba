"""The one SQLAlchemy engine over the SQLite file, with the pragmas reliability asks for."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _

BUSY_TIMEOUT_MS = 5000
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def _apply_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def require_fts5() -> None:
    """Fail clearly when this Python's SQLite lacks FTS5 (full-text search of the guides)."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
    except sqlite3.OperationalError as error:
        raise AcsgError(
            _("This Python's SQLite has no full-text search (FTS5); install a newer Python.")
        ) from error
    finally:
        probe.close()


def make_engine(database_path: Path) -> Engine:
    """One engine with a single connection: SQLite corrupts WAL files when two connections write."""
    engine = create_engine(
        f"sqlite:///{database_path}",
        pool_size=1,
        max_overflow=0,
        pool_timeout=30,
    )
    event.listen(engine, "connect", _apply_pragmas)
    return engine


def checkpoint(engine: Engine) -> bool:
    """Fold the WAL into the main file, so the closed database is one self-contained file.

    Returns:
        False when SQLite could not fold every frame in (another connection was busy).

    Raises:
        sqlalchemy.exc.DBAPIError: the disk refused (full, I/O error); the WAL is kept.
    """
    with engine.connect() as connection:
        row = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
    return row is None or not row[0]
