"""Python's text rules inside SQL, so lists filter and sort as Python would (SQLite's own
``lower()`` and ``NOCASE`` fold ASCII letters only: "État" would sort after "Zone")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from acsg_desktop.core.i18n import fold

CASEFOLD = "acsg_casefold"  # str.casefold: for "the title contains these words"
FOLD = "acsg_fold"  # case and accents folded: for sorting words as a reader expects


def _casefold(value: object) -> str:
    return str(value or "").casefold()


def _fold(value: object) -> str:
    return fold(str(value or ""))


def use_text_functions(session: Session) -> None:
    """Make ``acsg_casefold(x)`` and ``acsg_fold(x)`` callable in this session's SQL."""
    driver = session.connection().connection.driver_connection
    driver.create_function(CASEFOLD, 1, _casefold, deterministic=True)  # type: ignore[union-attr]
    driver.create_function(FOLD, 1, _fold, deterministic=True)  # type: ignore[union-attr]


def use_text_functions_for(session: Session, sql: str) -> None:
    """The text functions in this session when ``sql`` calls one: a list that sorts by a
    number leaves the connection as it is."""
    if FOLD in sql or CASEFOLD in sql:
        use_text_functions(session)


def folded(column: Any) -> ColumnElement[str]:
    """``column`` case- and accent-folded, to sort by (``use_text_functions`` first)."""
    result: ColumnElement[str] = getattr(func, FOLD)(column)
    return result


def labelled(expression: str, labels: Mapping[str, str]) -> tuple[str, dict[str, Any]]:
    """SQL for the label of the code ``expression`` gives (the code itself when ``labels`` has
    none), folded for sorting; ``labels`` maps codes to their words in the current language."""
    cases: list[str] = []
    params: dict[str, Any] = {}
    for number, (code, label) in enumerate(labels.items()):
        cases.append(f"WHEN :code{number} THEN :label{number}")
        params |= {f"code{number}": code, f"label{number}": label}
    if not cases:
        return f"{FOLD}({expression})", params
    return f"{FOLD}(CASE {expression} {' '.join(cases)} ELSE {expression} END)", params
