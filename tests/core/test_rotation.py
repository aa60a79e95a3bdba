from datetime import datetime, timedelta
from pathlib import Path

from acsg_desktop.core.store.rotation import AUTO, automatic_backups, backup_if_due, rotate
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD


def fake_backup(folder: Path, when: datetime, reason: str = AUTO) -> Path:
    path = folder / f"acsg-{when.strftime('%Y%m%d-%H%M%S-%f')}-{reason}.sqlite3"
    path.write_bytes(b"x")
    return path


def test_rotation_keeps_daily_weekly_monthly_and_never_other_backups(tmp_path: Path) -> None:
    start = datetime(2026, 1, 1, 9, 0)
    for hours in range(0, 24 * 330, 6):  # four a day for eleven months
        fake_backup(tmp_path, start + timedelta(hours=hours))
    migration = fake_backup(tmp_path, start, reason="before-0006")
    rotate(tmp_path)
    kept = [when for when, _path in automatic_backups(tmp_path)]
    assert len(kept) <= 12 + 10 + 9
    newest = start + timedelta(hours=24 * 330 - 6)
    assert kept[0] == newest  # the newest is always kept
    recent_days = {newest.date() - timedelta(days=days) for days in range(12)}
    assert recent_days <= {when.date() for when in kept}
    assert (kept[0] - kept[-1]).days > 230  # about nine months back are still covered
    assert migration.exists()


def test_a_backup_is_taken_only_after_a_change_and_thirty_minutes(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        assert workspace.backup_if_due() is None  # nothing changed yet
        workspace.profiles.save(CHAD)
        first = workspace.backup_if_due()
        assert first is not None and first.exists()
        workspace.profiles.save(CHAD)
        assert workspace.backup_if_due() is None  # less than 30 minutes later
    later = datetime.now() + timedelta(minutes=31)
    assert backup_if_due(first, tmp_path / "b2", changed=True, now=later) is not None
