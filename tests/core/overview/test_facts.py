"""The overview's facts, read from the store on SQLite and on an office server: the current
assessment's progress by area and answers per person, its top gaps, requests by stage and
those waiting for the user, and the trend over every assessment."""

from dataclasses import replace

import pytest

from acsg_desktop.core.overview.facts import TOP_GAPS, current_assessment, gather, waiting_for
from acsg_desktop.core.overview.next_action import ActionKind, next_action
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import add_staff
from tests.core.requests.helpers import COMPLETE

DRAFTER, REVIEWER = "Amina", "Idriss"


@pytest.fixture
def workspace(backend_workspace: Workspace) -> Workspace:
    add_staff(backend_workspace, {DRAFTER: {"drafter"}, REVIEWER: {"reviewer"}})
    return backend_workspace


def level(indicator_id: str, value: int, by: str = DRAFTER) -> Answer:
    return Answer(indicator_id, AnswerKind.LEVEL, level=value, evidence="Report", answered_by=by)


def answer_all(workspace: Workspace, assessment_id: int, value: int) -> None:
    framework = workspace.assessments.framework_of(workspace.assessments.get(assessment_id))
    for indicator in framework.indicators:
        workspace.assessments.save_answer(assessment_id, level(indicator.id, value), actor=DRAFTER)


def test_an_empty_folder_has_no_standing_and_says_start(workspace: Workspace) -> None:
    facts = gather(workspace)
    assert (facts.standing, facts.top_gaps, facts.trend, facts.last_package) == (None, (), (), None)
    assert set(facts.requests_by_stage.values()) == {0}
    assert next_action(facts).kind is ActionKind.START_ASSESSMENT


def test_the_latest_in_progress_assessment_is_current_with_its_progress_by_area(
    workspace: Workspace,
) -> None:
    service = workspace.assessments
    baseline = service.create("2024 baseline", 2024, actor=DRAFTER)
    answer_all(workspace, baseline.id, 2)
    service.complete(baseline.id, actor=DRAFTER)
    follow_up = service.create("2025 follow-up", 2025, actor=DRAFTER)
    later = service.create("2026 follow-up", 2026, actor=DRAFTER)
    answer_all(workspace, later.id, 4)
    service.complete(later.id, actor=DRAFTER)  # completed: the one in progress stays current
    framework = service.framework_of(follow_up)
    first, second = framework.areas[0], framework.areas[1]
    for indicator in first.indicators:
        service.save_answer(follow_up.id, level(indicator.id, 1), actor=DRAFTER)
    service.save_answer(follow_up.id, level(second.indicators[0].id, 2, REVIEWER), actor=DRAFTER)
    standing = gather(workspace).standing
    assert standing is not None and standing.summary.id == follow_up.id
    by_area = {area.area_id: area for area in standing.areas}
    assert (by_area[first.id].answered, by_area[first.id].left) == (len(first.indicators), 0)
    assert by_area[second.id].answered == 1
    assert by_area[second.id].first_unanswered == second.indicators[1].id
    assert standing.unfinished_areas()[0].area_id == second.id
    assert standing.answered == len(first.indicators) + 1
    assert standing.left == standing.applicable - standing.answered > 0
    assert standing.answers_by_person == ((DRAFTER, len(first.indicators)), (REVIEWER, 1))


def test_top_gaps_and_the_trend_cover_every_assessment_oldest_first(workspace: Workspace) -> None:
    service = workspace.assessments
    for year, value in ((2026, 2), (2023, 1), (2024, 3)):
        created = service.create(f"{year} round", year, actor=DRAFTER)
        answer_all(workspace, created.id, value)
        service.complete(created.id, actor=DRAFTER)
    facts = gather(workspace)
    assert [(p.year, round(p.overall or 0)) for p in facts.trend] == [
        (2023, 0),
        (2024, 50),
        (2026, 25),
    ]
    assert set(facts.trend[1].aims) == {"fairness", "efficiency", "adaptability", "integrity"}
    assert facts.standing is not None and facts.standing.summary.year == 2026  # none in progress
    assert len(facts.top_gaps) == TOP_GAPS  # of the 2026 round, every indicator at level 2
    assert all(gap.level == 2 for gap in facts.top_gaps)
    gaps = workspace.assessments.scores(facts.standing.summary.id).gaps  # highest priority first
    assert [gap.indicator_id for gap in facts.top_gaps] == [g.indicator_id for g in gaps[:5]]


def test_requests_by_stage_and_those_waiting_for_a_reviewer(workspace: Workspace) -> None:
    requests = workspace.requests
    made = [requests.create(replace(COMPLETE, title=t), actor=DRAFTER) for t in "ABC"]
    requests.submit_for_review(made[0].id, actor=DRAFTER)
    requests.withdraw(made[2].id, actor=DRAFTER, reason="Not needed")
    facts = gather(workspace)
    stages = facts.requests_by_stage
    assert (stages[RequestStatus.DRAFT], stages[RequestStatus.IN_REVIEW]) == (1, 1)
    assert (stages[RequestStatus.WITHDRAWN], stages[RequestStatus.APPROVED]) == (1, 0)
    reviewer, drafter = requests.stage_counts(REVIEWER), requests.stage_counts(DRAFTER)
    assert waiting_for(reviewer, frozenset({"reviewer"}), False) == 1
    assert waiting_for(drafter, frozenset({"drafter"}), False) == 0  # not a reviewer
    # A reviewer who edited the request last may approve it only under the waiver.
    assert waiting_for(drafter, frozenset({"signatory"}), False) == 0
    assert waiting_for(drafter, frozenset({"signatory"}), True) == 1


def test_the_current_assessment_is_none_without_assessments() -> None:
    assert current_assessment([]) is None


def test_the_first_screen_scores_only_the_newest_assessments(workspace: Workspace) -> None:
    """A big folder (5,000 assessments) once made the overview score every one of them at
    start-up: the trend shows the newest TREND_POINTS, the current one is found all the same."""
    from sqlalchemy import text

    from acsg_desktop.core.overview.facts import TREND_POINTS

    made = [
        workspace.assessments.create(f"Round {year}", year, actor=DRAFTER)
        for year in range(2026 - TREND_POINTS - 1, 2027)
    ]
    with workspace.database.unit_of_work() as session:  # all done but the oldest
        session.execute(
            text("UPDATE assessment SET status = 'completed' WHERE id != :oldest"),
            {"oldest": made[0].id},
        )
    facts = gather(workspace)
    assert [point.year for point in facts.trend] == [s.year for s in made[-TREND_POINTS:]]
    assert facts.standing is not None and facts.standing.summary.id == made[0].id
