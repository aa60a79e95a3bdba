"""Names shown for aims and answer kinds, in the current language."""

from __future__ import annotations

from acsg_desktop.core.i18n import N_, _, format_percent
from acsg_desktop.core.records.assessment import Answer, AnswerKind

AIM_LABELS = {
    "fairness": N_("Fairness"),
    "efficiency": N_("Efficiency"),
    "adaptability": N_("Adaptability"),
    "integrity": N_("Integrity"),
}
KIND_LABELS = {
    AnswerKind.NOT_APPLICABLE: N_("Not applicable"),
    AnswerKind.INSUFFICIENT_INFORMATION: N_("Insufficient information"),
}


def aim_label(aim: str) -> str:
    """An aim's name in the current language."""
    return _(AIM_LABELS.get(aim, aim))


def answer_label(answer: Answer | None) -> str:
    """How an answer reads in a list: "Level 3", "Not applicable", or "Not answered"."""
    if answer is None:
        return _("Not answered")
    if answer.kind is AnswerKind.LEVEL:
        return _("Level {level}").format(level=answer.level)
    return _(KIND_LABELS[answer.kind])


def percent_label(value: float | None) -> str:
    """A score in % in the current language, or a dash when there is nothing to score."""
    return "–" if value is None else format_percent(value / 100)


LEVEL_NAMES = (
    N_("Not in place"),
    N_("Limited"),
    N_("In place, not yet sustained"),
    N_("Demonstrated and sustained"),
    N_("Sustained, able to support others"),
)


def level_name(level: int) -> str:
    """The general name of a level (1 to 5) in the current language."""
    return _(LEVEL_NAMES[level - 1])


def level_with_name(level: int) -> str:
    """A level with its general name, as reports and the audit log show it: "2 · Limited"."""
    return _("{level} · {name}").format(level=level, name=level_name(level))


def assessment_name(title: str, year: int) -> str:
    """An assessment as lists and choices name it: its title, then its year unless the title
    already says it ("2025 baseline", not "2025 baseline (2025)")."""
    if str(year) in title:
        return title
    return _("{title} ({year})").format(title=title, year=year)
