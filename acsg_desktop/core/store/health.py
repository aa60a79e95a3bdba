"""Integrity checks on the SQLite file, and moving a damaged file aside (never deleting it)."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

SIDE_FILES = ("-wal", "-shm")


def check_database(path: Path, thorough: bool = False) -> list[str]:
    """Problems SQLite finds in ``path`` (empty when healthy).

    ``thorough`` runs ``integrity_check`` (before exports and backups); otherwise the faster
    ``quick_check`` (at start-up).
    """
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        connection = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        connection.close()
    return [" ".join(str(row[0]).split()) for row in rows if row[0] != "ok"]


def move_aside(path: Path, label: str = "corrupt") -> Path:
    """Rename ``path`` (and its WAL files) to ``<name>.<label>-<time>``; return the new path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = path.with_name(f"{path.name}.{label}-{stamp}")
    os.replace(path, moved)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, moved.with_name(moved.name + suffix))
    return moved
