"""Integrity checks on the SQLite file, what SQLite's errors mean, and moving a damaged file aside
(never deleting it).

Only damage found in a file that could be read moves it aside. A full disk, an I/O error or a
read-only folder is a different error (see :class:`StoreProblem`) that changes nothing: a healthy
database must never be moved aside because the disk was full at start-up. SQLite's own words
("btreeInitPage() returns error code 11") go to the log; the user reads a short sentence.
"""

from __future__ import annotations

import errno
import json
import logging
import math
import os
import shutil
import sqlite3
from datetime import datetime
from enum import Enum
from pathlib import Path

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.fileio import fsync_folder
from acsg_desktop.core.i18n import _, format_number, ngettext
from acsg_desktop.core.store.early_check import early_result

logger = logging.getLogger(__name__)

SIDE_FILES = ("-wal", "-shm")
BACKUP_DIR = "backups"
MIB = 1024 * 1024
# Below this, SQLite cannot even create its -shm and WAL files: refuse to start rather than fail
# half-way through opening.
MIN_FREE_BYTES = 1 * MIB
# What to ask the user to free beyond the database's size: a WAL of about 1,000 pages, the -shm,
# the settings and the log. An I/O error with less than this free is taken for a full disk,
# because SQLite reports a failed -shm allocation as "disk I/O error".
SPACE_MARGIN = 8 * MIB
EMPTY_FILE = "file is empty (0 bytes)"
HEADER_PREFIX = "header: "
SQLITE_MAGIC = b"SQLite format 3\x00"
RAW_DETAIL_LENGTH = 300


class StoreProblem(Enum):
    """Why SQLite refused: what the GUI and the CLI react to."""

    DAMAGED = "damaged"
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    IO_ERROR = "io_error"
    BUSY = "busy"
    OTHER = "other"


class StoreWriteError(AcsgError):
    """SQLite refused a read or write; the transaction was rolled back, nothing was changed."""

    kind = StoreProblem.OTHER


class StoreDamagedError(StoreWriteError):
    """Data in the database can no longer be read: it is damaged; a backup should be restored."""

    kind = StoreProblem.DAMAGED


class DiskFullError(StoreWriteError):
    """The disk holding the data folder is full."""

    kind = StoreProblem.DISK_FULL


class ReadOnlyStoreError(StoreWriteError):
    """The database or its folder cannot be written (read-only, or no permission)."""

    kind = StoreProblem.READ_ONLY


class StoreIOError(StoreWriteError):
    """The disk reported an error reading or writing the database."""

    kind = StoreProblem.IO_ERROR


class StoreBusyError(StoreWriteError):
    """Another program holds the database."""

    kind = StoreProblem.BUSY


_ERROR_TYPES: dict[StoreProblem, type[StoreWriteError]] = {
    StoreProblem.DAMAGED: StoreDamagedError,
    StoreProblem.DISK_FULL: DiskFullError,
    StoreProblem.READ_ONLY: ReadOnlyStoreError,
    StoreProblem.IO_ERROR: StoreIOError,
    StoreProblem.BUSY: StoreBusyError,
    StoreProblem.OTHER: StoreWriteError,
}
_SQLITE_PROBLEMS = {
    sqlite3.SQLITE_CORRUPT: StoreProblem.DAMAGED,
    sqlite3.SQLITE_NOTADB: StoreProblem.DAMAGED,
    sqlite3.SQLITE_FORMAT: StoreProblem.DAMAGED,
    sqlite3.SQLITE_FULL: StoreProblem.DISK_FULL,
    sqlite3.SQLITE_IOERR: StoreProblem.IO_ERROR,
    sqlite3.SQLITE_READONLY: StoreProblem.READ_ONLY,
    sqlite3.SQLITE_PERM: StoreProblem.READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: StoreProblem.IO_ERROR,
    sqlite3.SQLITE_BUSY: StoreProblem.BUSY,
    sqlite3.SQLITE_LOCKED: StoreProblem.BUSY,
}
_OS_PROBLEMS = {
    errno.ENOSPC: StoreProblem.DISK_FULL,
    errno.EDQUOT: StoreProblem.DISK_FULL,
    errno.EROFS: StoreProblem.READ_ONLY,
    errno.EACCES: StoreProblem.READ_ONLY,
    errno.EPERM: StoreProblem.READ_ONLY,
}


