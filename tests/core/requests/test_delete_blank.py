"""A "New request" made by mistake can be deleted; a request with content never is (15.8)."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from acsg_desktop.core.errors import ConflictError
from acsg_desktop.core.records.requests import RequestContent
from acsg_desktop.core.requests.blank import is_blank_draft
from acsg_desktop.core.requests.service import RequestError
from acsg_desktop.core.workspace import Workspace
from tests.core.requests.helpers import COMPLETE, DRAFTER, REVIEWER, staffed

# What the form fills in by itself: still a blank draft.
FORM_DEFAULTS = RequestContent(contact_person=DRAFTER, start=date(2027, 1, 1), currency="XAF")


@pytest.fixture
def workspace(tmp_path: Path):
    with Workspace.open(tmp_path) as opened:
        yield staffed(opened)


def test_a_blank_draft_is_deleted_and_the_audit_log_says_so(workspace: Workspace) -> None:
    created = workspace.requests.create(FORM_DEFAULTS, actor=DRAFTER)
    assert is_blank_draft(created)
    workspace.requests.delete_blank(created.id, actor=DRAFTER, expected_version=created.version)
    assert [r.id for r in workspace.requests.list()] == []
    actions = [entry.action for entry in workspace.requests.history(created.id)]
    assert actions == ["create", "delete"]


def test_a_draft_with_anything_written_is_not_deleted(workspace: Workspace) -> None:
    for content in (replace(FORM_DEFAULTS, title="A title"), COMPLETE):
        created = workspace.requests.create(content, actor=DRAFTER)
        assert not is_blank_draft(created)
        with pytest.raises(RequestError, match="withdraw"):
            workspace.requests.delete_blank(created.id, actor=DRAFTER)
        assert workspace.requests.get(created.id).content == content


def test_a_blank_request_with_a_comment_or_sent_for_review_stays(workspace: Workspace) -> None:
    created = workspace.requests.create(FORM_DEFAULTS, actor=DRAFTER)
    commented = workspace.requests.comment(created.id, "Please fill it in.", actor=REVIEWER)
    assert not is_blank_draft(commented)
    with pytest.raises(RequestError):
        workspace.requests.delete_blank(created.id, actor=DRAFTER)


def test_a_stale_delete_is_a_conflict(workspace: Workspace) -> None:
    created = workspace.requests.create(FORM_DEFAULTS, actor=DRAFTER)
    workspace.requests.update(created.id, replace(FORM_DEFAULTS, title="Now"), actor=REVIEWER)
    with pytest.raises(ConflictError):
        workspace.requests.delete_blank(created.id, actor=DRAFTER, expected_version=created.version)
    assert workspace.requests.get(created.id).content.title == "Now"
