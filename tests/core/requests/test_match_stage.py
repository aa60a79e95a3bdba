"""The Secretariat's reply: a match stage of an exported request, by a reviewer, audited."""

from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.errors import ConflictError
from acsg_desktop.core.records.requests import MatchStage, RequestStatus
from acsg_desktop.core.requests.service import RequestError
from acsg_desktop.core.requests.workflow import RequestAction, available_actions
from acsg_desktop.core.workspace import Workspace


def test_the_reply_is_offered_only_for_an_exported_request() -> None:
    for status in RequestStatus:
        offered = RequestAction.RECORD_REPLY in available_actions(status)
        assert offered is (status is RequestStatus.EXPORTED)


def test_a_reviewer_records_each_stage_and_every_change_is_audited(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        result = create_demo(workspace, "en")
        approved = next(r for r in result.requests if r.status is RequestStatus.APPROVED)
        service = workspace.requests
        with pytest.raises(RequestError, match="Only an exported request"):
            service.record_reply(approved.id, MatchStage.PROPOSED, actor="Fatimé Zakaria")
        exported = service.mark_exported(approved.id, actor="Fatimé Zakaria")
        with pytest.raises(RequestError, match="not a reviewer"):
            service.record_reply(exported.id, MatchStage.PROPOSED, actor="Idriss Abakar")
        stages = [MatchStage.PROPOSED, MatchStage.UNDER_DISCUSSION, MatchStage.AGREED]
        for stage in stages:
            replied = service.record_reply(
                exported.id, stage, actor="Fatimé Zakaria", message=f"  now {stage.value} "
            )
        assert (replied.match_stage, replied.match_message) == (MatchStage.AGREED, "now agreed")
        assert replied.status is RequestStatus.EXPORTED
        trail = [e for e in service.history(exported.id) if e.action == "match_stage"]
        assert [(e.old_value, e.new_value) for e in trail] == [
            ("", "proposed"),
            ("proposed", "under_discussion"),
            ("under_discussion", "agreed"),
        ]
        with pytest.raises(ConflictError):
            service.record_reply(
                exported.id,
                MatchStage.NOT_MATCHED,
                actor="Fatimé Zakaria",
                expected_version=exported.version,
            )
        assert service.get(exported.id).match_stage is MatchStage.AGREED
