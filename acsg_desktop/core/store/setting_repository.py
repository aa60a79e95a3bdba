"""Authority-wide settings kept with the data (not per computer)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from acsg_desktop.core.store.rows import AppSettingRow


class SettingRepository:
    """Key -> text value."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str) -> str | None:
        row = self._session.get(AppSettingRow, key)
        return row.value if row else None

    def set(self, key: str, value: str) -> None:
        row = self._session.get(AppSettingRow, key)
        if row is None:
            self._session.add(AppSettingRow(key=key, value=value))
        else:
            row.value = value
