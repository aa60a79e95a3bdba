"""Automatic backups: taken on the first change after 30 minutes, then thinned out like Anki's
(about 12 daily, 10 weekly and 9 monthly are kept). Backups made before a migration, a restore or
a guide import, and manual ones, are never removed here."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

from acsg_desktop.core.store.backup import backup_database

logger = logging.getLogger(__name__)

AUTO = "auto"
INTERVAL = timedelta(minutes=30)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 10, 9


def _stamp(path: Path) -> datetime | None:
    """The time in a name like ``acsg-20261129-140501-123456-auto.sqlite3``."""
    try:
        return datetime.strptime("-".join(path.stem.split("-")[1:4]), "%Y%m%d-%H%M%S-%f")
    except ValueError:
        return None


def automatic_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """Automatic backups in ``folder``, newest first."""
    found = [(_stamp(p), p) for p in folder.glob(f"acsg-*-{AUTO}.sqlite3")]
    return sorted(((when, p) for when, p in found if when), reverse=True)


def to_keep(backups: list[tuple[datetime, Path]]) -> set[Path]:
    """The newest backup of each of the last days, weeks and months (per the KEEP_ numbers)."""
    keep: set[Path] = set()
    for key, limit in (
        (lambda d: d.date(), KEEP_DAILY),
        (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
        (lambda d: (d.year, d.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for when, path in backups:  # newest first: the first of each period is its newest
            period = key(when)
            if period not in seen and len(seen) < limit:
                seen.append(period)
                keep.add(path)
    return keep


def rotate(folder: Path) -> list[Path]:
    """Remove the automatic backups no rule keeps; return what was removed.

    A backup that cannot be removed (read-only folder) is left for the next rotation: keeping
    one more backup is never a fault worth stopping for.
    """
    backups = automatic_backups(folder)
    keep = to_keep(backups)
    removed = []
    for path in (path for _when, path in backups if path not in keep):
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            logger.warning("Old backup %s not removed: %s", path, error)
            continue
        removed.append(path)
    return removed


def backup_if_due(
    database: Path, folder: Path, changed: bool, now: datetime | None = None
) -> Path | None:
    """Back up when the data changed since the last automatic backup, 30 minutes or more ago."""
    now = now or datetime.now()
    backups = automatic_backups(folder)
    last = backups[0][0] if backups else None
    if not changed or (last is not None and now - last < INTERVAL):
        return None
    made = backup_database(database, folder, AUTO)
    rotate(folder)
    return made
