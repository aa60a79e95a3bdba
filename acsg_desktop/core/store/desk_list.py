"""The desk's received packages, one page at a time, sorted in SQL; a line never reads the
package's data (its ``document`` is the whole package.json), nor a column stored after it (SQLite
would walk the document's pages to reach it)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from acsg_desktop.core.records.desk import PackageState
from acsg_desktop.core.records.list_rows import PageOrder, ReceivedListRow
from acsg_desktop.core.store.sql_text import FOLD, labelled, use_text_functions_for

COLUMNS = (
    "id, package_id, country, authority, sequence, received_at, state, reason, certified, "
    "signer, signer_fingerprint"
)
NEWEST_FIRST = "received_at DESC, id DESC"
_PLAIN = {"sequence": "sequence", "received": "received_at", "certified": "certified"}
_TEXTS = {"authority": "authority", "signer": "signer"}
_CODED = {"country": "country", "state": "state"}  # sorted by their labels (the caller's)


def _order_sql(order: PageOrder, labels: Mapping[str, str]) -> tuple[str, dict[str, Any]]:
    direction = " DESC" if order.descending else ""
    if order.key in _PLAIN:
        return f"{_PLAIN[order.key]}{direction}, {NEWEST_FIRST}", {}
    if order.key in _TEXTS:
        return f"{FOLD}({_TEXTS[order.key]}){direction}, {NEWEST_FIRST}", {}
    if order.key in _CODED:
        sql, params = labelled(_CODED[order.key], labels)
        return f"{sql}{direction}, {NEWEST_FIRST}", params
    return NEWEST_FIRST, {}


def _row(values: Any) -> ReceivedListRow:
    number, package_id, country, authority, sequence, received, state, *rest = values
    reason, certified, signer, fingerprint = rest
    return ReceivedListRow(
        id=int(number),
        package_id=str(package_id),
        country=str(country),
        authority=str(authority),
        sequence=int(sequence),
        received_at=received
        if isinstance(received, datetime)
        else datetime.fromisoformat(received),
        state=PackageState(state),
        reason=str(reason),
        certified=bool(certified),
        signer=str(signer),
        signer_fingerprint=str(fingerprint),
    )


def received_page(
    session: Session, offset: int, limit: int, order: PageOrder, labels: Mapping[str, str]
) -> list[ReceivedListRow]:
    """Packages ``offset`` to ``offset + limit`` in ``order`` (default: newest first);
    ``labels`` gives the words the country or state column sorts by."""
    order_sql, params = _order_sql(order, labels)
    use_text_functions_for(session, order_sql)
    rows = session.execute(
        text(
            f"SELECT {COLUMNS} FROM desk_package ORDER BY {order_sql} LIMIT :limit OFFSET :offset"
        ),
        {**params, "limit": limit, "offset": offset},
    )
    return [_row(values) for values in rows]


def received_count(session: Session) -> int:
    return int(session.execute(text("SELECT count(*) FROM desk_package")).scalar_one())
