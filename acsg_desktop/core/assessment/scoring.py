"""Scores in %, completion and ranked gaps, explained on the results screen.

A level counts as (level - 1) / 4, so level 1 is 0 % and level 5 is 100 %. Area and aim scores
are means weighted by the indicators' weights (key indicators count double). "Not applicable"
is left out; "insufficient information" is not scored but listed as its own kind of gap; an
answer that breaks a rule (level 3 or more without evidence) is not scored until it is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from acsg_desktop.core.framework.model import AIMS, Framework, Indicator
from acsg_desktop.core.records.assessment import Answer, AnswerKind, is_complete

MAX_LEVEL = 5


class GapKind(StrEnum):
    BELOW_TARGET = "below_target"
    INSUFFICIENT_INFORMATION = "insufficient_information"


@dataclass(frozen=True)
class Gap:
    """An indicator below its target level, or one the authority could not answer."""

    indicator_id: str
    area_id: str
    kind: GapKind
    level: int | None
    target_level: int
    weight: int

    @property
    def priority(self) -> int:
        """Distance to the target times the weight: what to work on first."""
        return (self.target_level - (self.level or 0)) * self.weight if self.level else 0


@dataclass(frozen=True)
class Scores:
    """Everything the results screen, the CLI and the report show."""

    area_scores: dict[str, float | None]
    aim_scores: dict[str, float | None]
    overall: float | None
    answered: int
    applicable: int
    gaps: tuple[Gap, ...]
    insufficient: tuple[Gap, ...]
    incomplete: tuple[str, ...]

    @property
    def completion(self) -> float:
        """Share of applicable indicators with a complete answer, from 0 to 1."""
        return self.answered / self.applicable if self.applicable else 1.0


def level_percent(level: int) -> float:
    """Level 1 -> 0 %, level 5 -> 100 %."""
    return (level - 1) * 100 / (MAX_LEVEL - 1)


def _weighted_mean(pairs: list[tuple[float, int]]) -> float | None:
    total_weight = sum(weight for _value, weight in pairs)
    if not total_weight:
        return None
    return sum(value * weight for value, weight in pairs) / total_weight


def _gap(indicator: Indicator, answer: Answer) -> Gap | None:
    if answer.kind is AnswerKind.INSUFFICIENT_INFORMATION:
        kind = GapKind.INSUFFICIENT_INFORMATION
    elif answer.kind is AnswerKind.LEVEL and (answer.level or 0) < indicator.target_level:
        kind = GapKind.BELOW_TARGET
    else:
        return None
    return Gap(
        indicator.id,
        indicator.area_id,
        kind,
        answer.level,
        indicator.target_level,
        indicator.weight,
    )


def score(framework: Framework, answers: dict[str, Answer], contexts: dict[str, bool]) -> Scores:
    """Score ``answers`` against ``framework`` given the context answers."""
    by_area: dict[str, list[tuple[float, int]]] = {area.id: [] for area in framework.areas}
    by_aim: dict[str, list[tuple[float, int]]] = {aim: [] for aim in AIMS}
    overall: list[tuple[float, int]] = []
    gaps: list[Gap] = []
    incomplete: list[str] = []
    applicable = answered = 0
    for indicator in framework.indicators:
        if not indicator.applies(contexts):
            continue
        applicable += 1
        answer = answers.get(indicator.id)
        if answer is None:
            continue
        if not is_complete(answer, indicator):
            incomplete.append(indicator.id)
            continue
        answered += 1
        gap = _gap(indicator, answer)
        if gap:
            gaps.append(gap)
        if answer.kind is AnswerKind.LEVEL and answer.level:
            pair = (level_percent(answer.level), indicator.weight)
            by_area[indicator.area_id].append(pair)
            overall.append(pair)
            for aim in indicator.aims:
                by_aim[aim].append(pair)
    below = [gap for gap in gaps if gap.kind is GapKind.BELOW_TARGET]
    return Scores(
        area_scores={area: _weighted_mean(pairs) for area, pairs in by_area.items()},
        aim_scores={aim: _weighted_mean(pairs) for aim, pairs in by_aim.items()},
        overall=_weighted_mean(overall),
        answered=answered,
        applicable=applicable,
        gaps=tuple(sorted(below, key=lambda gap: -gap.priority)),
        insufficient=tuple(g for g in gaps if g.kind is GapKind.INSUFFICIENT_INFORMATION),
        incomplete=tuple(incomplete),
    )
