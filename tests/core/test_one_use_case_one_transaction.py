"""One use case, one transaction (issue 10): a stale edit is a translated conflict, never a lost
update; a use case that fails half-way leaves nothing behind."""

from dataclasses import replace

import pytest

from acsg_desktop.core.errors import ConflictError
from acsg_desktop.core.i18n import language_as
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.requests.service import RequestService
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import add_people
from tests.core.requests.helpers import COMPLETE, DRAFTER, REVIEWER, SIGNATORY, staffed


@pytest.fixture
def workspace(backend_workspace: Workspace) -> Workspace:
    """Staffed, on SQLite and on an office server."""
    return staffed(backend_workspace)


def second_desk(workspace: Workspace) -> RequestService:
    """Another official's services over the same database (as on an office server)."""
    return RequestService(workspace.database)


def test_two_officials_editing_one_request_give_one_success_and_one_conflict(workspace) -> None:
    first, second = workspace.requests, second_desk(workspace)
    created = first.create(COMPLETE, actor=DRAFTER)
    seen_by_both = created.version
    first.update(
        created.id,
        replace(COMPLETE, title="Edited by Idriss"),
        actor=DRAFTER,
        expected_version=seen_by_both,
    )
    with pytest.raises(ConflictError) as caught:
        second.update(
            created.id,
            replace(COMPLETE, title="Edited by Amina"),
            actor=SIGNATORY,
            expected_version=seen_by_both,
        )
    assert DRAFTER in caught.value.message and "after you opened it" in caught.value.message
    assert workspace.requests.get(created.id).content.title == "Edited by Idriss"


def test_the_conflict_message_is_translated(workspace) -> None:
    created = workspace.requests.create(COMPLETE, actor=DRAFTER)
    workspace.requests.update(created.id, replace(COMPLETE, title="New"), actor=DRAFTER)
    with language_as("fr"), pytest.raises(ConflictError) as caught:
        workspace.requests.submit_for_review(
            created.id, actor=DRAFTER, expected_version=created.version
        )
    assert "a modifié" in caught.value.message
    assert workspace.requests.get(created.id).status is RequestStatus.DRAFT


def test_a_stale_answer_is_refused_and_the_newer_one_kept(workspace) -> None:
    assessment = workspace.assessments.create("2026 baseline", 2026, actor=DRAFTER)
    indicator = workspace.assessments.shipped_framework().indicators[0].id
    mine = Answer(indicator, AnswerKind.LEVEL, level=2, answered_by=DRAFTER)
    saved = workspace.assessments.save_answer(
        assessment.id, mine, actor=DRAFTER, expected_version=0
    )
    assert saved.version == 1
    theirs = replace(mine, level=4, answered_by=REVIEWER)
    with pytest.raises(ConflictError):
        workspace.assessments.save_answer(assessment.id, theirs, actor=REVIEWER, expected_version=0)
    assert workspace.assessments.answers(assessment.id)[indicator].level == 2
    again = workspace.assessments.save_answer(
        assessment.id, theirs, actor=REVIEWER, expected_version=1
    )
    assert again.version == 2 and workspace.assessments.answers(assessment.id)[indicator].level == 4


def test_context_answers_check_the_version_they_were_based_on(workspace) -> None:
    assessment = workspace.assessments.create("2026 baseline", 2026, actor=DRAFTER)
    contexts = {c.id: True for c in workspace.assessments.shipped_framework().contexts}
    workspace.assessments.set_contexts(
        assessment.id, contexts, actor=DRAFTER, expected_version=assessment.version
    )
    with pytest.raises(ConflictError):
        workspace.assessments.set_contexts(
            assessment.id, {}, actor=REVIEWER, expected_version=assessment.version
        )
    assert workspace.assessments.get(assessment.id).contexts == contexts


def test_moving_the_cursor_is_not_an_edit(workspace) -> None:
    assessment = workspace.assessments.create("2026 baseline", 2026, actor=DRAFTER)
    workspace.assessments.set_cursor(assessment.id, "area:01")
    assert workspace.assessments.get(assessment.id).version == assessment.version


def test_an_approval_that_fails_half_way_changes_nothing(workspace, monkeypatch) -> None:
    created = workspace.requests.create(COMPLETE, actor=DRAFTER)
    workspace.requests.submit_for_review(created.id, actor=DRAFTER)
    before = workspace.audit_check().entries

    def broken(*_args, **_kwargs):
        raise OSError("the disk went away")

    monkeypatch.setattr(AuditRepository, "append", broken)
    with pytest.raises(OSError):
        workspace.requests.approve(created.id, actor=REVIEWER)
    monkeypatch.undo()
    request = workspace.requests.get(created.id)
    assert request.status is RequestStatus.IN_REVIEW and request.approved_by == ""
    assert workspace.audit_check().entries == before


def test_approval_rules_are_read_in_the_approving_transaction(workspace) -> None:
    created = workspace.requests.create(COMPLETE, actor=DRAFTER)
    workspace.requests.submit_for_review(created.id, actor=DRAFTER)
    add_people(workspace, {REVIEWER: {"drafter"}})  # no longer reviews
    with pytest.raises(Exception, match="not a reviewer"):
        workspace.requests.approve(created.id, actor=REVIEWER)
    assert workspace.requests.get(created.id).status is RequestStatus.IN_REVIEW
