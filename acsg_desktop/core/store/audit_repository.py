"""Appending to and reading the audit log (in the same transaction as the change it records)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import UTC, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from acsg_desktop.core.audit.chain import GENESIS, AuditEntry, expected_hash
from acsg_desktop.core.display import escape_line
from acsg_desktop.core.errors import NotThisLoginError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.rows import AuditRow
from acsg_desktop.core.store.server_logins import may_act_as

BATCH = 500
# Built once: the audit entry is written on every saved answer.
_HEAD = select(AuditRow.id, AuditRow.hash).order_by(AuditRow.id.desc()).limit(1)
_INSERT = insert(AuditRow)
_NAMES = tuple(entry_field.name for entry_field in fields(AuditEntry))  # asdict deep-copies
# Every field of an entry in AuditEntry's order: read as plain rows, not ORM objects, since the
# whole chain is read to verify it (before each export) and objects cost ten times as much.
_FIELDS = (
    AuditRow.id,
    AuditRow.at,
    AuditRow.actor,
    AuditRow.entity,
    AuditRow.entity_id,
    AuditRow.action,
    AuditRow.old_value,
    AuditRow.new_value,
    AuditRow.reason,
    AuditRow.prev_hash,
    AuditRow.hash,
)


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        row.id,
        row.at,
        row.actor,
        row.entity,
        row.entity_id,
        row.action,
        row.old_value,
        row.new_value,
        row.reason,
        row.prev_hash,
        row.hash,
    )


class AuditRepository:
    """The audit log of one database."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def head(self) -> tuple[int, str]:
        """The number and hash of the last entry (0 and the genesis hash when empty)."""
        row = self._session.connection().execute(_HEAD).first()
        return (int(row[0]), str(row[1])) if row else (0, GENESIS)

    def append(
        self,
        actor: str,
        entity: str,
        entity_id: str,
        action: str,
        old_value: str = "",
        new_value: str = "",
        reason: str = "",
    ) -> AuditEntry:
        """Add an entry chained to the current head.

        Raises:
            NotThisLoginError: on an office server, the login may not act as ``actor`` (see
                :mod:`server_logins`); nothing of the transaction is kept.
        """
        if not may_act_as(self._session, actor):
            raise NotThisLoginError(
                _("On the office server you act under your own login only, not as {name}.").format(
                    name=escape_line(actor)
                )
            )
        last_id, prev_hash = self.head()
        entry_id = last_id + 1
        at = datetime.now(UTC).isoformat(timespec="microseconds")
        unsealed = AuditEntry(
            entry_id,
            at,
            actor,
            entity,
            entity_id,
            action,
            old_value,
            new_value,
            reason,
            prev_hash,
            "",
        )
        entry = replace(unsealed, hash=expected_hash(unsealed))
        self._session.connection().execute(_INSERT, {name: getattr(entry, name) for name in _NAMES})
        return entry

    def entries(self) -> Iterator[AuditEntry]:
        """Every entry in order, read in batches."""
        after, connection = 0, self._session.connection()
        while True:
            rows = connection.execute(
                select(*_FIELDS).where(AuditRow.id > after).order_by(AuditRow.id).limit(BATCH)
            ).all()
            if not rows:
                return
            yield from (AuditEntry(*row) for row in rows)
            after = rows[-1][0]

    def history(self, entity: str, entity_id: str) -> list[AuditEntry]:
        """Entries about one answer or request, oldest first."""
        rows = self._session.scalars(
            select(AuditRow)
            .where(AuditRow.entity == entity, AuditRow.entity_id == entity_id)
            .order_by(AuditRow.id)
        )
        return [_entry(row) for row in rows]

    def latest(self, entity: str, entity_id: str) -> AuditEntry | None:
        """The last entry about one answer, assessment or request."""
        row = self._session.scalar(
            select(AuditRow)
            .where(AuditRow.entity == entity, AuditRow.entity_id == entity_id)
            .order_by(AuditRow.id.desc())
            .limit(1)
        )
        return _entry(row) if row else None

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(AuditRow)) or 0)
