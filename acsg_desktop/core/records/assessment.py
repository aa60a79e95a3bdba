"""Assessments and answers as plain objects, and the rules an answer must follow."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from acsg_desktop.core.framework.model import LEVELS, Indicator
from acsg_desktop.core.i18n import N_, _

EVIDENCE_FROM_LEVEL = 3


class AnswerKind(StrEnum):
    """A level, or one of the two answers PEFA keeps apart from a score."""

    LEVEL = "level"
    NOT_APPLICABLE = "not_applicable"
    INSUFFICIENT_INFORMATION = "insufficient_information"


class AssessmentStatus(StrEnum):
    """In progress -> completed -> locked (once exported in a signed package)."""

    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    LOCKED = "locked"


STATUS_LABELS = {
    AssessmentStatus.IN_PROGRESS: N_("In progress"),
    AssessmentStatus.COMPLETED: N_("Completed"),
    AssessmentStatus.LOCKED: N_("Locked"),
}


@dataclass(frozen=True)
class Answer:
    """The answer to one indicator."""

    indicator_id: str
    kind: AnswerKind
    level: int | None = None
    note: str = ""
    evidence: str = ""
    answered_by: str = ""
    saved_at: datetime | None = None
    version: int = 0  # 0 until first saved; each save adds one (optimistic concurrency)


@dataclass(frozen=True)
class AssessmentSummary:
    """An assessment without its answers."""

    id: int
    title: str
    year: int
    framework_id: str
    framework_version: str
    status: AssessmentStatus
    contexts: dict[str, bool] = field(default_factory=dict)
    cursor: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    completed_at: datetime | None = None
    copied_from: int | None = None
    version: int = 1


def answer_problems(answer: Answer, indicator: Indicator | None = None) -> dict[str, str]:
    """What is missing or wrong in ``answer`` (field -> message) to ``indicator``; empty when
    complete."""
    problems: dict[str, str] = {}
    if answer.kind is AnswerKind.NOT_APPLICABLE and indicator and indicator.always_applies:
        problems["kind"] = always_applies_message()
    if answer.kind is AnswerKind.LEVEL and answer.level not in LEVELS:
        problems["level"] = _("Choose a level from 1 to 5.")
    if (
        answer.kind is AnswerKind.LEVEL
        and (answer.level or 0) >= EVIDENCE_FROM_LEVEL
        and not answer.evidence.strip()
    ):
        problems["evidence"] = _(
            "From level 3 up, say what shows this level: documents, figures or practice."
        )
    if answer.kind is AnswerKind.NOT_APPLICABLE and not answer.note.strip():
        problems["note"] = _(
            'Say in the note why this indicator does not apply: "not applicable" needs a '
            "justification."
        )
    if not answer.answered_by.strip():
        problems["answered_by"] = _("Say who gives this answer.")
    return problems


def is_complete(answer: Answer | None, indicator: Indicator | None = None) -> bool:
    """True when ``answer`` exists and follows every rule of ``indicator``."""
    return answer is not None and not answer_problems(answer, indicator)


def always_applies_message() -> str:
    return _(
        "This applies to every asylum system, so it cannot be marked not applicable: choose the "
        "level that describes yours (level 1 where it does not exist yet)."
    )
