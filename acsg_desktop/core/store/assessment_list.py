"""The assessments list, one page at a time, with completion counted in SQL.

Completion is what scoring counts (``Scores.completion``): of the indicators of the
assessment's framework version that apply given its context answers, the share with a complete
answer (a level from 1 to 5, evidence from level 3 up, a note for "not applicable", never
"not applicable" where the indicator always applies, and who answered). The framework's
indicators come in as one JSON value read as a table (a ``VALUES`` list of two hundred rows
had a thousand parameters, which SQLAlchemy parsed and bound at each page), so no assessment is
scored in Python.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from acsg_desktop.core.framework.model import LEVELS
from acsg_desktop.core.records.assessment import EVIDENCE_FROM_LEVEL, AnswerKind, AssessmentStatus
from acsg_desktop.core.records.list_rows import AssessmentListRow, PageOrder
from acsg_desktop.core.store.column_types import as_utc_naive
from acsg_desktop.core.store.dialect import SqlDialect, dialect_of
from acsg_desktop.core.store.sql_text import FOLD

# (framework id, version, indicator id, context it depends on or None, always applies)
IndicatorKey = tuple[str, str, str, str | None, bool]

# What Python's str.strip() strips, so that SQL trim() agrees with answer_problems().
WHITESPACE = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())

ORDERS = {
    "title": f"{FOLD}(title)",  # as a reader sorts: "État" among the E
    "year": "year",
    "status": "status",
    "completion": "completion",
    "framework": "framework_version",
    "updated": "updated_at",
}
DEFAULT_ORDER = "year DESC, id DESC"

_SAME_FRAMEWORK = "ind.fw = p.framework_id AND ind.ver = p.framework_version"
_COLUMNS = "p.id, p.title, p.year, p.status, p.framework_version, p.updated_at"


def _counts(sql: SqlDialect) -> str:
    applies = f"(ind.ctx IS NULL OR {sql.context_applies('p.contexts', 'ind.ctx')})"
    answered_by, evidence, note = (
        sql.trim_chars(f"n.{name}", ":ws") for name in ("answered_by", "evidence", "note")
    )
    complete = (
        f"{answered_by} != '' AND (n.kind != :level_kind OR (n.level BETWEEN "
        f":min_level AND :max_level AND (n.level < :evidence_from OR {evidence} != ''))) "
        f"AND (n.kind != :not_applicable_kind OR ({note} != '' AND ind.always = '0'))"
    )
    return (
        f"(SELECT count(*) FROM ind WHERE {_SAME_FRAMEWORK} AND {applies}) AS applicable, "
        "(SELECT count(*) FROM answer n JOIN ind ON "
        f"{_SAME_FRAMEWORK} AND ind.iid = n.indicator_id "
        f"WHERE n.assessment_id = p.id AND {applies} AND {complete}) AS answered"
    )


def _order_sql(order: PageOrder) -> str:
    if order.key not in ORDERS:
        return DEFAULT_ORDER
    direction = " DESC" if order.descending else ""
    return f"{ORDERS[order.key]}{direction}, id{direction}"


def _indicator_table(
    sql: SqlDialect, indicators: Sequence[IndicatorKey]
) -> tuple[str, dict[str, Any]]:
    rows = [
        [fw, version, indicator, context, "1" if always else "0"]
        for fw, version, indicator, context, always in indicators
    ]
    select = sql.json_rows(":indicators", ("fw", "ver", "iid", "ctx", "always"))
    return f"ind AS MATERIALIZED ({select})", {"indicators": json.dumps(rows)}


def assessment_page(
    session: Session,
    indicators: Sequence[IndicatorKey],
    offset: int,
    limit: int,
    order: PageOrder,
) -> list[AssessmentListRow]:
    """Rows ``offset`` to ``offset + limit`` of the list in ``order``; only those are counted
    (sorting by completion counts every row, in SQL)."""
    sql = dialect_of(session)
    table, params = _indicator_table(sql, indicators)
    order_sql = _order_sql(order)
    sql.use_text_functions_for(session, order_sql)
    inner = "SELECT * FROM assessment"
    if order.key != "completion":
        inner += f" ORDER BY {order_sql} LIMIT :limit OFFSET :offset"
    statement = (
        # q is materialized so that each count runs once per row, not once per use.
        f"WITH {table}, p AS ({inner}), "
        f"q AS MATERIALIZED (SELECT {_COLUMNS}, {_counts(sql)} FROM p) "
        "SELECT *, CASE WHEN applicable = 0 THEN 1.0 ELSE answered * 1.0 / applicable END "
        f"AS completion FROM q ORDER BY {order_sql} LIMIT :limit OFFSET :outer_offset"
    )
    params |= {
        "limit": limit,
        "offset": offset,
        "outer_offset": offset if order.key == "completion" else 0,
        "ws": WHITESPACE,
        "level_kind": AnswerKind.LEVEL.value,
        "not_applicable_kind": AnswerKind.NOT_APPLICABLE.value,
        "min_level": min(LEVELS),
        "max_level": max(LEVELS),
        "evidence_from": EVIDENCE_FROM_LEVEL,
    }
    rows = session.execute(text(statement), params)
    return [
        AssessmentListRow(
            id=int(r[0]),
            title=str(r[1]),
            year=int(r[2]),
            status=AssessmentStatus(r[3]),
            framework_version=str(r[4]),
            updated_at=as_utc_naive(r[5]),
            applicable=int(r[6]),
            answered=int(r[7]),
        )
        for r in rows
    ]
