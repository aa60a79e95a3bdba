"""What a backup holds, and what restoring it would take away, said before it is applied.

A backup is the data as it was when it was taken: the answers saved, the requests changed and
the packages exported since are not in it. Reading both files (the backup and the current or
damaged database, each only with SELECTs) lets the app say so with numbers before the user
agrees; a database too damaged to be read is said to be so, not guessed at.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from acsg_desktop.core.i18n import _, format_datetime, format_number, ngettext

logger = logging.getLogger(__name__)

_COUNTS = {
    "answers": "SELECT count(*) FROM answer",
    "requests": "SELECT count(*) FROM support_request",
    "packages": "SELECT count(*) FROM package",
    "last_package": "SELECT coalesce(max(sequence), 0) FROM package",
}
_LAST_CHANGE = "SELECT at FROM audit_log ORDER BY id DESC LIMIT 1"


@dataclass(frozen=True)
class DataCounts:
    """What one database file holds, in round numbers."""

    answers: int
    requests: int
    packages: int
    last_package: int  # the highest package sequence number recorded (0: none)
    last_change: datetime | None  # the latest audit entry


def read_counts(database: Path) -> DataCounts | None:
    """The counts of ``database``, or None when it cannot be read (damaged, missing, foreign)."""
    if not database.is_file():
        return None
    # Read-write like the integrity check: a read-only connection leaves -wal and -shm behind.
    connection = sqlite3.connect(f"file:{database}?mode=rw", uri=True)
    try:
        counts = {name: int(connection.execute(sql).fetchone()[0]) for name, sql in _COUNTS.items()}
        row = connection.execute(_LAST_CHANGE).fetchone()
    except (sqlite3.Error, ValueError, TypeError) as error:
        logger.info("Could not count the contents of %s: %r", database, error)
        return None
    finally:
        connection.close()
    return DataCounts(**counts, last_change=_moment(row[0] if row else None, database))


def _moment(value: object, database: Path) -> datetime | None:
    """The time an audit entry records, or None (said as unknown) when it is not one: a
    hostile or damaged file must not stop the restore that would repair it."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value)).astimezone()
    except (ValueError, TypeError, OverflowError, OSError) as error:
        logger.info("The last audit time of %s is not a time: %r", database, error)
        return None


def restore_warning(backup: Path, current: Path | None) -> str:
    """A translated paragraph saying what restoring ``backup`` leaves out, compared with
    ``current`` (the live or damaged database) when that one can still be read."""
    kept = read_counts(backup)
    if kept is None:
        return _("The backup cannot be read to say what it holds; it is checked again first.")
    when = format_datetime(kept.last_change, "medium") if kept.last_change else _("an unknown date")
    text = _(
        "This backup holds the data as it was on {when}: {answers} answers, {requests} "
        "requests, {packages} packages. Whatever was saved after that is not in it."
    ).format(
        when=when,
        answers=format_number(kept.answers),
        requests=format_number(kept.requests),
        packages=format_number(kept.packages),
    )
    now = read_counts(current) if current is not None else None
    if now is None:
        return (
            text
            + " "
            + _(
                "The current data cannot be read to count what would be lost: answers given, "
                "requests changed and packages exported since then must be made again."
            )
        )
    return text + _lost(kept, now)


def _lost(kept: DataCounts, now: DataCounts) -> str:
    parts = []
    if now.answers > kept.answers:
        count = now.answers - kept.answers
        parts.append(
            ngettext("{count} answer", "{count} answers", count).format(count=format_number(count))
        )
    if now.requests > kept.requests:
        count = now.requests - kept.requests
        parts.append(
            ngettext("{count} request", "{count} requests", count).format(
                count=format_number(count)
            )
        )
    if not parts and now.packages <= kept.packages:
        return " " + _("The current data has nothing more than the backup.")
    text = ""
    if parts:
        text = " " + _("Compared with the current data, it lacks: {items}.").format(
            items=", ".join(parts)
        )
    if now.packages > kept.packages:
        count = now.packages - kept.packages
        text += " " + ngettext(
            "It does not record {count} package exported since (number {last}): the "
            "Secretariat may already have it.",
            "It does not record {count} packages exported since (up to number {last}): the "
            "Secretariat may already have them.",
            count,
        ).format(count=format_number(count), last=now.last_package)
    return text
