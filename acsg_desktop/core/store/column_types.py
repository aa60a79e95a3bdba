"""Column types that behave the same on SQLite and PostgreSQL.

Times: stored as ``timestamp with time zone`` on PostgreSQL (SQLite has no such type); the app
works in UTC, and gets the same naive UTC ``datetime`` back from both. JSON: ``jsonb`` on
PostgreSQL, text on SQLite; repositories read and write JSON text on both.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect, Text, TypeDecorator
from sqlalchemy.types import TypeEngine


def as_utc_naive(value: Any) -> datetime | None:
    """``value`` (a datetime, an ISO text or None) as a naive UTC datetime."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in UTC: ``timestamptz`` on PostgreSQL, naive UTC in Python on both."""

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        return dialect.type_descriptor(DateTime(timezone=dialect.name == "postgresql"))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        moment = as_utc_naive(value)
        if moment is not None and dialect.name == "postgresql":
            return moment.replace(tzinfo=UTC)
        return moment

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return as_utc_naive(value)


def json_text(value: Any) -> str:
    """A JSON value read by raw SQL (text on SQLite, decoded already on PostgreSQL) as text."""
    if value is None or isinstance(value, str):
        return value or ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def json_value(value: Any) -> Any:
    """A JSON value read by raw SQL, decoded."""
    return json.loads(value) if isinstance(value, str) else value


class JsonText(TypeDecorator[str]):
    """JSON kept as text by the repositories: ``jsonb`` on PostgreSQL, text on SQLite."""

    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB  # 75 ms: servers only

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(Text())

    def process_bind_param(self, value: str | None, dialect: Dialect) -> Any:
        if value is None or dialect.name != "postgresql":
            return value
        return json.loads(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return json_text(value)
