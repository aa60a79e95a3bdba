import pytest

from acsg_desktop.core.assessment.navigator import CONTEXT_STEP, REVIEW_STEP, AssessmentNavigator
from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.records.assessment import Answer, AnswerKind


@pytest.fixture(scope="module")
def framework():
    return load_framework()


def test_steps_run_from_contexts_through_indicators_to_review(framework) -> None:
    navigator = AssessmentNavigator(framework, {})
    assert navigator.current == CONTEXT_STEP and not navigator.can_go_back()
    assert navigator.next() == framework.indicators[0].id
    assert navigator.back() == CONTEXT_STEP
    assert navigator.steps[-1] == REVIEW_STEP
    assert len(navigator.steps) == len(framework.indicators) + 2


def test_next_stops_at_the_review(framework) -> None:
    navigator = AssessmentNavigator(framework, {}, cursor=framework.indicators[-1].id)
    assert navigator.next() == REVIEW_STEP
    assert not navigator.can_go_next()
    assert navigator.next() == REVIEW_STEP


def test_a_context_answered_no_skips_its_indicators(framework) -> None:
    detention = framework.indicator("access-registration.detention")
    assert detention.condition.context == "applicants_detained"
    navigator = AssessmentNavigator(framework, {"applicants_detained": False})
    assert detention.id not in navigator.steps
    area = framework.area("access-registration").indicators
    before = area[[i.id for i in area].index(detention.id) - 1].id
    navigator.go_to(before)
    assert navigator.next() != detention.id


def test_changing_a_context_moves_off_a_step_that_no_longer_applies(framework) -> None:
    conditional = next(i for i in framework.indicators if i.condition)
    context = conditional.condition.context
    navigator = AssessmentNavigator(framework, {}, cursor=conditional.id)
    navigator.set_contexts({context: False})
    assert navigator.current != conditional.id
    assert navigator.current in navigator.steps
    navigator.set_contexts({context: True})
    assert conditional.id in navigator.steps


def test_back_returns_where_the_user_jumped_from(framework) -> None:
    navigator = AssessmentNavigator(framework, {})
    navigator.next()
    navigator.next()
    here = navigator.current
    navigator.go_to(REVIEW_STEP)
    assert navigator.back() == here


def test_resumes_at_the_saved_cursor_and_ignores_an_unknown_one(framework) -> None:
    target = framework.indicators[40].id
    assert AssessmentNavigator(framework, {}, cursor=target).current == target
    assert AssessmentNavigator(framework, {}, cursor="gone.indicator").current == CONTEXT_STEP


def test_progress_and_first_unanswered(framework) -> None:
    navigator = AssessmentNavigator(framework, {})
    first_area = framework.areas[0]
    answers = {
        i.id: Answer(i.id, AnswerKind.LEVEL, level=2, answered_by="Amina")
        for i in first_area.indicators
    }
    answers[first_area.indicators[1].id] = Answer(
        first_area.indicators[1].id, AnswerKind.LEVEL, level=4, answered_by="Amina"
    )  # no evidence
    progress = navigator.progress(answers)[0]
    assert (progress.answered, progress.applicable) == (
        len(first_area.indicators) - 1,
        len(first_area.indicators),
    )
    assert navigator.first_unanswered(answers) == first_area.indicators[1].id
