"""Backups through the SQLite online backup API, checked before they get their real name."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from acsg_desktop.core.audit.chain import GENESIS, ChainCheck
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.fileio import TEMP_SUFFIX, fsync_folder
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.health import (
    SIDE_FILES,
    StoreProblem,
    StoreWriteError,
    check_database,
    classify,
    describe_damage,
    log_raw,
    move_aside,
    problem_sentence,
)

BACKUP_PATTERN = "acsg-*.sqlite3"


class BackupRefusedError(AcsgError):
    """A backup cannot be made or restored; the live database is untouched.

    ``kind`` says why when the disk refused (full, read-only, ...); None for a refused backup
    file (damaged, foreign, too new, broken audit chain).
    """

    def __init__(self, message: str, kind: StoreProblem | None = None) -> None:
        super().__init__(message)
        self.kind = kind


def _copy_database(source: Path, target: Path, source_mode: str) -> None:
    """Copy ``source`` into a new file ``target`` with the backup API, then fsync it."""
    source_connection = sqlite3.connect(f"file:{source}?mode={source_mode}", uri=True)
    try:
        target_connection = sqlite3.connect(target)
        try:
            source_connection.backup(target_connection)
        finally:
            target_connection.close()
    finally:
        source_connection.close()
    with target.open("rb+") as stream:
        os.fsync(stream.fileno())


def _write_failed(error: OSError | sqlite3.Error, target: Path, source: Path) -> BackupRefusedError:
    log_raw(error, target, "Copying")
    problem = classify(error, target)
    # The copy needs about the source's size on the target's disk.
    reason = problem_sentence(problem, target, extra_bytes=_size(source))
    return BackupRefusedError(
        _("The copy could not be written: {reason}").format(reason=reason), problem
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _remove_temp(temp: Path) -> None:
    for suffix in ("", *SIDE_FILES, "-journal"):
        with contextlib.suppress(OSError):
            temp.with_name(temp.name + suffix).unlink()


def _checked_temp_copy(source: Path, target: Path, source_mode: str = "ro") -> Path:
    """A checked copy of ``source`` beside ``target``, under a temporary name; return it.

    ``source_mode`` "rw" for a closed backup file: a read-only connection to a WAL file leaves
    its -wal and -shm behind, a read-write one removes them when it closes.
    """
    temp = target.with_name(f".{target.name}{TEMP_SUFFIX}")
    _remove_temp(temp)
    try:
        _copy_database(source, temp, source_mode)
        problems = check_database(temp, thorough=True)
    except (OSError, sqlite3.Error) as error:
        _remove_temp(temp)
        raise _write_failed(error, temp, source) from error
    except StoreWriteError as error:
        _remove_temp(temp)
        raise BackupRefusedError(
            _("The copy could not be written: {reason}").format(reason=error.message), error.kind
        ) from error
    if problems:
        _remove_temp(temp)
        # The copy is page for page the source: the source is what is damaged.
        raise BackupRefusedError(
            _(
                "The copy failed its integrity check ({problem}): the database itself is "
                "damaged. No backup was made; restore an earlier backup."
            ).format(problem=describe_damage(problems)),
            StoreProblem.DAMAGED,
        )
    return temp


def _install(temp: Path, target: Path, source: Path) -> None:
    try:
        os.replace(temp, target)
    except OSError as error:
        _remove_temp(temp)
        raise _write_failed(error, target, source) from error
    fsync_folder(target.parent)


def _checked_copy(source: Path, target: Path) -> Path:
    _install(_checked_temp_copy(source, target), target, source)
    return target


def backup_database(database: Path, backup_dir: Path, reason: str) -> Path:
    """Write a checked backup of ``database`` into ``backup_dir``; return its path.

    Raises:
        BackupRefusedError: the copy could not be written or failed its check; no file with a
            backup's name was left.
    """
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _write_failed(error, backup_dir / "acsg.sqlite3", database) from error
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


def backup_audit_chain(backup: Path) -> ChainCheck:
    """Verify the audit chain stored in ``backup``, with the app's own verifier."""
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from acsg_desktop.core.audit.chain import verify_chain
    from acsg_desktop.core.store.audit_repository import AuditRepository

    # Read-write, as check_database does: a read-only connection would leave -wal and -shm
    # files beside the backup. Only SELECTs are run.
    engine = create_engine(f"sqlite:///file:{backup}?mode=rw&uri=true", poolclass=NullPool)
    try:
        with Session(engine) as session:
            if not inspect(session.connection()).has_table("audit_log"):
                return ChainCheck(0, GENESIS)  # made before the audit log existed (0004)
            return verify_chain(AuditRepository(session).entries())
    finally:
        engine.dispose()


