"""The people of the authority (drafters, reviewers, signatories)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from acsg_desktop.core.store.rows import PersonRow


class PersonRepository:
    """Names and roles of the authority's users."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def names(self) -> list[str]:
        """Every person's name, alphabetically."""
        return list(self._session.scalars(select(PersonRow.name).order_by(PersonRow.name)))

    def ensure(self, name: str, role: str) -> None:
        """Add ``name`` with ``role`` unless someone of that name is already listed."""
        exists = self._session.scalar(select(PersonRow.id).where(PersonRow.name == name))
        if exists is None:
            now = datetime.now(UTC).replace(tzinfo=None)
            self._session.add(PersonRow(name=name, role=role, created_at=now))
