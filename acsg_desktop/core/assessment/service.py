"""Assessments over the store: create, answer (one transaction per answer), complete, lock."""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from acsg_desktop.core.assessment.answer_rules import (
    AssessmentError,
    answer_json,
    answer_key,
    checked_answer,
    completed_message,
    locked_message,
    not_editable_message,
)
from acsg_desktop.core.assessment.carry_over import CarryOverReport, carry_over
from acsg_desktop.core.assessment.evidence_carry import carry_evidence
from acsg_desktop.core.assessment.scored_reads import ScoredReads
from acsg_desktop.core.assessment.scoring import Scores, score
from acsg_desktop.core.audit.chain import AuditEntry, conflict_with
from acsg_desktop.core.framework.loader import framework_from_source, load_framework
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _, ngettext
from acsg_desktop.core.records.assessment import (
    Answer,
    AssessmentStatus,
    AssessmentSummary,
)
from acsg_desktop.core.records.list_rows import AssessmentListRow, PageOrder
from acsg_desktop.core.records.roles import REVIEWER_ROLES
from acsg_desktop.core.store.assessment_repository import AssessmentRepository, utc_now
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.person_repository import PersonRepository
from acsg_desktop.core.text_rules import (
    ASSESSMENT_TITLE,
    REVIEW_TEXT,
    clean,
    text_problem,
)

__all__ = ["MAX_YEAR", "MIN_YEAR", "AssessmentError", "AssessmentService"]

MIN_YEAR, MAX_YEAR = 2000, 2100
DEFAULT_ORDER = PageOrder()


