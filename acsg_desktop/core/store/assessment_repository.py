"""Assessments, answers and framework snapshots in the database."""

from __future__ import annotations

import builtins
import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from acsg_desktop.core.records.assessment import (
    Answer,
    AnswerKind,
    AssessmentStatus,
    AssessmentSummary,
)
from acsg_desktop.core.records.list_rows import AssessmentListRow, PageOrder
from acsg_desktop.core.store.assessment_list import IndicatorKey, assessment_page
from acsg_desktop.core.store.rows import AnswerRow, AssessmentRow, FrameworkSnapshotRow

ANSWER_COLUMNS = ("kind", "level", "note", "evidence", "answered_by", "fingerprint", "saved_at")
ANSWER_KEYS = ("assessment_id", "indicator_id")


@cache
def _answer_upsert(dialect: str) -> Any:
    """INSERT ... ON CONFLICT DO UPDATE for an answer, built once per dialect, bound values."""
    names = ANSWER_KEYS + ANSWER_COLUMNS
    statement: Any
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert  # 75 ms: servers only

        statement = insert(AnswerRow)
    else:
        statement = sqlite_insert(AnswerRow)
    statement = statement.values({name: bindparam(name) for name in names})
    return statement.on_conflict_do_update(
        index_elements=list(ANSWER_KEYS),
        set_={
            **{name: statement.excluded[name] for name in ANSWER_COLUMNS},
            "version": AnswerRow.version + 1,
        },
    )


# Statements on the answer-saving path, built once (their compiled form is cached).
_STATUS = select(AssessmentRow.status).where(AssessmentRow.id == bindparam("aid"))
_TOUCH = (
    update(AssessmentRow)
    .where(AssessmentRow.id == bindparam("aid"))
    .values(updated_at=bindparam("now"))
)
_TOUCH_IN_PROGRESS = _TOUCH.where(AssessmentRow.status == AssessmentStatus.IN_PROGRESS.value)
# An answer's columns, read as plain tuples (an ORM object per answer costs ten times more).
_ANSWER_FIELDS = (
    AnswerRow.indicator_id,
    AnswerRow.kind,
    AnswerRow.level,
    AnswerRow.note,
    AnswerRow.evidence,
    AnswerRow.answered_by,
    AnswerRow.saved_at,
    AnswerRow.version,
)
_ANSWER = select(*_ANSWER_FIELDS).where(
    AnswerRow.assessment_id == bindparam("aid"), AnswerRow.indicator_id == bindparam("iid")
)