def writable(path: Path) -> bool:
    """True when ``path`` (if it exists) and its folder can be written by this process."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.R_OK | os.W_OK))


def _free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _sqlite_problem(error: sqlite3.Error, database: Path) -> StoreProblem:
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        # Raised by Python's sqlite3 module itself, not by SQLite: text stored as UTF-8 that no
        # longer decodes is damaged data; anything else is a misuse we only log.
        return StoreProblem.DAMAGED if "decode" in str(error).lower() else StoreProblem.OTHER
    problem = _SQLITE_PROBLEMS.get(code & 0xFF, StoreProblem.OTHER)
    if problem is StoreProblem.IO_ERROR and not writable(database):
        return StoreProblem.READ_ONLY
    return problem


def classify(error: BaseException, database: Path) -> StoreProblem:
    """What a failure while reading or writing ``database`` means for the user.

    Args:
        error: a ``sqlite3.Error``, an ``OSError``, or a decoding error on stored text or JSON.
        database: the SQLite file concerned (its folder's free space and permissions are looked
            at to tell a full disk or a read-only folder from a genuine I/O error).

    Returns:
        The kind of problem; ``DAMAGED`` only for data that was read and found wrong.
    """
    if isinstance(error, UnicodeDecodeError | json.JSONDecodeError):
        problem = StoreProblem.DAMAGED
    elif isinstance(error, sqlite3.Error):
        problem = _sqlite_problem(error, database)
    elif isinstance(error, OSError):
        problem = _OS_PROBLEMS.get(error.errno or 0, StoreProblem.IO_ERROR)
    else:
        problem = StoreProblem.OTHER
    if problem is StoreProblem.IO_ERROR:
        free = _free_bytes(database.parent)
        if free is not None and free < SPACE_MARGIN:
            problem = StoreProblem.DISK_FULL
    return problem


def megabytes_to_free(database: Path, extra_bytes: int = 0) -> int:
    """How many MB to free beside ``database``: room for a backup of it plus a working margin.

    Args:
        database: the SQLite file (it may not exist yet).
        extra_bytes: more room needed, such as the size of a database being copied there.
    """
    try:
        size = database.stat().st_size
    except OSError:
        size = 0
    needed = size + extra_bytes + SPACE_MARGIN
    free = _free_bytes(database.parent) or 0
    # With room on the disk yet SQLite saying "full" (a quota), ask for the whole amount.
    missing = needed - free if free < needed else needed
    return max(1, math.ceil(missing / MIB))


def problem_sentence(problem: StoreProblem, database: Path, extra_bytes: int = 0) -> str:
    """A short translated sentence saying what ``problem`` means for ``database``.

    ``extra_bytes`` is added to the space a full disk needs (see :func:`megabytes_to_free`).
    """
    folder = database.parent
    if problem is StoreProblem.DISK_FULL:
        return _("The disk is full: free at least {size} MB on {folder}.").format(
            size=format_number(megabytes_to_free(database, extra_bytes)), folder=folder
        )
    if problem is StoreProblem.READ_ONLY:
        return _(
            "The database {path} is read-only or not accessible to you, so nothing can be saved "
            "to it. Ask your administrator for write access to {folder}, or choose another data "
            "folder."
        ).format(path=database, folder=folder)
    if problem is StoreProblem.IO_ERROR:
        return _(
            "The disk holding {folder} reported an error. Check the disk (or the connection of "
            "a removable drive) and try again."
        ).format(folder=folder)
    if problem is StoreProblem.BUSY:
        return _("Another program is using the database {path}. Close it and try again.").format(
            path=database
        )
    if problem is StoreProblem.DAMAGED:
        return _(
            "The database is damaged: some of its data can no longer be read. Restore the "
            "latest backup from {folder}."
        ).format(folder=folder / BACKUP_DIR)
    return _("The database could not be read or written. The details are in the log.")


def log_raw(error: BaseException, database: Path, what: str) -> None:
    """Put SQLite's own words in the log (never in front of the user)."""
    raw = repr(error)
    if len(raw) > RAW_DETAIL_LENGTH:
        raw = raw[: RAW_DETAIL_LENGTH - 1] + "…"
    code = getattr(error, "sqlite_errorname", None)
    logger.warning("%s %s failed (%s): %s", what, database, code or type(error).__name__, raw)


def store_error(error: BaseException, database: Path, what: str = "Using") -> StoreWriteError:
    """The typed error, with a translated message, for ``error`` raised about ``database``.

    Args:
        error: what SQLite (or decoding its data) raised.
        database: the SQLite file concerned.
        what: a word for the log saying what was being done ("Saving", "Closing", ...).

    Returns:
        A :class:`StoreWriteError` subclass chosen by :func:`classify`, ``error`` as its cause.
    """
    log_raw(error, database, what)
    problem = classify(error, database)
    if problem is StoreProblem.OTHER:
        message = problem_sentence(problem, database)
    else:
        message = _("{problem} Nothing was changed.").format(
            problem=problem_sentence(problem, database)
        )
    typed = _ERROR_TYPES[problem](message)
    typed.__cause__ = error
    return typed


