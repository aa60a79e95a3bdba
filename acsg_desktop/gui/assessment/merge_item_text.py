"""One answer as the merge dialog shows it: its level with the level's name, its note and its
evidence, every typed text escaped."""

from __future__ import annotations

from html import escape

from acsg_desktop.core.assessment.labels import answer_label, level_name
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.assessment import Answer, AnswerKind


def _paragraph(label: str, text: str) -> str:
    body = escape(text.strip()).replace("\n", "<br>") if text.strip() else "–"
    return f"<p><b>{escape(label)}</b> {body}</p>"


def answer_html(answer: Answer | None) -> str:
    """Rich text for a QLabel; "Not answered" for none."""
    if answer is None:
        return f"<p><i>{escape(answer_label(None))}</i></p>"
    head = answer_label(answer)
    if answer.kind is AnswerKind.LEVEL and answer.level:
        head = _("{label} · {name}").format(label=head, name=level_name(answer.level))
    return (
        f"<p><b>{escape(head)}</b></p>"
        + _paragraph(_("Note:"), answer.note)
        + _paragraph(_("Evidence:"), answer.evidence)
    )