def utc_now() -> datetime:
    """Now, in UTC, without tzinfo (as SQLite stores it)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _summary(row: AssessmentRow) -> AssessmentSummary:
    return AssessmentSummary(
        id=row.id,
        title=row.title,
        year=row.year,
        framework_id=row.framework_id,
        framework_version=row.framework_version,
        status=AssessmentStatus(row.status),
        contexts={key: bool(value) for key, value in json.loads(row.contexts or "{}").items()},
        cursor=row.cursor,
        created_at=row.created_at,
        updated_at=row.updated_at,
        completed_at=row.completed_at,
        copied_from=row.copied_from,
        version=row.version,
    )


def _answer(row: Sequence[Any]) -> Answer:
    """An answer from the values of ``_ANSWER_FIELDS``, in their order."""
    indicator_id, kind, level, note, evidence, answered_by, saved_at, version = row
    return Answer(
        indicator_id, AnswerKind(kind), level, note, evidence, answered_by, saved_at, version
    )


class AssessmentRepository:
    """Reads and writes assessments; returns plain objects, never rows."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def snapshot(self, framework_id: str, version: str) -> dict[str, Any] | None:
        """The stored framework documents for ``framework_id`` ``version``, if any."""
        content = self._session.scalar(
            select(FrameworkSnapshotRow.content).where(
                FrameworkSnapshotRow.framework_id == framework_id,
                FrameworkSnapshotRow.version == version,
            )
        )
        return json.loads(content) if content else None

    def keep_snapshot(self, framework_id: str, version: str, source: dict[str, Any]) -> None:
        """Store a framework version unless it is already stored."""
        if self.snapshot(framework_id, version) is None:
            content = json.dumps(source, ensure_ascii=False, sort_keys=True)
            self._session.add(
                FrameworkSnapshotRow(framework_id=framework_id, version=version, content=content)
            )

    def add(
        self,
        title: str,
        year: int,
        framework_id: str,
        framework_version: str,
        copied_from: int | None = None,
    ) -> int:
        """Create an assessment in progress; return its id."""
        now = utc_now()
        row = AssessmentRow(
            title=title,
            year=year,
            framework_id=framework_id,
            framework_version=framework_version,
            status=AssessmentStatus.IN_PROGRESS.value,
            contexts="{}",
            cursor="",
            created_at=now,
            updated_at=now,
            copied_from=copied_from,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def list(self) -> list[AssessmentSummary]:
        """Every assessment, newest year first."""
        rows = self._session.scalars(
            select(AssessmentRow).order_by(AssessmentRow.year.desc(), AssessmentRow.id.desc())
        )
        return [_summary(row) for row in rows]

    def latest(self, limit: int, status: str | None = None) -> builtins.list[AssessmentSummary]:
        """The ``limit`` newest assessments (of ``status`` only, when given), newest first."""
        query = select(AssessmentRow)
        if status is not None:
            query = query.where(AssessmentRow.status == status)
        newest = query.order_by(AssessmentRow.year.desc(), AssessmentRow.id.desc()).limit(limit)
        return [_summary(row) for row in self._session.scalars(newest)]

    def framework_keys(self) -> builtins.list[tuple[str, str]]:
        """The (framework id, version) pairs the assessments are pinned to."""
        rows = self._session.execute(
            select(AssessmentRow.framework_id, AssessmentRow.framework_version).distinct()
        )
        return [(str(fw), str(version)) for fw, version in rows]

    def page(
        self, indicators: Sequence[IndicatorKey], offset: int, limit: int, order: PageOrder
    ) -> builtins.list[AssessmentListRow]:
        """One page of the list as light rows (see :mod:`assessment_list`)."""
        return assessment_page(self._session, indicators, offset, limit, order)

    def get(self, assessment_id: int, for_update: bool = False) -> AssessmentSummary | None:
        """One assessment; ``for_update`` locks its row until the transaction ends (servers)."""
        row = self._session.get(AssessmentRow, assessment_id, with_for_update=for_update)
        return _summary(row) if row else None

    def status(self, assessment_id: int) -> AssessmentStatus | None:
        """The status of ``assessment_id``, or None when there is no such assessment."""
        value = self._session.connection().execute(_STATUS, {"aid": assessment_id}).scalar()
        return AssessmentStatus(value) if value else None

    def update(self, assessment_id: int, **changes: Any) -> None:
        """Change columns of one assessment (contexts given as a dict)."""
        row = self._session.get(AssessmentRow, assessment_id)
        if row is None:
            raise KeyError(assessment_id)
        if "contexts" in changes:
            changes["contexts"] = json.dumps(changes["contexts"], sort_keys=True)
        if "status" in changes:
            changes["status"] = AssessmentStatus(changes["status"]).value
        for name, value in changes.items():
            setattr(row, name, value)
        row.updated_at = utc_now()
        row.version += 1

    def set_cursor(self, assessment_id: int, step: str) -> None:
        """Where the wizard stands: not an edit, so the version does not change."""
        self._session.connection().execute(
            update(AssessmentRow).where(AssessmentRow.id == assessment_id).values(cursor=step)
        )

    def lock(self, assessment_id: int, actor: str) -> None:
        """Lock the assessment and audit it, in the caller's transaction."""
        from acsg_desktop.core.store.audit_repository import AuditRepository

        self.update(assessment_id, status=AssessmentStatus.LOCKED)
        AuditRepository(self._session).append(
            actor, "assessment", str(assessment_id), "status", "completed", "locked"
        )

    def answers(self, assessment_id: int) -> dict[str, Answer]:
        return self.all_answers([assessment_id]).get(assessment_id, {})

    def all_answers(
        self, assessment_ids: Sequence[int] | None = None
    ) -> dict[int, dict[str, Answer]]:
        """Every answer of every assessment (or of ``assessment_ids``), in one query."""
        query = select(AnswerRow.assessment_id, *_ANSWER_FIELDS)
        if assessment_ids is not None:
            query = query.where(AnswerRow.assessment_id.in_(assessment_ids))
        found: dict[int, dict[str, Answer]] = {}
        for assessment_id, *fields in self._session.connection().execute(query):
            answer = _answer(fields)
            found.setdefault(assessment_id, {})[answer.indicator_id] = answer
        return found

    def answer(self, assessment_id: int, indicator_id: str) -> Answer | None:
        """The stored answer to one indicator, if any."""
        row = (
            self._session.connection()
            .execute(_ANSWER, {"aid": assessment_id, "iid": indicator_id})
            .first()
        )
        return None if row is None else _answer(row)

    def fingerprints(self, assessment_id: int) -> dict[str, str]:
        """Indicator id -> fingerprint of the indicator as it was when answered."""
        rows = self._session.execute(
            select(AnswerRow.indicator_id, AnswerRow.fingerprint).where(
                AnswerRow.assessment_id == assessment_id
            )
        )
        return {indicator_id: fingerprint for indicator_id, fingerprint in rows}

    def touch(self, assessment_id: int, reopen: bool = False) -> None:
        """Record that the assessment changed; ``reopen`` puts a completed one back in progress."""
        if reopen:
            self._session.connection().execute(
                update(AssessmentRow)
                .where(AssessmentRow.id == assessment_id)
                .values(
                    updated_at=utc_now(),
                    status=AssessmentStatus.IN_PROGRESS.value,
                    completed_at=None,
                )
            )
        else:
            self._session.connection().execute(_TOUCH, {"aid": assessment_id, "now": utc_now()})

    def touch_if_in_progress(self, assessment_id: int) -> bool:
        """Record a change, only while the assessment is in progress (one statement: nobody
        can lock or complete it between the check and the change); False when it is not."""
        result = self._session.connection().execute(
            _TOUCH_IN_PROGRESS, {"aid": assessment_id, "now": utc_now()}
        )
        return bool(result.rowcount)

    def put_answer(self, assessment_id: int, answer: Answer, fingerprint: str) -> Answer:
        """Insert or replace the answer to ``answer.indicator_id``; return it with its time."""
        level = answer.level if answer.kind is AnswerKind.LEVEL else None
        saved_at = answer.saved_at or utc_now()
        connection = self._session.connection()
        connection.execute(
            _answer_upsert(self._session.get_bind().dialect.name),
            {
                "assessment_id": assessment_id,
                "indicator_id": answer.indicator_id,
                "kind": answer.kind.value,
                "level": level,
                "note": answer.note,
                "evidence": answer.evidence,
                "answered_by": answer.answered_by,
                "fingerprint": fingerprint,
                "saved_at": saved_at,
            },
        )
        return replace(answer, level=level, saved_at=saved_at, version=answer.version + 1)
