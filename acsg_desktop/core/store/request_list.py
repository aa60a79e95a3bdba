"""The requests list, one page at a time: filtered and sorted in SQL.

Only what a line shows is read: the support types out of the JSON content, the completeness the
requests service keeps beside it (the list never checks a request to show it).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from acsg_desktop.core.records.list_rows import PageOrder, RequestFilter, RequestListRow
from acsg_desktop.core.records.requests import MatchStage, RequestStatus, SupportType
from acsg_desktop.core.store.column_types import as_utc_naive
from acsg_desktop.core.store.dialect import dialect_of
from acsg_desktop.core.store.sql_text import CASEFOLD, FOLD

ORDERS = {
    "id": "id",
    "title": f"{FOLD}(title)",  # as a reader sorts: "État" among the E
    "status": "status",
    "stage": "coalesce(match_stage, '')",
    "types": "{types}",
    "complete": "coalesce(completeness, -1)",
    "updated": "updated_at",
}
_TYPES = frozenset(kind.value for kind in SupportType)  # unknown ones are dropped, as decoding does


def filter_sql(session: Session, request_filter: RequestFilter) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (" WHERE ..." or "") and its values for ``request_filter``."""
    clauses, params, sql = [], {}, dialect_of(session)
    if request_filter.status is not None:
        clauses.append("status = :status")
        params["status"] = request_filter.status.value
    if request_filter.area:
        clauses.append(
            f"EXISTS (SELECT 1 FROM {sql.json_elements('content', 'areas')} WHERE value = :area)"
        )
        params["area"] = request_filter.area
    if request_filter.support_type is not None:
        clauses.append(
            f"EXISTS (SELECT 1 FROM {sql.json_elements('content', 'support_types')} "
            "WHERE value = :type)"
        )
        params["type"] = request_filter.support_type.value
    words = request_filter.text.casefold().strip()
    if words:
        sql.use_text_functions(session)
        clauses.append(sql.contains(f"{CASEFOLD}(title)", ":words"))
        params["words"] = words
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _order_sql(order: PageOrder, types: str) -> str:
    if order.key not in ORDERS:
        return "id DESC"
    direction = " DESC" if order.descending else ""
    return f"{ORDERS[order.key].format(types=types)}{direction}, id{direction}"


def _row(values: Any) -> RequestListRow:
    request_id, title, status, stage, updated, types, completeness = values
    return RequestListRow(
        id=int(request_id),
        title=str(title),
        status=RequestStatus(status),
        match_stage=MatchStage(stage) if stage else None,
        support_types=tuple(SupportType(k) for k in json.loads(types or "[]") if k in _TYPES),
        updated_at=as_utc_naive(updated) or datetime.min,
        completeness=None if completeness is None else float(completeness),
    )


def request_page(
    session: Session, request_filter: RequestFilter, offset: int, limit: int, order: PageOrder
) -> list[RequestListRow]:
    """Rows ``offset`` to ``offset + limit`` of the filtered list in ``order``."""
    where, params = filter_sql(session, request_filter)
    sql = dialect_of(session)
    types = sql.json_text("content", "support_types")
    order_sql = _order_sql(order, types)
    sql.use_text_functions_for(session, order_sql)
    rows = session.execute(
        text(
            f"SELECT id, title, status, match_stage, updated_at, {types}, completeness "
            f"FROM support_request{where} ORDER BY {order_sql} "
            "LIMIT :limit OFFSET :offset"
        ),
        {**params, "limit": limit, "offset": offset},
    )
    return [_row(values) for values in rows]


def request_count(session: Session, request_filter: RequestFilter) -> int:
    """How many requests ``request_filter`` lets through."""
    where, params = filter_sql(session, request_filter)
    found = session.execute(text(f"SELECT count(*) FROM support_request{where}"), params)
    return int(found.scalar_one())
