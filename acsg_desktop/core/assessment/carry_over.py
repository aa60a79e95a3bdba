"""Which answers carry over to another framework version, and why the others do not.

An answer carries over when its indicator still exists and still asks the same thing of it:

- the same question and the same condition (``applies_if``: context and reason);
- for a level answer at level L, the same descriptors for levels 1 to L + 1: the scale is
  cumulative, so "we are at 3" stays true while what 1, 2, 3 and 4 describe is unchanged, even
  if level 5 was reworded; an answer at 4 or 5 is left behind when level 5 changed. A "not
  applicable" or "insufficient information" answer needs all five descriptors unchanged.

Texts are compared in the source language (English, the reference the French translates), with
runs of spaces of any kind made one: a French typography or terminology fix, or a re-wrapped
line, does not change what is asked. This is looser than the indicator fingerprint (a hash of
both languages, byte for byte), which every level 5 rewrite and every French typography fix of
framework 2026.2 would otherwise change for all 98 indicators of 2026.1.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from acsg_desktop.core.framework.model import LEVELS, Condition, Framework, Indicator, Text
from acsg_desktop.core.i18n import N_, SOURCE_LANGUAGE, _, ngettext
from acsg_desktop.core.records.assessment import Answer, AnswerKind


class Reason(StrEnum):
    """Why an answer did not carry over."""

    INDICATOR_REMOVED = "indicator_removed"
    QUESTION_CHANGED = "question_changed"
    LEVELS_CHANGED = "levels_changed"
    CONDITION_CHANGED = "condition_changed"
    ALWAYS_APPLIES = "always_applies"


REASON_LABELS = {
    Reason.INDICATOR_REMOVED: N_("The indicator was removed or merged into another one."),
    Reason.QUESTION_CHANGED: N_("The question changed."),
    Reason.LEVELS_CHANGED: N_("The description of the levels changed."),
    Reason.CONDITION_CHANGED: N_("The condition under which the indicator applies changed."),
    Reason.ALWAYS_APPLIES: N_(
        'It now applies to every asylum system: "not applicable" is no longer an answer to it.'
    ),
}


@dataclass(frozen=True)
class Carried:
    """An answer taken over unchanged; ``changed_levels`` are reworded levels it does not rest on
    (for example level 5 under an answer at level 3)."""

    indicator_id: str
    answer: Answer
    changed_levels: tuple[int, ...] = ()


@dataclass(frozen=True)
class LeftBehind:
    """An answer that was not taken over, with every reason that applies.

    ``changed_levels`` lists the level numbers (1 to 5) whose description changed, so that a
    reader can tell "only level 5 was reworded" from "the whole scale is new".
    """

    indicator_id: str
    answer: Answer
    reasons: tuple[Reason, ...]
    changed_levels: tuple[int, ...] = ()


@dataclass(frozen=True)
class CarryOverReport:
    """The outcome of moving the answers of one assessment to another framework version."""

    source_version: str
    target_version: str
    carried: tuple[Carried, ...]
    left_behind: tuple[LeftBehind, ...]
    new_indicators: tuple[str, ...]
    new_contexts: tuple[str, ...]

    @property
    def carried_ids(self) -> frozenset[str]:
        return frozenset(item.indicator_id for item in self.carried)

    @property
    def left_behind_ids(self) -> frozenset[str]:
        return frozenset(item.indicator_id for item in self.left_behind)


_SPACES = re.compile(r"\s+")


def _same(before: Text, after: Text) -> bool:
    def asked(text: Text) -> str:
        return _SPACES.sub(" ", text.by_language.get(SOURCE_LANGUAGE, "")).strip()

    return asked(before) == asked(after)


def _same_condition(before: Condition | None, after: Condition | None) -> bool:
    if before is None or after is None:
        return before is after
    return before.context == after.context and _same(before.reason, after.reason)


def changed_levels(before: Indicator, after: Indicator) -> tuple[int, ...]:
    """The level numbers (1 to 5) whose descriptor reads differently in ``after``."""
    return tuple(
        number
        for number in LEVELS
        if not _same(before.level_text(number), after.level_text(number))
    )


def levels_answer_rests_on(answer: Answer) -> tuple[int, ...]:
    """The levels whose meaning an answer depends on: 1 to L + 1 for a level L, else all."""
    if answer.kind is AnswerKind.LEVEL and answer.level in LEVELS:
        return tuple(number for number in LEVELS if number <= answer.level + 1)
    return LEVELS


def differences(before: Indicator, after: Indicator, answer: Answer) -> tuple[Reason, ...]:
    """Why ``answer``, given on ``before``, no longer fits ``after`` (empty when it still does)."""
    reasons: list[Reason] = []
    if not _same(before.question, after.question):
        reasons.append(Reason.QUESTION_CHANGED)
    if set(changed_levels(before, after)) & set(levels_answer_rests_on(answer)):
        reasons.append(Reason.LEVELS_CHANGED)
    if not _same_condition(before.condition, after.condition):
        reasons.append(Reason.CONDITION_CHANGED)
    if answer.kind is AnswerKind.NOT_APPLICABLE and after.always_applies:
        reasons.append(Reason.ALWAYS_APPLIES)
    return tuple(reasons)


def carry_over(
    source: Framework, target: Framework, answers: Mapping[str, Answer]
) -> CarryOverReport:
    """Sort ``answers`` (given on ``source``) into those that carry over to ``target`` and the rest.

    Pure: reads nothing and writes nothing. Answers are listed in the order of ``source``
    (answers to indicators ``source`` does not know come last, as removed).
    """
    before = {indicator.id: indicator for indicator in source.indicators}
    after = {indicator.id: indicator for indicator in target.indicators}
    order = [i.id for i in source.indicators if i.id in answers]
    order += sorted(set(answers) - set(order))
    carried: list[Carried] = []
    left_behind: list[LeftBehind] = []
    for indicator_id in order:
        answer = answers[indicator_id]
        if indicator_id not in before or indicator_id not in after:
            left_behind.append(LeftBehind(indicator_id, answer, (Reason.INDICATOR_REMOVED,)))
            continue
        old, new = before[indicator_id], after[indicator_id]
        reasons, reworded = differences(old, new, answer), changed_levels(old, new)
        if reasons:
            left_behind.append(LeftBehind(indicator_id, answer, reasons, reworded))
        else:
            carried.append(Carried(indicator_id, answer, reworded))
    source_contexts = {context.id for context in source.contexts}
    return CarryOverReport(
        source_version=source.version,
        target_version=target.version,
        carried=tuple(carried),
        left_behind=tuple(left_behind),
        new_indicators=tuple(i.id for i in target.indicators if i.id not in before),
        new_contexts=tuple(c.id for c in target.contexts if c.id not in source_contexts),
    )


def carry_over_lines(report: CarryOverReport, source: Framework) -> list[str]:
    """One line per answer that did not carry over: the question, then every reason."""

    def question(indicator_id: str) -> str:
        try:
            return source.indicator(indicator_id).question.get()
        except KeyError:
            return indicator_id

    def reason(why: Reason, levels: tuple[int, ...]) -> str:
        if why is Reason.LEVELS_CHANGED and levels:
            return ngettext(
                "The description of level {levels} changed.",
                "The description of levels {levels} changed.",
                len(levels),
            ).format(levels=", ".join(str(level) for level in levels))
        return _(REASON_LABELS[why])

    return [
        "{question} ({reasons})".format(
            question=question(item.indicator_id),
            reasons=" ".join(reason(why, item.changed_levels) for why in item.reasons),
        )
        for item in report.left_behind
    ]