class AssessmentService(ScoredReads):
    """Everything the wizard, the results screen and the CLI do with assessments."""

    def __init__(
        self, database: Database, shipped: Callable[[], Framework] = load_framework
    ) -> None:
        self._database = database
        self._load_shipped = shipped
        self._frameworks: dict[tuple[str, str], Framework] = {}
        self._pinned: dict[int, Framework] = {}
        self._shipped: Framework | None = None

    def shipped_framework(self) -> Framework:
        """The framework version this app ships (new assessments start on it)."""
        if self._shipped is None:
            framework = self._load_shipped()
            self._shipped = self._frameworks.setdefault(
                (framework.id, framework.version), framework
            )
        return self._shipped

    def framework_of(self, assessment: AssessmentSummary) -> Framework:
        """The framework version ``assessment`` is pinned to, even if the app ships a newer one."""
        return self._framework_for((assessment.framework_id, assessment.framework_version))

    def _framework_for(self, key: tuple[str, str]) -> Framework:
        if key not in self._frameworks:
            with self._database.unit_of_work() as session:
                source = AssessmentRepository(session).snapshot(*key)
            if source is None:
                raise AssessmentError(_("The framework of this assessment is missing."))
            self._frameworks[key] = framework_from_source(source)
        return self._frameworks[key]

    def list(self) -> list[AssessmentSummary]:
        with self._database.unit_of_work() as session:
            return AssessmentRepository(session).list()

    def latest(self, limit: int) -> builtins.list[AssessmentSummary]:
        """The ``limit`` newest assessments and the newest in progress (if older), newest
        first: what a first screen needs, read without the rest of a big folder."""
        with self._database.unit_of_work() as session:
            repository = AssessmentRepository(session)
            newest = repository.latest(limit)
            in_progress = repository.latest(1, AssessmentStatus.IN_PROGRESS.value)
        return newest + [s for s in in_progress if s not in newest]

    def get(self, assessment_id: int) -> AssessmentSummary:
        with self._database.unit_of_work() as session:
            summary = AssessmentRepository(session).get(assessment_id)
        if summary is None:
            raise AssessmentError(_("There is no assessment {id}.").format(id=assessment_id))
        return summary

    def answers(self, assessment_id: int) -> dict[str, Answer]:
        with self._database.unit_of_work() as session:
            return AssessmentRepository(session).answers(assessment_id)

    def create(
        self, title: str, year: int, carry_over_from: int | None = None, *, actor: str
    ) -> AssessmentSummary:
        """Start an assessment on the shipped framework, optionally carrying over the answers of
        an earlier one for every indicator that has not changed since."""
        title = title.strip()
        if not title:
            raise AssessmentError(_("Give the assessment a title, such as “2026 baseline”."))
        problem = text_problem(ASSESSMENT_TITLE, title)
        if problem:
            raise AssessmentError(problem)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise AssessmentError(_("The year must be between 2000 and 2100."))
        framework = self.shipped_framework()
        with self._database.unit_of_work() as session:
            repository = AssessmentRepository(session)
            source = None
            if carry_over_from is not None:
                source = repository.get(carry_over_from)
                if source is None:
                    raise AssessmentError(
                        _("There is no assessment {id}.").format(id=carry_over_from)
                    )
            repository.keep_snapshot(framework.id, framework.version, framework.source)
            new_id = repository.add(title, year, framework.id, framework.version, carry_over_from)
            if source is not None:
                carried = self._carry_over(repository, source, new_id, framework)
                carry_evidence(session, source.id, new_id, carried, actor=actor)
            AuditRepository(session).append(
                actor,
                "assessment",
                str(new_id),
                "create",
                new_value=f"{title} ({year})",
                reason=f"carried over from {source.id}" if source else "",
            )
        return self.get(new_id)

    def _carry_over(
        self,
        repository: AssessmentRepository,
        source: AssessmentSummary,
        new_id: int,
        framework: Framework,
    ) -> builtins.list[str]:
        """Copy the answers that carry over; return their indicator ids."""
        carried = []
        snapshot = repository.snapshot(source.framework_id, source.framework_version)
        if snapshot is not None:  # without it, the earlier assessment cannot be read at all
            old = framework_from_source(snapshot)
            for item in carry_over(old, framework, repository.answers(source.id)).carried:
                fresh = replace(item.answer, saved_at=None, version=0)
                fingerprint = framework.indicator(item.indicator_id).fingerprint
                repository.put_answer(new_id, fresh, fingerprint)
                carried.append(item.indicator_id)
        repository.update(new_id, contexts=source.contexts)
        return carried

    def carry_over_report(self, assessment_id: int) -> CarryOverReport | None:
        """For an assessment started from an earlier one: the answers that carried over and why
        the others did not, on the earlier one's answers as they stand (None if started empty)."""
        summary = self.get(assessment_id)
        if summary.copied_from is None:
            return None
        source = self.get(summary.copied_from)
        old, new = self.framework_of(source), self.framework_of(summary)
        return carry_over(old, new, self.answers(source.id))

    @staticmethod
    def _for_edit(
        session: Any, assessment_id: int, expected_version: int | None
    ) -> AssessmentSummary:
        """The assessment, read (and on a server locked) in the caller's transaction, once it
        may be changed: it exists, is not locked and is still the version the user saw."""
        summary = AssessmentRepository(session).get(assessment_id, for_update=True)
        if summary is None:
            raise AssessmentError(_("There is no assessment {id}.").format(id=assessment_id))
        if summary.status is AssessmentStatus.LOCKED:
            raise AssessmentError(locked_message())
        if expected_version is not None and summary.version != expected_version:
            raise conflict_with(AuditRepository(session).latest("assessment", str(assessment_id)))
        return summary

    def _framework_of_id(self, assessment_id: int) -> Framework:
        if assessment_id not in self._pinned:
            self._pinned[assessment_id] = self.framework_of(self.get(assessment_id))
        return self._pinned[assessment_id]

    def save_answer(
        self,
        assessment_id: int,
        answer: Answer,
        *,
        actor: str,
        expected_version: int | None = None,
    ) -> Answer:
        """Store one answer in its own transaction; returns it once committed.

        ``expected_version`` is the version of the answer the user saw (0: none yet); when
        another person saved it since, nothing is stored.

        Raises:
            AssessmentError: unknown indicator, locked assessment, or a text that cannot be
                saved (``checked_answer``); nothing is stored.
            ConflictError: the answer changed since ``expected_version``.
        """
        answer = checked_answer(answer)
        try:
            indicator = self._framework_of_id(assessment_id).indicator(answer.indicator_id)
        except KeyError as error:
            raise AssessmentError(
                _("Unknown indicator {id}.").format(id=answer.indicator_id)
            ) from error
        with self._database.unit_of_work() as session:
            repository = AssessmentRepository(session)
            if not repository.touch_if_in_progress(assessment_id):  # the row locked from here
                refusal = not_editable_message(repository.status(assessment_id))
                raise AssessmentError(refusal or completed_message())
            before = repository.answer(assessment_id, answer.indicator_id)
            stored_version = before.version if before else 0
            key = answer_key(assessment_id, answer.indicator_id)
            if expected_version is not None and stored_version != expected_version:
                raise conflict_with(AuditRepository(session).latest("answer", key))
            answer = replace(answer, version=stored_version)
            saved = repository.put_answer(assessment_id, answer, indicator.fingerprint)
            AuditRepository(session).append(
                actor,
                "answer",
                key,
                "answer",
                answer_json(before),
                answer_json(saved),
            )
        return saved

    def answer_history(self, assessment_id: int, indicator_id: str) -> builtins.list[AuditEntry]:
        """Every recorded change to one answer, oldest first."""
        with self._database.unit_of_work() as session:
            return AuditRepository(session).history(
                "answer", answer_key(assessment_id, indicator_id)
            )

    def set_contexts(
        self,
        assessment_id: int,
        contexts: dict[str, bool],
        *,
        actor: str,
        expected_version: int | None = None,
    ) -> None:
        """Record the answers to the context questions (checked and written in one go)."""
        with self._database.unit_of_work() as session:
            summary = self._for_edit(session, assessment_id, expected_version)
            if summary.status is AssessmentStatus.COMPLETED:
                raise AssessmentError(completed_message())
            before = summary.contexts
            AssessmentRepository(session).update(assessment_id, contexts=contexts)
            AuditRepository(session).append(
                actor,
                "assessment",
                str(assessment_id),
                "contexts",
                json.dumps(before, sort_keys=True),
                json.dumps(contexts, sort_keys=True),
            )

    def set_cursor(self, assessment_id: int, step: str) -> None:
        """Remember where the user is, so that the wizard reopens there."""
        with self._database.unit_of_work() as session:
            AssessmentRepository(session).set_cursor(assessment_id, step)

    def page(
        self, offset: int, limit: int, order: PageOrder = DEFAULT_ORDER
    ) -> builtins.list[AssessmentListRow]:
        """One page of the list, sorted in SQL, completion counted in SQL (nothing is scored)."""
        with self._database.unit_of_work() as session:
            keys = AssessmentRepository(session).framework_keys()
        indicators = [
            (
                *key,
                indicator.id,
                indicator.condition.context if indicator.condition else None,
                indicator.always_applies,
            )
            for key in keys
            for indicator in self._framework_for(key).indicators
        ]
        with self._database.unit_of_work() as session:
            return AssessmentRepository(session).page(indicators, offset, limit, order)

    def scores(self, assessment_id: int) -> Scores:
        summary = self.get(assessment_id)
        return score(self.framework_of(summary), self.answers(assessment_id), summary.contexts)

    def complete(
        self, assessment_id: int, *, actor: str, expected_version: int | None = None
    ) -> AssessmentSummary:
        """Mark the assessment completed; refused while an applicable indicator lacks an answer.

        The answers are counted in the same transaction that marks it completed.
        """
        framework = self._framework_of_id(assessment_id)  # immutable: read before the work
        with self._database.unit_of_work() as session:
            repository = AssessmentRepository(session)
            summary = self._for_edit(session, assessment_id, expected_version)
            scores = score(framework, repository.answers(assessment_id), summary.contexts)
            missing = scores.applicable - scores.answered
            if missing:
                raise AssessmentError(
                    ngettext(
                        "{count} indicator still needs a complete answer.",
                        "{count} indicators still need a complete answer.",
                        missing,
                    ).format(count=missing)
                )
            if summary.status is AssessmentStatus.IN_PROGRESS:
                repository.update(
                    assessment_id, status=AssessmentStatus.COMPLETED, completed_at=utc_now()
                )
                AuditRepository(session).append(
                    actor, "assessment", str(assessment_id), "status", "in_progress", "completed"
                )
            completed = repository.get(assessment_id)
        assert completed is not None
        return completed

    def lock(self, assessment_id: int, *, actor: str) -> None:
        """Lock a completed assessment (done when it is exported in a signed package)."""
        with self._database.unit_of_work() as session:
            repository = AssessmentRepository(session)
            summary = repository.get(assessment_id, for_update=True)
            if summary is None or summary.status is not AssessmentStatus.COMPLETED:
                raise AssessmentError(_("Only a completed assessment can be locked."))
            repository.lock(assessment_id, actor)

    def reopen(
        self,
        assessment_id: int,
        *,
        actor: str,
        reason: str,
        expected_version: int | None = None,
    ) -> AssessmentSummary:
        """Put a completed assessment back in progress: a reviewer's or signatory's decision,
        with a reason, audited. A locked one (sent in a package) stays as it is.

        Raises:
            AssessmentError: no reason, not a reviewer or signatory, locked or not completed.
            ConflictError: the assessment changed since ``expected_version``.
        """
        reason = clean(reason).strip()
        problem = text_problem(REVIEW_TEXT, reason)
        if problem:
            raise AssessmentError(problem)
        if not reason:
            raise AssessmentError(_("Say why the assessment is reopened."))
        with self._database.unit_of_work() as session:
            roles = dict(PersonRepository(session).people()).get(actor, ())
            if not set(roles) & REVIEWER_ROLES:
                raise AssessmentError(
                    _("{name} is not a reviewer or signatory; ask one to do this.").format(
                        name=actor
                    )
                )
            summary = self._for_edit(session, assessment_id, expected_version)
            if summary.status is not AssessmentStatus.COMPLETED:
                raise AssessmentError(_("Only a completed assessment can be reopened."))
            repository = AssessmentRepository(session)
            repository.update(assessment_id, status=AssessmentStatus.IN_PROGRESS, completed_at=None)
            AuditRepository(session).append(
                actor,
                "assessment",
                str(assessment_id),
                "status",
                "completed",
                "in_progress",
                reason,
            )
            reopened = repository.get(assessment_id)
        assert reopened is not None
        return reopened
