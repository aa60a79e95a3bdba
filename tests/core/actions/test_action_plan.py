"""The action plan on SQLite and on an office server: made from gaps, edited, moved, deleted
while planned, sorted in SQL; every change audited, refused for a person without a role."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from acsg_desktop.core.actions.service import ActionError
from acsg_desktop.core.errors import ConflictError
from acsg_desktop.core.people.accounts import NotAllowed
from acsg_desktop.core.records.actions import ActionContent, ActionStatus
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.records.list_rows import PageOrder
from acsg_desktop.core.workspace import Workspace
from tests.core.requests.helpers import DRAFTER, REVIEWER, staffed

DUE = date(2027, 6, 30)


@pytest.fixture
def workspace(backend_workspace: Workspace) -> Workspace:
    return staffed(backend_workspace)


def assessment_with_gaps(workspace: Workspace) -> int:
    """An assessment whose first three indicators are answered at level 1 (three gaps)."""
    service = workspace.assessments
    created = service.create("2027 baseline", 2027, actor=DRAFTER)
    for indicator in service.framework_of(created).indicators[:3]:
        answer = Answer(indicator.id, AnswerKind.LEVEL, level=1, answered_by=DRAFTER)
        service.save_answer(created.id, answer, actor=DRAFTER)
    return created.id


def test_actions_made_from_gaps_carry_the_next_step_and_are_audited(workspace: Workspace) -> None:
    assessment_id = assessment_with_gaps(workspace)
    gaps = workspace.assessments.scores(assessment_id).gaps[:2]
    made = workspace.actions.create_from_gaps(assessment_id, gaps, actor=DRAFTER)
    framework = workspace.assessments.framework_of(workspace.assessments.get(assessment_id))
    for action, gap in zip(made, gaps, strict=True):
        step = framework.indicator(gap.indicator_id).next_step(1)
        assert step is not None
        assert action.content.description == step.get()
        assert (action.content.gap, action.status, action.created_by) == (
            gap.indicator_id,
            ActionStatus.PLANNED,
            DRAFTER,
        )
        assert action.content.due > date.today()
        assert [e.action for e in workspace.actions.history(action.id)] == ["create"]


def test_edit_and_status_change_are_audited_field_by_field(workspace: Workspace) -> None:
    assessment_id = assessment_with_gaps(workspace)
    action = workspace.actions.create(
        assessment_id, ActionContent("", "Train the registration staff", "", DUE), actor=DRAFTER
    )
    edited = workspace.actions.update(
        action.id,
        replace(action.content, owner="Legal unit", due=DUE + timedelta(days=30)),
        ActionStatus.IN_PROGRESS,
        actor=REVIEWER,
        expected_version=action.version,
    )
    assert (edited.content.owner, edited.status, edited.version) == (
        "Legal unit",
        ActionStatus.IN_PROGRESS,
        action.version + 1,
    )
    history = workspace.actions.history(action.id)
    assert [(e.action, e.old_value, e.new_value, e.actor) for e in history[1:]] == [
        ("edit:owner", "", "Legal unit", REVIEWER),
        ("edit:due", "2027-06-30", "2027-07-30", REVIEWER),
        ("status", "planned", "in_progress", REVIEWER),
    ]
    same = workspace.actions.update(action.id, edited.content, actor=REVIEWER)
    assert same.version == edited.version  # nothing changed, nothing written


def test_a_stale_version_is_a_conflict_and_nothing_is_saved(workspace: Workspace) -> None:
    assessment_id = assessment_with_gaps(workspace)
    action = workspace.actions.create(
        assessment_id, ActionContent("", "Write the procedure", "", DUE), actor=DRAFTER
    )
    workspace.actions.set_status(action.id, ActionStatus.IN_PROGRESS, actor=REVIEWER)
    with pytest.raises(ConflictError) as caught:
        workspace.actions.update(
            action.id,
            replace(action.content, owner="Someone"),
            actor=DRAFTER,
            expected_version=action.version,
        )
    assert caught.value.who == REVIEWER
    assert workspace.actions.get(action.id).content.owner == ""


def test_only_a_planned_action_is_deleted_and_the_log_keeps_it(workspace: Workspace) -> None:
    assessment_id = assessment_with_gaps(workspace)
    content = ActionContent("", "Hire an interpreter", "Registry", DUE)
    kept = workspace.actions.create(assessment_id, content, actor=DRAFTER)
    workspace.actions.set_status(kept.id, ActionStatus.DONE, actor=DRAFTER)
    with pytest.raises(ActionError, match="dropped instead"):
        workspace.actions.delete(kept.id, actor=DRAFTER)
    mistake = workspace.actions.create(assessment_id, content, actor=DRAFTER)
    workspace.actions.delete(mistake.id, actor=DRAFTER)
    assert [a.id for a in workspace.actions.list(assessment_id)] == [kept.id]
    assert [e.action for e in workspace.actions.history(mistake.id)] == ["create", "delete"]


def test_a_person_without_a_role_is_refused_and_nothing_is_made(workspace: Workspace) -> None:
    assessment_id = assessment_with_gaps(workspace)
    with pytest.raises(NotAllowed):
        workspace.actions.create(
            assessment_id, ActionContent("", "Anything", "", DUE), actor="Nobody Here"
        )
    assert workspace.actions.list(assessment_id) == []


@pytest.mark.parametrize(
    ("description", "owner", "field"),
    [("   ", "", "description"), ("Fine", "x" * 201, "owner"), ("Fine", "A\x1bB", "owner")],
)
def test_texts_that_cannot_be_saved_are_refused(
    workspace: Workspace, description: str, owner: str, field: str
) -> None:
    assessment_id = assessment_with_gaps(workspace)
    with pytest.raises(ActionError) as caught:
        workspace.actions.create(
            assessment_id, ActionContent("", description, owner, DUE), actor=DRAFTER
        )
    assert set(caught.value.problems) == {field}


def test_pages_sort_by_due_date_by_status_and_filter_by_status(workspace: Workspace) -> None:
    assessment_id = assessment_with_gaps(workspace)
    ids = {}
    for days, name in ((30, "late"), (0, "first"), (10, "middle")):
        content = ActionContent("", name, "", DUE + timedelta(days=days))
        ids[name] = workspace.actions.create(assessment_id, content, actor=DRAFTER).id
    workspace.actions.set_status(ids["first"], ActionStatus.DONE, actor=DRAFTER)
    by_due = workspace.actions.page(assessment_id, 0, 10)
    assert [a.content.description for a in by_due] == ["first", "middle", "late"]
    by_status = workspace.actions.page(assessment_id, 0, 10, PageOrder("status"))
    assert [a.content.description for a in by_status] == ["middle", "late", "first"]
    assert [a.id for a in workspace.actions.page(assessment_id, 1, 1)] == [ids["middle"]]
    done = workspace.actions.page(assessment_id, 0, 10, status=ActionStatus.DONE)
    assert [a.id for a in done] == [ids["first"]]
    today = DUE + timedelta(days=20)
    assert [a.overdue(today) for a in by_due] == [False, True, False]
