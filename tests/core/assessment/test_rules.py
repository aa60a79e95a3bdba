"""The assessment rules the screens ask from the core: levels, evidence, next steps, areas."""

from __future__ import annotations

from dataclasses import replace

import pytest

from acsg_desktop.core.assessment.navigator import AssessmentNavigator
from acsg_desktop.core.assessment.rules import (
    answer_levels,
    evidence_from_level,
    evidence_required,
    gap_next_step,
)
from acsg_desktop.core.assessment.scoring import Gap, GapKind
from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.framework.model import Condition, Framework, Text
from acsg_desktop.core.records.assessment import Answer, AnswerKind, answer_problems


@pytest.fixture(scope="module")
def framework() -> Framework:
    return load_framework()


def complete(indicator_id: str, level: int = 2) -> Answer:
    return Answer(indicator_id, AnswerKind.LEVEL, level=level, answered_by="Amina")


def test_five_levels_and_evidence_from_level_three() -> None:
    assert answer_levels() == (1, 2, 3, 4, 5)
    assert evidence_from_level() == 3
    assert [evidence_required(level) for level in (None, 1, 2, 3, 4, 5)] == [
        False,
        False,
        False,
        True,
        True,
        True,
    ]


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_the_evidence_rule_is_the_one_the_answer_check_applies(level: int) -> None:
    answer = Answer("x", AnswerKind.LEVEL, level=level, answered_by="Amina")
    assert ("evidence" in answer_problems(answer)) is evidence_required(level)


def test_the_next_step_of_a_gap(framework: Framework) -> None:
    indicator = framework.indicators[0]

    def gap(level: int | None) -> Gap:
        kind = GapKind.BELOW_TARGET if level else GapKind.INSUFFICIENT_INFORMATION
        return Gap(indicator.id, indicator.area_id, kind, level, 3, 1)

    assert gap_next_step(framework, gap(1)) == indicator.next_steps[0]
    assert gap_next_step(framework, gap(2)) == indicator.next_steps[1]
    assert gap_next_step(framework, gap(None)) is None
    assert gap_next_step(framework, gap(5)) is None


def test_an_area_opens_at_its_first_unanswered_indicator(framework: Framework) -> None:
    area = framework.areas[1]
    first, second = (i.id for i in area.indicators[:2])
    navigator = AssessmentNavigator(framework, {})
    assert navigator.first_unanswered_in(area.id, {}) == first
    assert navigator.first_unanswered_in(area.id, {first: complete(first)}) == second
    without_evidence = complete(first, level=4)
    assert navigator.first_unanswered_in(area.id, {first: without_evidence}) == first
    everything = {i.id: complete(i.id) for i in area.indicators}
    assert navigator.first_unanswered_in(area.id, everything) == first


def test_an_area_whose_indicators_are_all_skipped_keeps_the_current_step(
    framework: Framework,
) -> None:
    area = framework.areas[1]
    skipped = Condition("has_the_thing", Text({"en": "There is no such thing."}))
    conditional = tuple(replace(i, condition=skipped) for i in area.indicators)
    areas = tuple(replace(a, indicators=conditional) if a is area else a for a in framework.areas)
    navigator = AssessmentNavigator(replace(framework, areas=areas), {"has_the_thing": False})
    navigator.next()
    assert navigator.current not in {i.id for i in area.indicators}
    assert navigator.first_unanswered_in(area.id, {}) == navigator.current
