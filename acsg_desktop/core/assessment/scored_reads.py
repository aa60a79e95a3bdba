"""Reading many assessments with their scores at once: the overview's newest few, and every one
for the checks of the list's SQL completion. A part of ``AssessmentService``."""

from __future__ import annotations

import builtins

from acsg_desktop.core.assessment.scoring import Scores, score
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.records.assessment import Answer, AssessmentSummary
from acsg_desktop.core.store.assessment_repository import AssessmentRepository
from acsg_desktop.core.store.database import Database

Scored = tuple[AssessmentSummary, Scores, dict[str, Answer]]


class ScoredReads:
    """Needs the service's ``_database`` and ``framework_of``."""

    _database: Database

    def framework_of(self, assessment: AssessmentSummary) -> Framework:
        raise NotImplementedError

    def with_completion(self) -> builtins.list[tuple[AssessmentSummary, float]]:
        """Every assessment with its completion (0 to 1), read in two queries whatever their
        number (the frameworks are cached snapshots)."""
        return [(summary, scores.completion) for summary, scores, _answers in self.all_scored()]

    def all_scored(self) -> builtins.list[Scored]:
        """Every assessment (in the store's list order) with its scores and answers, read in two
        queries whatever their number."""
        with self._database.unit_of_work() as session:
            repository = AssessmentRepository(session)
            summaries, answers = repository.list(), repository.all_answers()
        return self._scored(summaries, answers)

    def scored(self, summaries: builtins.list[AssessmentSummary]) -> builtins.list[Scored]:
        """``summaries`` with their scores and answers, the answers read in one query (only
        theirs: a first screen never reads every answer of a big folder)."""
        with self._database.unit_of_work() as session:
            answers = AssessmentRepository(session).all_answers([s.id for s in summaries])
        return self._scored(summaries, answers)

    def _scored(
        self, summaries: builtins.list[AssessmentSummary], answers: dict[int, dict[str, Answer]]
    ) -> builtins.list[Scored]:
        scored = []
        for summary in summaries:
            given = answers.get(summary.id, {})
            scored.append(
                (summary, score(self.framework_of(summary), given, summary.contexts), given)
            )
        return scored
