"""The few SQL spellings that differ between SQLite and PostgreSQL, for the lists written in SQL.

JSON paths are given as keys (``"scope", "regions", 0``); a key that starts with ``:`` is a
bound parameter (the key comes from the query, e.g. the user's language).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from acsg_desktop.core.store.sql_text import use_text_functions, use_text_functions_for

PathKey = str | int


def _sqlite_path(keys: tuple[PathKey, ...]) -> str:
    path, dynamic = "'$", []
    for key in keys:
        if isinstance(key, int):
            path += f"[{key}]"
        elif key.startswith(":"):
            dynamic.append(key)
            path += ".' || " + key + " || '"
        else:
            path += f".{key}"
    return (path + "'").replace(" || ''", "")


def _postgres_path(keys: tuple[PathKey, ...]) -> str:
    items = [
        f"CAST({key} AS text)" if isinstance(key, str) and key.startswith(":") else f"'{key}'"
        for key in keys
    ]
    return "ARRAY[" + ", ".join(items) + "]::text[]"


class SqlDialect:
    """SQL fragments for one database kind."""

    def __init__(self, name: str) -> None:
        self.postgres = name == "postgresql"

    def json_text(self, column: str, *keys: PathKey) -> str:
        """The value at ``keys`` in the JSON ``column``, as text (NULL when missing)."""
        if self.postgres:
            return f"({column} #>> {_postgres_path(keys)})"
        return f"json_extract({column}, {_sqlite_path(keys)})"

    def json_flag(self, column: str, *keys: PathKey) -> str:
        """True when the value at ``keys`` is JSON ``true`` (or a non-zero number)."""
        value = self.json_text(column, *keys)
        if self.postgres:
            return f"coalesce({value} NOT IN ('false', '0', 'null', ''), false)"
        return f"coalesce({value}, 0) != 0"

    def json_elements(self, column: str, *keys: PathKey, alias: str = "e") -> str:
        """A FROM item listing the items of the JSON array at ``keys`` as ``alias.value``."""
        if self.postgres:
            array = f"({column} #> {_postgres_path(keys)})" if keys else f"CAST({column} AS jsonb)"
            return (
                f"jsonb_array_elements_text(CASE WHEN jsonb_typeof({array}) = 'array' "
                f"THEN {array} ELSE '[]'::jsonb END) AS {alias}(value)"
            )
        path = f", {_sqlite_path(keys)}" if keys else ""
        return f"json_each({column}{path}) AS {alias}"

    def json_rows(self, parameter: str, columns: tuple[str, ...]) -> str:
        """A SELECT of the rows of ``parameter``, a JSON array of arrays, one text column
        per name in ``columns`` (a JSON null gives NULL): a table passed as one value."""
        if self.postgres:
            cells = ", ".join(f"r ->> {n} AS {name}" for n, name in enumerate(columns))
            return f"SELECT {cells} FROM jsonb_array_elements(CAST({parameter} AS jsonb)) AS t(r)"
        cells = ", ".join(
            f"json_extract(value, '$[{n}]') AS {name}" for n, name in enumerate(columns)
        )
        return f"SELECT {cells} FROM json_each({parameter})"

    def context_applies(self, contexts: str, key: str) -> str:
        """True unless the JSON object ``contexts`` (may be '') answers ``key`` with false."""
        if self.postgres:
            return f"coalesce(({contexts} ->> {key}) NOT IN ('false', '0'), true)"
        return (
            f"coalesce(json_extract(coalesce(nullif({contexts}, ''), '{{}}'), "
            f"'$.\"' || {key} || '\"'), 1) != 0"
        )

    def trim_chars(self, expression: str, characters: str) -> str:
        """``expression`` without the ``characters`` (a bound parameter) at either end."""
        function = "btrim" if self.postgres else "trim"
        return f"{function}({expression}, {characters})"

    def contains(self, haystack: str, needle: str) -> str:
        """True when the text ``needle`` occurs in ``haystack``."""
        function = "strpos" if self.postgres else "instr"
        return f"{function}({haystack}, {needle}) > 0"

    def use_text_functions(self, session: Session) -> None:
        """``acsg_casefold``/``acsg_fold`` in this session's SQL (PostgreSQL has them stored)."""
        if not self.postgres:
            use_text_functions(session)

    def use_text_functions_for(self, session: Session, sql: str) -> None:
        """The same, only when ``sql`` calls one of them."""
        if not self.postgres:
            use_text_functions_for(session, sql)


def dialect_of(session: Session) -> SqlDialect:
    """The SQL spellings for the database behind ``session``."""
    return SqlDialect(session.get_bind().dialect.name)
