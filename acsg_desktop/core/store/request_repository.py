"""Support requests, their comments, and authority-wide settings in the database."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, case, func, literal_column, or_, select
from sqlalchemy.orm import Session

from acsg_desktop.core.records.list_rows import PageOrder, RequestFilter, RequestListRow
from acsg_desktop.core.records.request_codec import content_from_json, content_to_json
from acsg_desktop.core.records.requests import (
    Comment,
    MatchStage,
    RequestContent,
    RequestStatus,
    SupportRequest,
)
from acsg_desktop.core.store.assessment_repository import utc_now
from acsg_desktop.core.store.dialect import dialect_of
from acsg_desktop.core.store.request_list import request_count, request_page
from acsg_desktop.core.store.rows import RequestCommentRow, SupportRequestRow


def _comment(row: RequestCommentRow) -> Comment:
    return Comment(
        row.id,
        row.author,
        row.body,
        row.created_at,
        row.response,
        row.responded_by,
        row.responded_at,
    )


class RequestRepository:
    """Reads and writes requests; returns plain objects, never rows."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _request(self, row: SupportRequestRow, with_comments: bool) -> SupportRequest:
        comments: tuple[Comment, ...] = ()
        if with_comments:
            comment_rows = self._session.scalars(
                select(RequestCommentRow)
                .where(RequestCommentRow.request_id == row.id)
                .order_by(RequestCommentRow.id)
            )
            comments = tuple(_comment(comment) for comment in comment_rows)
        return SupportRequest(
            id=row.id,
            content=content_from_json(row.content),
            status=RequestStatus(row.status),
            created_by=row.created_by,
            created_at=row.created_at,
            last_editor=row.last_editor,
            updated_at=row.updated_at,
            approved_by=row.approved_by,
            approved_at=row.approved_at,
            approval_waived=row.approval_waived,
            comments=comments,
            version=row.version,
            match_stage=MatchStage(row.match_stage) if row.match_stage else None,
            match_message=row.match_message or "",
        )

    def add(self, content: RequestContent, actor: str, completeness: float) -> int:
        now = utc_now()
        row = SupportRequestRow(
            title=content.title,
            status=RequestStatus.DRAFT.value,
            content=content_to_json(content),
            completeness=completeness,
            created_by=actor,
            created_at=now,
            last_editor=actor,
            updated_at=now,
            approved_by="",
            approval_waived=False,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def delete(self, request_id: int) -> None:
        """Remove a request (its comments and offer interests go with it, by cascade)."""
        row = self._session.get(SupportRequestRow, request_id)
        if row is not None:
            self._session.delete(row)

    def get(self, request_id: int, for_update: bool = False) -> SupportRequest | None:
        """One request with its comments; ``for_update`` locks its row (servers)."""
        row = self._session.get(SupportRequestRow, request_id, with_for_update=for_update)
        return self._request(row, with_comments=True) if row else None

    def approved_for(self, assessment_id: int) -> tuple[SupportRequest, ...]:
        """Approved requests drafted for ``assessment_id`` or for no assessment, with their
        comments: two queries, whatever their number, chosen in SQL (only those are decoded)."""
        path = dialect_of(self._session).json_text("support_request.content", "assessment_id")
        drafted_for: ColumnElement[int] = literal_column(f"CAST({path} AS integer)")
        rows = self._session.scalars(
            select(SupportRequestRow)
            .where(
                SupportRequestRow.status == RequestStatus.APPROVED.value,
                or_(drafted_for.is_(None), drafted_for == assessment_id),
            )
            .order_by(SupportRequestRow.id)
        )
        return self._with_comments(list(rows))

    def with_ids(self, ids: Iterable[int]) -> tuple[SupportRequest, ...]:
        """The requests of ``ids`` that exist, by id, with their comments: two queries."""
        rows = self._session.scalars(
            select(SupportRequestRow)
            .where(SupportRequestRow.id.in_(list(ids)))
            .order_by(SupportRequestRow.id)
        )
        return self._with_comments(list(rows))

    def _with_comments(self, rows: builtins.list[SupportRequestRow]) -> tuple[SupportRequest, ...]:
        comments: dict[int, list[Comment]] = {row.id: [] for row in rows}
        for comment in self._session.scalars(
            select(RequestCommentRow)
            .where(RequestCommentRow.request_id.in_(list(comments)))
            .order_by(RequestCommentRow.id)
        ):
            comments[comment.request_id].append(_comment(comment))
        return tuple(
            replace(self._request(row, with_comments=False), comments=tuple(comments[row.id]))
            for row in rows
        )

    def list(self) -> list[SupportRequest]:
        """Every request (without comments), most recently changed first."""
        rows = self._session.scalars(
            select(SupportRequestRow).order_by(SupportRequestRow.updated_at.desc())
        )
        return [self._request(row, with_comments=False) for row in rows]

    def stage_counts(self, user: str) -> dict[str, tuple[int, int]]:
        """Status -> (requests, those ``user`` did not edit last), counted in SQL."""
        others = func.sum(case((SupportRequestRow.last_editor != user, 1), else_=0))
        rows = self._session.execute(
            select(SupportRequestRow.status, func.count(), others).group_by(
                SupportRequestRow.status
            )
        )
        return {status: (int(count), int(not_theirs or 0)) for status, count, not_theirs in rows}

    def page(
        self, request_filter: RequestFilter, offset: int, limit: int, order: PageOrder
    ) -> builtins.list[RequestListRow]:
        """One page of the list as light rows (see :mod:`request_list`)."""
        return request_page(self._session, request_filter, offset, limit, order)

    def count(self, request_filter: RequestFilter) -> int:
        return request_count(self._session, request_filter)

    def without_completeness(self) -> builtins.list[tuple[int, RequestContent]]:
        """The requests whose completeness is not worked out yet (stored before it was kept)."""
        rows = self._session.execute(
            select(SupportRequestRow.id, SupportRequestRow.content).where(
                SupportRequestRow.completeness.is_(None)
            )
        )
        return [(int(request_id), content_from_json(content)) for request_id, content in rows]

    def set_completeness(self, values: dict[int, float]) -> None:
        """Keep each request's completeness (request id -> share of the required fields)."""
        for request_id, value in values.items():
            row = self._session.get(SupportRequestRow, request_id)
            if row is not None:
                row.completeness = value

    def update(self, request_id: int, **changes: Any) -> None:
        """Change columns of a request (``content`` given as RequestContent, ``status`` as enum)."""
        row = self._session.get(SupportRequestRow, request_id)
        if row is None:
            raise KeyError(request_id)
        if "content" in changes:
            content = changes.pop("content")
            row.content, row.title = content_to_json(content), content.title
        if "status" in changes:
            changes["status"] = RequestStatus(changes["status"]).value
        for name, value in changes.items():
            setattr(row, name, value)
        row.updated_at = utc_now()
        row.version += 1

    def move(
        self,
        request: SupportRequest,
        target: RequestStatus,
        actor: str,
        reason: str = "",
        **changes: Any,
    ) -> None:
        """Give ``request`` its new status and audit it, in the caller's transaction (the
        caller has checked the move is allowed)."""
        from acsg_desktop.core.store.audit_repository import AuditRepository

        self.update(request.id, status=target, **changes)
        AuditRepository(self._session).append(
            actor, "request", str(request.id), "status", request.status.value, target.value, reason
        )

    def add_comment(self, request_id: int, author: str, body: str) -> int:
        row = RequestCommentRow(
            request_id=request_id,
            author=author,
            body=body,
            created_at=utc_now(),
            response="",
            responded_by="",
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def respond(self, comment_id: int, actor: str, response: str) -> None:
        row = self._session.get(RequestCommentRow, comment_id)
        if row is None:
            raise KeyError(comment_id)
        row.response, row.responded_by, row.responded_at = response, actor, utc_now()
