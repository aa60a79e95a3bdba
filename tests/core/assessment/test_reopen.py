import json
from pathlib import Path

import pytest

from acsg_desktop.cli import main
from acsg_desktop.core.assessment.service import AssessmentError
from acsg_desktop.core.records.assessment import Answer, AnswerKind, AssessmentStatus
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import TEST_PASSPHRASE, add_people


@pytest.fixture
def workspace(tmp_path: Path):
    with Workspace.open(tmp_path) as opened:
        add_people(
            opened,
            {
                "Admin": {"drafter"},
                "Idriss": {"drafter"},
                "Fatimé": {"reviewer"},
                "Moussa": {"signatory"},
            },
        )
        yield opened


def completed(workspace: Workspace) -> int:
    service = workspace.assessments
    created = service.create("2026 baseline", 2026, actor="Idriss")
    for indicator in service.framework_of(created).indicators:
        answer = Answer(indicator.id, AnswerKind.LEVEL, level=2, answered_by="Idriss")
        service.save_answer(created.id, answer, actor="Idriss")
    service.complete(created.id, actor="Idriss")
    return created.id


def status_entries(workspace: Workspace, assessment_id: int) -> list[tuple[str, ...]]:
    with workspace.database.unit_of_work() as session:
        entries = AuditRepository(session).history("assessment", str(assessment_id))
    return [(e.actor, e.old_value, e.new_value, e.reason) for e in entries if e.action == "status"]


def test_a_drafter_cannot_reopen_a_completed_assessment(workspace: Workspace) -> None:
    assessment_id = completed(workspace)
    with pytest.raises(AssessmentError, match="Idriss is not a reviewer or signatory"):
        workspace.assessments.reopen(assessment_id, actor="Idriss", reason="Typo in 2.1")
    assert workspace.assessments.get(assessment_id).status is AssessmentStatus.COMPLETED
    assert len(status_entries(workspace, assessment_id)) == 1  # only the completion


@pytest.mark.parametrize("person", ["Fatimé", "Moussa"])
def test_a_reviewer_or_signatory_reopens_it_and_it_is_audited(
    workspace: Workspace, person: str
) -> None:
    assessment_id = completed(workspace)
    reopened = workspace.assessments.reopen(
        assessment_id, actor=person, reason="  Evidence for 2.1 was wrong  "
    )
    assert reopened.status is AssessmentStatus.IN_PROGRESS
    assert workspace.assessments.get(assessment_id).status is AssessmentStatus.IN_PROGRESS
    assert status_entries(workspace, assessment_id)[-1] == (
        person,
        "completed",
        "in_progress",
        "Evidence for 2.1 was wrong",
    )
    assert workspace.audit_check().ok


def test_reopen_needs_a_reason_and_a_completed_assessment(workspace: Workspace) -> None:
    assessment_id = completed(workspace)
    with pytest.raises(AssessmentError, match="Say why"):
        workspace.assessments.reopen(assessment_id, actor="Fatimé", reason="   ")
    workspace.assessments.reopen(assessment_id, actor="Fatimé", reason="Check 2.1")
    with pytest.raises(AssessmentError, match="Only a completed assessment"):
        workspace.assessments.reopen(assessment_id, actor="Fatimé", reason="Again")
    assert len(status_entries(workspace, assessment_id)) == 2


def test_a_locked_assessment_cannot_be_reopened(workspace: Workspace) -> None:
    assessment_id = completed(workspace)
    workspace.assessments.lock(assessment_id, actor="Moussa")
    with pytest.raises(AssessmentError, match="locked"):
        workspace.assessments.reopen(assessment_id, actor="Moussa", reason="Late change")
    assert workspace.assessments.get(assessment_id).status is AssessmentStatus.LOCKED


def test_cli_reopen(capsys: pytest.CaptureFixture[str], isolated_home: Path) -> None:
    with Workspace.open(isolated_home) as home:
        add_people(home, {"Admin": {"drafter"}, "Fatimé": {"reviewer"}, "Idriss": {"drafter"}})
        assessment_id = completed(home)
    proof = isolated_home.parent / "account-passphrase"
    proof.write_text(TEST_PASSPHRASE + "\n", encoding="utf-8")
    unproven = main(
        ["--user", "Fatimé", "assessment", "reopen", str(assessment_id), "--reason", "x"]
    )
    assert unproven != 0 and "--user-passphrase-file" in capsys.readouterr().err
    prove = ["--user-passphrase-file", str(proof)]
    refused = main(
        [*prove, "--user", "Idriss", "assessment", "reopen", str(assessment_id), "--reason", "x"]
    )
    assert refused != 0 and "not a reviewer" in capsys.readouterr().err
    status = main(
        [
            *prove,
            "--user",
            "Fatimé",
            "assessment",
            "reopen",
            str(assessment_id),
            "--reason",
            "Fix 2.1",
            "--json",
        ]
    )
    assert status == 0
    assert json.loads(capsys.readouterr().out)["status"] == "in_progress"
    with Workspace.open(isolated_home) as home:
        assert home.assessments.get(assessment_id).status is AssessmentStatus.IN_PROGRESS
        assert status_entries(home, assessment_id)[-1] == (
            "Fatimé",
            "completed",
            "in_progress",
            "Fix 2.1",
        )
