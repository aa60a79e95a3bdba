"""Copying every row of one database into another, empty one (a laptop's SQLite file into the
office server's PostgreSQL database, and back), keeping the ids, the audit chain and the
package numbers.

The whole copy is one transaction on the target, checked before it is committed: the target
held nothing, every row arrived, and the target's audit chain verifies and ends where the
source's does. Any failure rolls it back and leaves the target as empty as it was.

Rows go through the tables' column types, so times and JSON convert between SQLite's text and
PostgreSQL's ``timestamptz`` and ``jsonb``. The search index of the guides follows by itself:
SQLite's FTS5 triggers fill it, PostgreSQL's generated column computes it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Integer, Table, func, insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from acsg_desktop.core.audit.chain import ChainCheck, verify_chain
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _, format_number
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.column_types import JsonText
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.rows import Base

logger = logging.getLogger(__name__)

BATCH = 500
# Called after each batch with the table's name, the rows copied so far and the table's rows.
Progress = Callable[[str, int, int], None]
Convert = Callable[[Any], Any]


class CopyRefusedError(AcsgError):
    """The copy was not started (the target holds data, the source's audit log is broken)."""


class CopyFailedError(AcsgError):
    """The copy stopped part way; its transaction was rolled back, the target is unchanged."""


@dataclass(frozen=True)
class CopyOutcome:
    """Rows copied per table (in copy order) and the target's audit chain, verified."""

    counts: dict[str, int]
    chain: ChainCheck


def tables() -> Sequence[Table]:
    """Every table of the app, parents before children (foreign-key order)."""
    return Base.metadata.sorted_tables


def row_counts(session: Session) -> dict[str, int]:
    """Rows in each table, seen from ``session``'s transaction."""
    return {
        table.name: int(session.scalar(select(func.count()).select_from(table)) or 0)
        for table in tables()
    }


def refuse_holdings(counts: Mapping[str, int], location: str) -> None:
    """Refuse a target that holds any row, naming what it holds.

    Raises:
        CopyRefusedError: some table of the target has rows.
    """
    held = [
        _("{table}: {count}").format(table=name, count=format_number(count))
        for name, count in counts.items()
        if count
    ]
    if held:
        raise CopyRefusedError(
            _(
                "The target {target} already holds data ({held}). Data is only copied into an "
                "empty database: nothing was copied. Copy into a new data folder, or into a new "
                "database of the office server."
            ).format(target=location, held=", ".join(held))
        )


def _column_default(column: Column[Any]) -> Any:
    default = column.default
    return getattr(default, "arg", None) if default is not None and default.is_scalar else None


def _json_to_server(column: Column[Any]) -> Convert:
    """SQLite's JSON text for ``jsonb``: '' is the column's default; text that is not JSON
    (such as '1,2') is kept as a JSON string, which the app reads back unchanged."""
    default = _column_default(column)

    def convert(value: Any) -> Any:
        if value is None:
            return None
        if value == "" and default is not None:
            return default
        try:
            json.loads(value)
        except ValueError:
            return json.dumps(value, ensure_ascii=False)
        return value

    return convert


def _json_to_file(column: Column[Any]) -> Convert:
    """``jsonb`` null (what revision 0015 made of '') back into a NOT NULL text column."""
    default = _column_default(column)
    fallback = default if default is not None else ""

    def convert(value: Any) -> Any:
        return fallback if value is None and not column.nullable else value

    return convert


def _converters(table: Table, to_server: bool) -> dict[str, Convert]:
    make = _json_to_server if to_server else _json_to_file
    return {
        column.name: make(column) for column in table.columns if isinstance(column.type, JsonText)
    }


def _first_line(error: DBAPIError) -> str:
    words = str(error.orig or error).strip().splitlines()
    return words[0] if words else type(error).__name__


def _insert(writing: Session, table: Table, rows: list[dict[str, Any]], target: str) -> None:
    try:
        writing.execute(insert(table), rows)
    except DBAPIError as error:
        logger.warning("Copying %s into %s failed: %s", table.name, target, error)
        raise CopyFailedError(
            _(
                "The copy stopped at the table {table}: {reason}. Nothing was written to {target}."
            ).format(table=table.name, reason=_first_line(error), target=target)
        ) from error


@dataclass(frozen=True)
class _Copy:
    reading: Session
    writing: Session
    target: str
    progress: Progress | None


def _copy_table(copy: _Copy, table: Table, total: int) -> int:
    reading, writing = copy.reading, copy.writing
    converters = _converters(table, writing.get_bind().dialect.name == "postgresql")
    query = select(table).order_by(*table.primary_key.columns).execution_options(yield_per=BATCH)
    copied = 0
    for batch in reading.execute(query).partitions():
        rows = [_converted(row._mapping, converters) for row in batch]
        _insert(writing, table, rows, copy.target)
        copied += len(rows)
        if copy.progress is not None:
            copy.progress(table.name, copied, total)
    return copied


def _converted(row: Mapping[Any, Any], converters: Mapping[str, Convert]) -> dict[str, Any]:
    values = {str(getattr(key, "name", key)): value for key, value in row.items()}
    for name, convert in converters.items():
        values[name] = convert(values[name])
    return values


def _reset_sequences(writing: Session) -> None:
    """On PostgreSQL, let each serial id go on after the highest id copied."""
    quote = writing.get_bind().dialect.identifier_preparer.quote
    for table in tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer) or not keys[0].autoincrement:
            continue
        name, column = quote(table.name), quote(keys[0].name)
        writing.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:table, :column), "
                f"coalesce(max({column}), 1), max({column}) IS NOT NULL) FROM {name}"
            ),
            {"table": name, "column": keys[0].name},
        )


