"""The backups of a data folder as a person chooses among them: when, why, how large."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from acsg_desktop.core.store.rotation import _stamp


@dataclass(frozen=True)
class BackupEntry:
    """One backup file, with what its name and size say about it."""

    path: Path
    made_at: datetime
    size: int
    reason: str  # manual, auto, before-guides, before-offers, before-<revision>, ...


def _reason(path: Path) -> str:
    """What follows the time in ``acsg-20261129-140501-123456-<reason>.sqlite3``."""
    parts = path.stem.split("-")
    return "-".join(parts[4:]) if len(parts) > 4 else ""


def describe_backups(paths: list[Path]) -> list[BackupEntry]:
    """``paths`` (newest first) as entries; a file that vanished meanwhile is left out."""
    entries = []
    for path in paths:
        try:
            status = path.stat()
        except OSError:
            continue
        made_at = _stamp(path) or datetime.fromtimestamp(status.st_mtime)
        entries.append(BackupEntry(path, made_at, status.st_size, _reason(path)))
    return entries