def require_free_space(folder: Path, database: Path) -> None:
    """Refuse to start on a disk too full for SQLite to open anything, before touching a file.

    Raises:
        DiskFullError: with how much to free.
    """
    free = _free_bytes(folder)
    if free is not None and free < MIN_FREE_BYTES:
        logger.warning("Only %d bytes free on %s", free, folder)
        raise DiskFullError(problem_sentence(StoreProblem.DISK_FULL, database))


def _header_problems(path: Path) -> list[str]:
    """Damage SQLite's checks miss or misread: an empty file, a spoilt 100-byte header."""
    with path.open("rb") as stream:
        header = stream.read(100)
    if not header:
        return [EMPTY_FILE]
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return [HEADER_PREFIX + "not an SQLite file"]
    page_size = int.from_bytes(header[16:18], "big")
    if page_size != 1 and (page_size < 512 or page_size & (page_size - 1)):
        return [HEADER_PREFIX + f"page size {page_size}"]
    # File format versions (1 legacy, 2 WAL): a flipped bit here makes SQLite silently treat
    # the file as read-only, or refuse it.
    if header[18] not in (1, 2) or header[19] not in (1, 2):
        return [HEADER_PREFIX + f"format versions {header[18]}, {header[19]}"]
    if header[21:24] != b"\x40\x20\x20":
        return [HEADER_PREFIX + "payload fractions"]
    return _schema_header_problems(header)


def _schema_header_problems(header: bytes) -> list[str]:
    """The schema format and text encoding, which SQLite only reports as "unsupported file
    format" (not a damage code) when a bit of them flips."""
    if int.from_bytes(header[28:32], "big") == 0:
        return []  # no page written yet: the two fields below are still zero
    if int.from_bytes(header[44:48], "big") not in (1, 2, 3, 4):
        return [HEADER_PREFIX + "schema format"]
    if int.from_bytes(header[56:60], "big") not in (1, 2, 3):
        return [HEADER_PREFIX + "text encoding"]
    return []


def _damage_or_raise(error: sqlite3.Error | OSError, path: Path) -> list[str]:
    if classify(error, path) is StoreProblem.DAMAGED:
        return [str(error)]
    raise store_error(error, path, "Checking")


def _run_check(path: Path, pragma: str) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
    try:
        rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    finally:
        connection.close()
    return [" ".join(str(row[0]).split()) for row in rows if row[0] != "ok"]


def check_database(path: Path, thorough: bool = False) -> list[str]:
    """Damage found in ``path`` (empty when healthy), as technical details for the log.

    Args:
        path: the SQLite file.
        thorough: run ``integrity_check`` (before exports and backups) rather than the faster
            ``quick_check`` (at start-up).

    Raises:
        StoreWriteError: a subclass (``DiskFullError``, ``ReadOnlyStoreError``, ...) when the file
            could not be checked for a reason that is not damage; the file is untouched.
    """
    if not thorough:
        early = early_result(path)
        if early is not None:
            return early
    return run_check(path, thorough)


def run_check(path: Path, thorough: bool = False) -> list[str]:
    """:func:`check_database` without looking for an early start-up check's result."""
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        problems = _header_problems(path) or _run_check(path, pragma)
    except (sqlite3.Error, OSError) as error:
        problems = _damage_or_raise(error, path)
    except UnicodeDecodeError as error:  # SQLite's own structures hold bytes that are not text
        problems = [f"undecodable text: {error}"]
    if problems:
        logger.warning("%s of %s found: %s", pragma, path, "; ".join(problems[:20]))
    return problems


def describe_damage(problems: list[str]) -> str:
    """A short translated phrase for what :func:`check_database` found."""
    if problems[0] == EMPTY_FILE:
        return _("the file is empty")
    if problems[0].startswith(HEADER_PREFIX) or "not a database" in problems[0]:
        return _("the file is no longer a readable database")
    return ngettext(
        "the check found {count} problem", "the check found {count} problems", len(problems)
    ).format(count=format_number(len(problems)))


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


def put_back(path: Path, kept: Path | None) -> None:
    """Undo a replacement of ``path``: the file ``move_aside`` kept as ``kept`` (and its WAL
    files) takes its name again; with None there was none, and ``path`` is removed."""
    for suffix in SIDE_FILES:
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    if kept is None:
        path.unlink(missing_ok=True)
        return
    for suffix in SIDE_FILES:
        side = kept.with_name(kept.name + suffix)
        if side.exists():
            os.replace(side, path.with_name(path.name + suffix))
    os.replace(kept, path)
    fsync_folder(path.parent)
