from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acsg_desktop.core.assessment.scoring import GapKind, level_percent, score
from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.framework.model import AIMS
from acsg_desktop.core.records.assessment import Answer, AnswerKind

FRAMEWORK = load_framework()
IDS = [indicator.id for indicator in FRAMEWORK.indicators]


def level_answer(indicator_id: str, level: int) -> Answer:
    return Answer(
        indicator_id, AnswerKind.LEVEL, level=level, evidence="report", answered_by="Amina"
    )


answer_for = st.one_of(
    st.integers(1, 5).map(lambda level: ("level", level)),
    st.just(("not_applicable", None)),
    st.just(("insufficient_information", None)),
)
answer_sets = st.dictionaries(st.sampled_from(IDS), answer_for, max_size=len(IDS))


def build(raw: dict) -> dict[str, Answer]:
    return {
        indicator_id: level_answer(indicator_id, level)
        if kind == "level"
        else Answer(indicator_id, AnswerKind(kind), note="Justified", answered_by="Amina")
        for indicator_id, (kind, level) in raw.items()
    }


@settings(max_examples=60, deadline=None)
@given(answer_sets)
def test_scores_are_percentages_and_completion_a_share(raw: dict) -> None:
    scores = score(FRAMEWORK, build(raw), {})
    values = [*scores.area_scores.values(), *scores.aim_scores.values(), scores.overall]
    assert all(v is None or 0 <= v <= 100 for v in values)
    assert 0 <= scores.completion <= 1
    always = {i.id for i in FRAMEWORK.indicators if i.always_applies}
    refused = {k for k, (kind, _l) in raw.items() if kind == "not_applicable" and k in always}
    assert scores.answered == len(raw) - len(refused)  # "n/a" where it always applies: not
    assert set(scores.incomplete) == refused


@settings(max_examples=60, deadline=None)
@given(answer_sets)
def test_gaps_are_below_target_and_ranked(raw: dict) -> None:
    scores = score(FRAMEWORK, build(raw), {})
    priorities = [gap.priority for gap in scores.gaps]
    assert priorities == sorted(priorities, reverse=True)
    for gap in scores.gaps:
        assert gap.kind is GapKind.BELOW_TARGET
        assert gap.level is not None and gap.level < gap.target_level
        assert gap.priority == (gap.target_level - gap.level) * gap.weight
    insufficient = {k for k, (kind, _l) in raw.items() if kind == "insufficient_information"}
    assert {gap.indicator_id for gap in scores.insufficient} == insufficient


@settings(max_examples=40, deadline=None)
@given(answer_sets, st.sampled_from(IDS))
def test_not_applicable_changes_no_score(raw: dict, extra: str) -> None:
    raw.pop(extra, None)
    before = score(FRAMEWORK, build(raw), {})
    raw[extra] = ("not_applicable", None)
    after = score(FRAMEWORK, build(raw), {})
    assert after.area_scores == before.area_scores
    assert after.aim_scores == before.aim_scores
    assert extra not in {gap.indicator_id for gap in after.gaps}


@settings(max_examples=40, deadline=None)
@given(answer_sets, st.sampled_from(IDS), st.integers(1, 4))
def test_raising_a_level_never_lowers_its_area_or_aims(raw: dict, raised: str, level: int) -> None:
    indicator = FRAMEWORK.indicator(raised)
    raw[raised] = ("level", level)
    lower = score(FRAMEWORK, build(raw), {})
    raw[raised] = ("level", level + 1)
    higher = score(FRAMEWORK, build(raw), {})
    assert higher.area_scores[indicator.area_id] > lower.area_scores[indicator.area_id]
    for aim in indicator.aims:
        assert higher.aim_scores[aim] > lower.aim_scores[aim]


@pytest.mark.parametrize(("level", "expected"), [(1, 0.0), (3, 50.0), (5, 100.0)])
def test_uniform_answers_give_uniform_scores(level: int, expected: float) -> None:
    answers = {i: level_answer(i, level) for i in IDS}
    scores = score(FRAMEWORK, answers, {})
    assert level_percent(level) == expected
    assert scores.overall == expected
    assert all(scores.aim_scores[aim] == expected for aim in AIMS)
    assert scores.completion == 1


def test_key_indicators_count_double() -> None:
    area = next(a for a in FRAMEWORK.areas if {i.weight for i in a.indicators} == {1, 2})
    key = next(i for i in area.indicators if i.weight == 2)
    answers = {i.id: level_answer(i.id, 5 if i is key else 1) for i in area.indicators}
    total_weight = sum(i.weight for i in area.indicators)
    assert score(FRAMEWORK, answers, {}).area_scores[area.id] == pytest.approx(200 / total_weight)


def test_insufficient_information_and_unsupported_levels_are_not_scored() -> None:
    first, second = IDS[:2]
    answers = {
        first: Answer(first, AnswerKind.INSUFFICIENT_INFORMATION, answered_by="Amina"),
        second: replace(level_answer(second, 4), evidence=""),
    }
    scores = score(FRAMEWORK, answers, {})
    assert scores.overall is None
    assert scores.incomplete == (second,)
    assert [g.indicator_id for g in scores.insufficient] == [first]
    assert scores.answered == 1


def test_indicators_that_do_not_apply_leave_completion_alone() -> None:
    contexts = {context.id: False for context in FRAMEWORK.contexts}
    applicable = [i for i in FRAMEWORK.indicators if i.applies(contexts)]
    answers = {i.id: level_answer(i.id, 3) for i in applicable}
    scores = score(FRAMEWORK, answers, contexts)
    assert scores.applicable == len(applicable) < len(IDS)
    assert scores.completion == 1
