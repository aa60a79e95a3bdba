"""What an answer may hold, how the audit log names and records it, and the refusals an
assessment gives (kept apart from the service, which only sequences the store)."""

from __future__ import annotations

import json

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.assessment import Answer, AssessmentStatus
from acsg_desktop.core.text_rules import ANSWER_FIELDS, cleaned, text_problems


def answer_key(assessment_id: int, indicator_id: str) -> str:
    """How the audit log names one answer."""
    return f"{assessment_id}:{indicator_id}"


def answer_json(answer: Answer | None) -> str:
    """An answer as recorded in the audit log ("" when there was none)."""
    if answer is None:
        return ""
    fields = {
        "kind": answer.kind.value,
        "level": answer.level,
        "note": answer.note,
        "evidence": answer.evidence,
        "answered_by": answer.answered_by,
    }
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)


def locked_message() -> str:
    return _("This assessment is locked: it was sent in a signed package. Copy it to go on.")


def completed_message() -> str:
    return _(
        "This assessment is completed: a reviewer or signatory can reopen it (with a reason) "
        "before answers change."
    )


def not_editable_message(status: AssessmentStatus | None) -> str | None:
    """Why an assessment in ``status`` (None: deleted) takes no change; None when it does."""
    if status is None:
        return _("This assessment no longer exists.")
    if status is AssessmentStatus.LOCKED:
        return locked_message()
    if status is AssessmentStatus.COMPLETED:
        return completed_message()
    return None


class AssessmentError(AcsgError):
    """An assessment action was refused; nothing was changed."""


def checked_answer(answer: Answer) -> Answer:
    """``answer`` with its note and evidence stripped of unprintable characters.

    Raises:
        AssessmentError: a text is over its cap, or the name holds an unprintable character.
    """
    answer = cleaned(answer, ANSWER_FIELDS)
    problems = text_problems(answer, ANSWER_FIELDS)
    if problems:
        raise AssessmentError("\n".join(problems.values()))
    return answer
