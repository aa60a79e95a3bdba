"""The latest time this data folder has ever seen: the clock every signed update, receipt and
contribution is judged against, so that a clock set back cannot revive an expired file or a
revoked certificate. Light on purpose: the app notes the time at every start."""

from __future__ import annotations

from datetime import UTC, datetime

from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.setting_repository import SettingRepository

HIGHEST_TIME_SETTING = "highest_time_seen"


def note_time(database: Database, now: datetime | None = None) -> datetime:
    """Remember the latest time ever seen, and return it."""
    now = now or datetime.now(UTC)
    with database.unit_of_work() as session:
        settings = SettingRepository(session)
        stored = settings.get(HIGHEST_TIME_SETTING)
        highest = max(now, datetime.fromisoformat(stored)) if stored else now
        settings.set(HIGHEST_TIME_SETTING, highest.isoformat())
    return highest
