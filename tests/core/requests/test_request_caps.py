"""Requests refuse over-long or unprintable text when saved, not only when submitted (issue 9)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from acsg_desktop.core.requests.service import RequestError
from acsg_desktop.core.workspace import Workspace
from tests.core.requests.helpers import COMPLETE, DRAFTER, REVIEWER, staffed


@pytest.fixture
def workspace(tmp_path: Path):
    with Workspace.open(tmp_path) as opened:
        yield staffed(opened)


def test_a_draft_over_a_cap_is_refused_and_nothing_is_stored(workspace: Workspace) -> None:
    with pytest.raises(RequestError) as caught:
        workspace.requests.create(replace(COMPLETE, description="d" * 5_001), actor=DRAFTER)
    assert set(caught.value.problems) == {"description"}
    assert workspace.requests.list() == []


def test_edits_comments_and_responses_are_capped_and_cleaned(workspace: Workspace) -> None:
    request = workspace.requests.create(COMPLETE, actor=DRAFTER)
    with pytest.raises(RequestError, match="Title is too long"):
        workspace.requests.update(request.id, replace(COMPLETE, title="t" * 201), actor=DRAFTER)
    pasted = replace(COMPLETE, measurement="Monthly\x1b[2J log\u202e")
    saved = workspace.requests.update(request.id, pasted, actor=DRAFTER)
    assert saved.content.measurement == "Monthly[2J log"
    with pytest.raises(RequestError, match="too long"):
        workspace.requests.comment(request.id, "c" * 5_001, actor=REVIEWER)
    commented = workspace.requests.comment(request.id, "Why\x00 now?", actor=REVIEWER)
    assert commented.comments[0].body == "Why now?"