def _chain(session: Session) -> ChainCheck:
    return verify_chain(AuditRepository(session).entries())


def _check_copied_chain(source: ChainCheck, writing: Session, target: str) -> ChainCheck:
    """The target's chain, verified; it must end as the source's, on the same entry."""
    copied = _chain(writing)
    if copied != source:
        raise CopyFailedError(
            _(
                "The audit log copied into {target} does not verify as the original does "
                "(entry {entry}): nothing was written to it."
            ).format(target=target, entry=copied.broken_entry or copied.entries)
        )
    return copied


def refuse_broken_source(reading: Session, location: str) -> ChainCheck:
    """The source's audit chain, verified: an altered one is not copied (as a restore refuses
    such a backup).

    Raises:
        CopyRefusedError: the source's chain breaks at some entry.
    """
    chain = _chain(reading)
    if not chain.ok:
        raise CopyRefusedError(
            _(
                "The audit log of {source} was altered: its chain breaks at entry {entry}. "
                "Nothing was copied."
            ).format(source=location, entry=chain.broken_entry)
        )
    return chain


def copy_rows(source: Database, target: Database, progress: Progress | None = None) -> CopyOutcome:
    """Copy every row of ``source`` into the empty ``target``, in one checked transaction.

    Raises:
        CopyRefusedError: the target holds data, or the source's audit log is broken.
        CopyFailedError: a row was refused, or the copy does not verify; nothing was kept.
        StoreWriteError: either database failed (a subclass says why); nothing was kept.
    """
    with source.unit_of_work() as reading, target.unit_of_work() as writing:
        refuse_holdings(row_counts(writing), target.location)
        source_chain = refuse_broken_source(reading, source.location)
        totals = row_counts(reading)
        copy = _Copy(reading, writing, target.location, progress)
        counts = {table.name: _copy_table(copy, table, totals[table.name]) for table in tables()}
        _refuse_missing_rows(counts, totals, target.location)
        if writing.get_bind().dialect.name == "postgresql":
            _reset_sequences(writing)
        chain = _check_copied_chain(source_chain, writing, target.location)
    return CopyOutcome(counts, chain)


def _refuse_missing_rows(counts: Mapping[str, int], totals: Mapping[str, int], target: str) -> None:
    missing = [name for name, count in counts.items() if totals[name] != count]
    if missing:
        raise CopyFailedError(
            _(
                "Not every row of the table {table} was copied into {target}: nothing was "
                "written to it."
            ).format(table=", ".join(missing), target=target)
        )
