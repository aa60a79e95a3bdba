"""The people of the authority (drafters, reviewers, signatories)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from acsg_desktop.core.store.dialect import dialect_of
from acsg_desktop.core.store.rows import PersonRow
from acsg_desktop.core.store.sql_text import folded


class PersonRepository:
    """Names, roles (kept comma-separated) and passphrase hashes of the authority's users."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def people(self) -> list[tuple[str, tuple[str, ...]]]:
        """(name, roles) of everyone, alphabetically."""
        dialect_of(self._session).use_text_functions(self._session)
        rows = self._session.execute(
            select(PersonRow.name, PersonRow.role).order_by(folded(PersonRow.name))
        )
        return [(name, tuple(r for r in role.split(",") if r)) for name, role in rows]

    def set_roles(self, name: str, roles: list[str]) -> None:
        """Add ``name`` with ``roles``, or replace the roles of someone already listed."""
        row = self._session.scalar(select(PersonRow).where(PersonRow.name == name))
        if row is None:
            row = PersonRow(name=name, created_at=datetime.now(UTC).replace(tzinfo=None))
            self._session.add(row)
        row.role = ",".join(roles)

    def passphrase_hash(self, name: str) -> str | None:
        """The stored hash of ``name``'s passphrase, or None when none is set."""
        return self._session.scalar(select(PersonRow.passphrase_hash).where(PersonRow.name == name))

    def with_passphrase(self) -> set[str]:
        """The names of everyone who has set a passphrase."""
        rows = self._session.scalars(
            select(PersonRow.name).where(PersonRow.passphrase_hash.is_not(None))
        )
        return set(rows)

    def set_passphrase_hash(self, name: str, value: str) -> None:
        row = self._session.scalar(select(PersonRow).where(PersonRow.name == name))
        if row is not None:
            row.passphrase_hash = value

    def ensure(self, name: str, roles: list[str]) -> None:
        """Add ``name`` with ``roles`` unless someone of that name is already listed."""
        exists = self._session.scalar(select(PersonRow.id).where(PersonRow.name == name))
        if exists is None:
            self.set_roles(name, roles)

    def server_login(self) -> str | None:
        """The PostgreSQL login of this session on an office server; None on SQLite."""
        if self._session.get_bind().dialect.name != "postgresql":
            return None
        return str(self._session.scalar(text("SELECT current_user")))

    def name_of_login(self, login: str) -> str | None:
        """The person whose server login is ``login``."""
        return self._session.scalar(select(PersonRow.name).where(PersonRow.login == login))

    def any_login(self) -> bool:
        """True once someone has a server login."""
        return (
            self._session.scalar(select(PersonRow.id).where(PersonRow.login.is_not(None)))
            is not None
        )

    def set_login(self, name: str, login: str) -> None:
        row = self._session.scalar(select(PersonRow).where(PersonRow.name == name))
        if row is not None:
            row.login = login
