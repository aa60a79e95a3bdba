"""Backups through the SQLite online backup API, checked before they get their real name."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.fileio import TEMP_SUFFIX, fsync_folder
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.health import check_database, move_aside

BACKUP_PATTERN = "acsg-*.sqlite3"


class BackupRefusedError(AcsgError):
    """A backup cannot be made or restored; the live database is untouched."""


def _copy_database(source: Path, target: Path) -> None:
    """Copy ``source`` into a new file ``target`` with the backup API, then fsync it."""
    source_connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    target_connection = sqlite3.connect(target)
    try:
        source_connection.backup(target_connection)
    finally:
        target_connection.close()
        source_connection.close()
    with target.open("rb+") as stream:
        os.fsync(stream.fileno())


def _checked_copy(source: Path, target: Path) -> Path:
    temp = target.with_name(f".{target.name}{TEMP_SUFFIX}")
    temp.unlink(missing_ok=True)
    try:
        _copy_database(source, temp)
        problems = check_database(temp, thorough=True)
        if problems:
            raise BackupRefusedError(
                _("The copy failed its integrity check: {problem}").format(problem=problems[0])
            )
        os.replace(temp, target)
    except (OSError, sqlite3.Error) as error:
        raise BackupRefusedError(
            _("The copy could not be written: {reason}").format(reason=error)
        ) from error
    finally:
        temp.unlink(missing_ok=True)
    fsync_folder(target.parent)
    return target


def backup_database(database: Path, backup_dir: Path, reason: str) -> Path:
    """Write a checked backup of ``database`` into ``backup_dir``; return its path."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return _checked_copy(database, backup_dir / f"acsg-{stamp}-{reason}.sqlite3")


def list_backups(backup_dir: Path) -> list[Path]:
    """Backups in ``backup_dir``, newest first."""
    if not backup_dir.is_dir():
        return []
    return sorted(backup_dir.glob(BACKUP_PATTERN), key=lambda path: path.name, reverse=True)


def stored_revision(database: Path) -> str | None:
    """The Alembic revision recorded in ``database``, or None if it has none."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        connection.close()
    return str(row[0]) if row else None


def _refuse_unusable_backup(backup: Path, known_revisions: tuple[str, ...]) -> None:
    if not backup.is_file():
        raise BackupRefusedError(_("There is no backup file at {path}.").format(path=backup))
    problems = check_database(backup, thorough=True)
    if problems:
        raise BackupRefusedError(
            _("The backup {path} is damaged: {problem}").format(path=backup, problem=problems[0])
        )
    revision = stored_revision(backup)
    if revision is None:
        raise BackupRefusedError(_("{path} is not an ACSG Desktop backup.").format(path=backup))
    if revision not in known_revisions:
        raise BackupRefusedError(
            _("The backup {path} was made by a newer version of ACSG Desktop.").format(path=backup)
        )


def restore_backup(backup: Path, database: Path, known_revisions: tuple[str, ...]) -> Path | None:
    """Replace the (closed) live ``database`` with ``backup``, keeping the current one.

    Returns where the previous database was kept, or None when there was none.
    """
    _refuse_unusable_backup(backup, known_revisions)
    kept = move_aside(database, label="before-restore") if database.exists() else None
    _checked_copy(backup, database)
    return kept
