"""The actions of assessments' action plans in the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from acsg_desktop.core.records.actions import ActionContent, ActionStatus, PlannedAction
from acsg_desktop.core.records.list_rows import PageOrder
from acsg_desktop.core.store.assessment_repository import utc_now
from acsg_desktop.core.store.dialect import dialect_of
from acsg_desktop.core.store.rows import PlanActionRow
from acsg_desktop.core.store.sql_text import folded

_STATUS_ORDER = case(
    {status.value: rank for rank, status in enumerate(ActionStatus)},
    value=PlanActionRow.status,
    else_=len(ActionStatus),
)
# Sort keys of the action plan's list; each ends with the id, so pages never overlap.
SORT_KEYS: dict[str, tuple[Any, ...]] = {
    "": (PlanActionRow.due, PlanActionRow.id),
    "due": (PlanActionRow.due, PlanActionRow.id),
    "status": (_STATUS_ORDER, PlanActionRow.due, PlanActionRow.id),
    "gap": (PlanActionRow.indicator_id, PlanActionRow.due, PlanActionRow.id),
    "owner": (folded(PlanActionRow.owner), PlanActionRow.due, PlanActionRow.id),
}


def _action(row: PlanActionRow) -> PlannedAction:
    return PlannedAction(
        id=row.id,
        assessment_id=row.assessment_id,
        content=ActionContent(row.indicator_id, row.description, row.owner, row.due),
        status=ActionStatus(row.status),
        created_by=row.created_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


class ActionRepository:
    """Reads and writes plan actions; returns plain objects, never rows."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, assessment_id: int, content: ActionContent, actor: str) -> int:
        now = utc_now()
        row = PlanActionRow(
            assessment_id=assessment_id,
            indicator_id=content.gap,
            description=content.description,
            owner=content.owner,
            due=content.due,
            status=ActionStatus.PLANNED.value,
            created_by=actor,
            created_at=now,
            updated_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def get(self, action_id: int, for_update: bool = False) -> PlannedAction | None:
        """One action; ``for_update`` locks its row (servers)."""
        row = self._session.get(PlanActionRow, action_id, with_for_update=for_update)
        return _action(row) if row else None

    def save(
        self, action_id: int, content: ActionContent, status: ActionStatus | None = None
    ) -> None:
        """Write ``content`` (and ``status`` when given); the version goes up by one."""
        row = self._session.get(PlanActionRow, action_id)
        if row is None:
            return
        row.indicator_id, row.description = content.gap, content.description
        row.owner, row.due = content.owner, content.due
        if status is not None:
            row.status = status.value
        row.updated_at = utc_now()
        row.version += 1
        self._session.flush()

    def delete(self, action_id: int) -> None:
        row = self._session.get(PlanActionRow, action_id)
        if row is not None:
            self._session.delete(row)
            self._session.flush()

    def page(
        self,
        assessment_id: int,
        offset: int,
        limit: int,
        order: PageOrder = PageOrder(),  # noqa: B008 (frozen)
        status: ActionStatus | None = None,
    ) -> list[PlannedAction]:
        """Actions of ``assessment_id`` (only those of ``status`` when given), sorted in SQL."""
        keys = SORT_KEYS.get(order.key, SORT_KEYS[""])
        dialect_of(self._session).use_text_functions(self._session)  # the owner, as read
        first, rest = keys[0], keys[1:]
        query = select(PlanActionRow).where(PlanActionRow.assessment_id == assessment_id)
        if status is not None:
            query = query.where(PlanActionRow.status == status.value)
        query = query.order_by(first.desc() if order.descending else first, *rest)
        rows = self._session.scalars(query.offset(offset).limit(limit))
        return [_action(row) for row in rows]

    def all_of(self, assessment_id: int) -> list[PlannedAction]:
        """The whole plan of ``assessment_id``, by due date."""
        query = select(PlanActionRow).where(PlanActionRow.assessment_id == assessment_id)
        rows = self._session.scalars(query.order_by(*SORT_KEYS[""]))
        return [_action(row) for row in rows]

    def count(self, assessment_id: int) -> int:
        query = select(func.count()).where(PlanActionRow.assessment_id == assessment_id)
        return int(self._session.scalar(query) or 0)
