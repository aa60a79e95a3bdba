"""The assessment a package's report compares with: the latest completed one before it.

"Before" is by year, then by creation (id) within a year, as on the Results page; an assessment
still in progress is never compared with (its scores are not final), and neither is a later
one (the change would read backwards).
"""

from __future__ import annotations

from dataclasses import dataclass

from acsg_desktop.core.assessment.service import AssessmentService
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.records.assessment import Answer, AssessmentStatus, AssessmentSummary
from acsg_desktop.core.store.assessment_repository import AssessmentRepository


@dataclass(frozen=True)
class EarlierAssessment:
    """The earlier assessment as read for an export: what its scores are worked out from."""

    summary: AssessmentSummary
    framework: Framework
    answers: dict[str, Answer]


def latest_completed_before(
    summaries: list[AssessmentSummary], shown: AssessmentSummary
) -> AssessmentSummary | None:
    """The latest completed (or locked) assessment before ``shown``, if any."""
    earlier = [
        other
        for other in summaries
        if other.status is not AssessmentStatus.IN_PROGRESS
        and (other.year, other.id) < (shown.year, shown.id)
    ]
    return max(earlier, key=lambda other: (other.year, other.id), default=None)


def read_earlier(
    repository: AssessmentRepository, shown: AssessmentSummary
) -> tuple[AssessmentSummary, dict[str, Answer]] | None:
    """The earlier assessment and its answers, read in the caller's transaction."""
    earlier = latest_completed_before(repository.list(), shown)
    return None if earlier is None else (earlier, repository.answers(earlier.id))


def with_framework(
    read: tuple[AssessmentSummary, dict[str, Answer]] | None, assessments: AssessmentService
) -> EarlierAssessment | None:
    """``read_earlier``'s result with the framework version the earlier assessment is pinned to."""
    if read is None:
        return None
    summary, answers = read
    return EarlierAssessment(summary, assessments.framework_of(summary), answers)