def _refuse_broken_chain(backup: Path) -> None:
    from sqlalchemy.exc import DBAPIError

    try:
        chain = backup_audit_chain(backup)
    except (DBAPIError, sqlite3.Error, UnicodeDecodeError) as error:
        log_raw(error, backup, "Reading the audit log of")
        raise BackupRefusedError(
            _("The audit log of the backup {path} cannot be read; it was not restored.").format(
                path=backup
            )
        ) from error
    if not chain.ok:
        raise BackupRefusedError(
            _(
                "The audit log of the backup {path} was altered: its chain breaks at entry "
                "{entry}. The backup was not restored; the current data are unchanged."
            ).format(path=backup, entry=chain.broken_entry)
        )


def _refuse_unusable_backup(backup: Path, known_revisions: tuple[str, ...]) -> None:
    if not backup.is_file():
        raise BackupRefusedError(_("There is no backup file at {path}.").format(path=backup))
    try:
        problems = check_database(backup, thorough=True)
    except StoreWriteError as error:
        raise BackupRefusedError(error.message, error.kind) from error
    if problems:
        raise BackupRefusedError(
            _("The backup {path} is damaged: {problem}").format(
                path=backup, problem=describe_damage(problems)
            )
        )
    revision = stored_revision(backup)
    if revision is None:
        raise BackupRefusedError(_("{path} is not an ACSG Desktop backup.").format(path=backup))
    if revision not in known_revisions:
        raise BackupRefusedError(
            _("The backup {path} was made by a newer version of ACSG Desktop.").format(path=backup)
        )
    _refuse_foreign_objects(backup, revision)
    _refuse_broken_chain(backup)


def _refuse_foreign_objects(backup: Path, revision: str) -> None:
    """Refuse a backup holding a trigger, view, table or index the app never creates."""
    from acsg_desktop.core.store.schema_guard import named, unexpected_objects

    try:
        strange = unexpected_objects(backup, revision)
    except sqlite3.Error as error:
        log_raw(error, backup, "Reading the schema of")
        raise BackupRefusedError(
            _("The backup {path} is damaged: {problem}").format(
                path=backup, problem=_("the file is no longer a readable database")
            )
        ) from error
    if strange:
        raise BackupRefusedError(
            _(
                "The backup {path} holds what ACSG Desktop never creates ({objects}): it could "
                "change data without a trace. It was not restored; the current data are "
                "unchanged."
            ).format(path=backup, objects=named(strange))
        )


def _swap_in(temp: Path, database: Path, backup: Path) -> Path | None:
    """Keep the live database under another name, then give the checked copy its name."""
    kept = None
    try:
        kept = move_aside(database, label="before-restore") if database.exists() else None
        os.replace(temp, database)
    except OSError as error:
        if kept is not None and not database.exists():
            with contextlib.suppress(OSError):
                os.replace(kept, database)  # put the live one back: nothing changed
        _remove_temp(temp)
        raise _write_failed(error, database, backup) from error
    fsync_folder(database.parent)
    return kept


def restore_backup(backup: Path, database: Path, known_revisions: tuple[str, ...]) -> Path | None:
    """Replace the (closed) live ``database`` with ``backup``, keeping the current one.

    The backup is checked (integrity, origin, schema, audit chain) and copied beside the live
    file first, so any refusal or failure leaves the live database as it was.

    Returns:
        Where the previous database was kept, or None when there was none.

    Raises:
        BackupRefusedError: the backup is unusable or could not be copied; nothing changed.
    """
    _refuse_unusable_backup(backup, known_revisions)
    temp = _checked_temp_copy(backup, database, source_mode="rw")
    return _swap_in(temp, database, backup)
