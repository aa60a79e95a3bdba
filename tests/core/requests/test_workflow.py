import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from acsg_desktop.core.people.accounts import NotAllowed, WrongPassphrase
from acsg_desktop.core.records.requests import MatchStage, RequestStatus
from acsg_desktop.core.requests.service import RequestError
from acsg_desktop.core.requests.workflow import TRANSITIONS, can_move
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import TEST_PASSPHRASE
from tests.core.requests.helpers import COMPLETE, DRAFTER, REVIEWER, SIGNATORY, incomplete, staffed


@pytest.fixture
def workspace(backend_workspace: Workspace) -> Workspace:
    """Staffed, on SQLite and on an office server."""
    return staffed(backend_workspace)


def in_review(workspace: Workspace) -> int:
    created = workspace.requests.create(COMPLETE, actor=DRAFTER)
    workspace.requests.submit_for_review(created.id, actor=DRAFTER)
    return created.id


def test_every_transition_in_the_table_and_the_refused_ones() -> None:
    statuses = list(RequestStatus)
    for current in statuses:
        for target in statuses:
            assert can_move(current, target) == (target in TRANSITIONS[current])
    assert not can_move(RequestStatus.DRAFT, RequestStatus.APPROVED)
    assert not can_move(RequestStatus.WITHDRAWN, RequestStatus.DRAFT)


def test_incomplete_draft_cannot_go_to_review(workspace: Workspace) -> None:
    created = workspace.requests.create(incomplete(), actor=DRAFTER)
    with pytest.raises(RequestError) as caught:
        workspace.requests.submit_for_review(created.id, actor=DRAFTER)
    assert {"description", "budget", "partner_kinds"} <= set(caught.value.problems)
    assert workspace.requests.get(created.id).status is RequestStatus.DRAFT


def test_draft_review_approve_export_match(workspace: Workspace) -> None:
    service = workspace.requests
    request_id = in_review(workspace)
    commented = service.comment(request_id, "Say how many officers.", actor=REVIEWER)
    with pytest.raises(RequestError, match="response before approval"):
        service.approve(request_id, actor=REVIEWER)
    service.respond(request_id, commented.comments[0].id, "Twelve.", actor=DRAFTER)
    approved = service.approve(request_id, actor=REVIEWER)
    assert (approved.status, approved.approved_by, approved.approval_waived) == (
        RequestStatus.APPROVED,
        REVIEWER,
        False,
    )
    assert approved.approved_at is not None
    service.mark_exported(request_id, actor=SIGNATORY)
    with pytest.raises(RequestError, match="can no longer be changed"):
        service.update(request_id, replace(COMPLETE, title="Changed"), actor=DRAFTER)
    replied = service.record_reply(request_id, MatchStage.AGREED, actor=SIGNATORY)
    assert (replied.status, replied.match_stage) == (RequestStatus.EXPORTED, MatchStage.AGREED)
    withdrawn = service.withdraw(request_id, actor=DRAFTER, reason="The partner left.")
    with pytest.raises(RequestError, match="cannot become"):
        service.withdraw(withdrawn.id, actor=DRAFTER, reason="again")


def test_drafter_cannot_comment_or_approve(workspace: Workspace) -> None:
    request_id = in_review(workspace)
    with pytest.raises(RequestError, match="not a reviewer"):
        workspace.requests.comment(request_id, "Fine", actor=DRAFTER)
    with pytest.raises(RequestError, match="not a reviewer"):
        workspace.requests.approve(request_id, actor=DRAFTER)


def test_last_editor_cannot_be_the_only_approver_unless_waived(workspace: Workspace) -> None:
    service = workspace.requests
    created = service.create(COMPLETE, actor=SIGNATORY)
    service.submit_for_review(created.id, actor=SIGNATORY)
    with pytest.raises(RequestError, match="another person must approve"):
        service.approve(created.id, actor=SIGNATORY)
    with pytest.raises(NotAllowed, match="Only an administrator"):
        service.allow_self_approval(True, actor=SIGNATORY, proof=TEST_PASSPHRASE)
    if not workspace.database.is_server:  # on a server the login proves who acts
        with pytest.raises(WrongPassphrase):
            service.allow_self_approval(True, actor=DRAFTER, proof="not the passphrase")
    assert not service.self_approval_allowed()
    service.allow_self_approval(True, actor=DRAFTER, proof=TEST_PASSPHRASE)  # the administrator
    approved = service.approve(created.id, actor=SIGNATORY)
    assert approved.approval_waived is True
    history = service.history(created.id)
    assert history[-1].reason == "self-approval waiver"


def test_editing_an_approved_request_needs_a_reason_and_reopens_review(
    workspace: Workspace,
) -> None:
    service = workspace.requests
    request_id = in_review(workspace)
    service.approve(request_id, actor=REVIEWER)
    changed = replace(COMPLETE, duration_months=24)
    with pytest.raises(RequestError, match="say why"):
        service.update(request_id, changed, actor=DRAFTER)
    updated = service.update(request_id, changed, actor=DRAFTER, reason="Partner asked for 24")
    assert updated.status is RequestStatus.IN_REVIEW and updated.approved_by == ""
    edit = next(e for e in service.history(request_id) if e.action == "edit:duration_months")
    assert (edit.old_value, edit.new_value, edit.reason, edit.actor) == (
        "18",
        "24",
        "Partner asked for 24",
        DRAFTER,
    )


def test_audit_chain_detects_a_row_edited_in_sqlite_and_names_it(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        staffed(workspace)
        in_review(workspace)
        check = workspace.audit_check()
        assert check.ok and check.entries >= 5
    connection = sqlite3.connect(database_path(tmp_path))
    connection.execute("UPDATE audit_log SET actor = 'Someone else' WHERE id = 3")
    connection.commit()
    connection.close()
    with Workspace.open(tmp_path) as workspace:
        check = workspace.audit_check()
    assert not check.ok and check.broken_entry == 3


def test_deleting_an_entry_breaks_the_chain_at_the_next_one(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        staffed(workspace)
        in_review(workspace)
    connection = sqlite3.connect(database_path(tmp_path))
    connection.execute("DELETE FROM audit_log WHERE id = 2")
    connection.commit()
    connection.close()
    with Workspace.open(tmp_path) as workspace:
        assert workspace.audit_check().broken_entry == 3


def test_answers_are_audited_with_old_and_new_values(workspace: Workspace) -> None:
    from acsg_desktop.core.records.assessment import Answer, AnswerKind

    service = workspace.assessments
    created = service.create("2026", 2026, actor=REVIEWER)
    indicator = service.framework_of(created).indicators[0].id
    for level in (2, 4):
        service.save_answer(
            created.id,
            Answer(indicator, AnswerKind.LEVEL, level=level, evidence="doc", answered_by=DRAFTER),
            actor=DRAFTER,
        )
    history = service.answer_history(created.id, indicator)
    assert [entry.actor for entry in history] == [DRAFTER, DRAFTER]
    assert history[0].old_value == "" and '"level": 2' in history[0].new_value
    assert '"level": 2' in history[1].old_value and '"level": 4' in history[1].new_value
    assert workspace.audit_check().ok
