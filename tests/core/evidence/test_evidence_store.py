"""Evidence files on SQLite and on an office server: the bytes kept once in the database by
their SHA-256, listed per answer, read back, opened as a read-only copy, removed; every change
audited; caps per file and per assessment; refused once the assessment is completed."""

import hashlib
import stat
from pathlib import Path

import pytest

from acsg_desktop.core.evidence import service as evidence_service
from acsg_desktop.core.evidence.file_types import EvidenceError
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.workspace import Workspace
from tests.core.evidence.samples import PDF, PNG, write
from tests.core.requests.helpers import DRAFTER, staffed


@pytest.fixture
def workspace(backend_workspace: Workspace) -> Workspace:
    return staffed(backend_workspace)


def started(workspace: Workspace) -> tuple[int, str, str]:
    """A new assessment and the ids of its first two indicators."""
    created = workspace.assessments.create("2027 baseline", 2027, actor=DRAFTER)
    first, second = workspace.assessments.framework_of(created).indicators[:2]
    return created.id, first.id, second.id


def test_files_are_kept_once_listed_read_and_removed_with_audit(
    workspace: Workspace, tmp_path: Path
) -> None:
    assessment, first, second = started(workspace)
    scan = workspace.evidence.attach(
        assessment, first, write(tmp_path, "Décret 2025.pdf", PDF), actor=DRAFTER
    )
    photo = workspace.evidence.attach(
        assessment, first, write(tmp_path, "office.png", PNG), actor=DRAFTER
    )
    again = workspace.evidence.attach(
        assessment, second, write(tmp_path / "b", "same.pdf", PDF), actor=DRAFTER
    )
    assert (scan.sha256, scan.size, scan.media_type, scan.file_name, scan.added_by) == (
        hashlib.sha256(PDF).hexdigest(),
        len(PDF),
        "application/pdf",
        "Décret 2025.pdf",
        DRAFTER,
    )
    assert [f.file_name for f in workspace.evidence.files(assessment, first)] == [
        "Décret 2025.pdf",
        "office.png",
    ]
    assert len(workspace.evidence.files(assessment)) == 3
    assert workspace.evidence.content(photo) == PNG
    assert workspace.database.table_counts()["evidence_blob"] == 2  # the PDF once
    workspace.evidence.remove(scan.id, actor=DRAFTER)
    assert workspace.evidence.content(again) == PDF  # still used by the second answer
    workspace.evidence.remove(again.id, actor=DRAFTER)
    assert workspace.database.table_counts()["evidence_blob"] == 1
    actions = [e.action for e in workspace.assessments.answer_history(assessment, first)]
    assert actions == ["evidence_attach", "evidence_attach", "evidence_remove"]
    assert workspace.audit_check().ok


def test_the_same_file_twice_on_one_answer_and_empty_files_are_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    assessment, first, _second = started(workspace)
    workspace.evidence.attach(assessment, first, write(tmp_path, "a.pdf", PDF), actor=DRAFTER)
    with pytest.raises(EvidenceError, match="already attached"):
        workspace.evidence.attach(assessment, first, write(tmp_path, "b.pdf", PDF), actor=DRAFTER)
    with pytest.raises(EvidenceError, match="empty"):
        workspace.evidence.attach(assessment, first, write(tmp_path, "c.pdf", b""), actor=DRAFTER)
    with pytest.raises(EvidenceError, match="could run"):
        workspace.evidence.attach(assessment, first, write(tmp_path, "x.exe", b"MZ"), actor=DRAFTER)
    assert len(workspace.evidence.files(assessment)) == 1


def test_caps_per_file_and_per_assessment(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment, first, second = started(workspace)
    big = write(tmp_path, "big.pdf", PDF + b"0" * evidence_service.MAX_FILE_BYTES)
    with pytest.raises(EvidenceError, match="at most 10\u00a0MB"):
        workspace.evidence.attach(assessment, first, big, actor=DRAFTER)
    monkeypatch.setattr(evidence_service, "MAX_ASSESSMENT_BYTES", len(PDF) + len(PNG) - 1)
    workspace.evidence.attach(assessment, first, write(tmp_path, "a.pdf", PDF), actor=DRAFTER)
    workspace.evidence.attach(assessment, second, write(tmp_path, "b.pdf", PDF), actor=DRAFTER)
    with pytest.raises(EvidenceError, match="an assessment may hold at most"):
        workspace.evidence.attach(assessment, first, write(tmp_path, "p.png", PNG), actor=DRAFTER)


def test_the_copy_to_open_is_read_only_under_a_safe_name(
    workspace: Workspace, tmp_path: Path
) -> None:
    assessment, first, _second = started(workspace)
    attached = workspace.evidence.attach(
        assessment, first, write(tmp_path, "..rapport;final.PDF", PDF), actor=DRAFTER
    )
    copy = workspace.evidence.open_copy(attached)
    assert copy.name == "rapport_final.pdf"
    assert copy.read_bytes() == PDF
    assert stat.S_IMODE(copy.stat().st_mode) == 0o400


def test_files_cannot_change_once_the_assessment_is_completed(
    workspace: Workspace, tmp_path: Path
) -> None:
    assessment, first, _second = started(workspace)
    attached = workspace.evidence.attach(
        assessment, first, write(tmp_path, "a.pdf", PDF), actor=DRAFTER
    )
    summary = workspace.assessments.get(assessment)
    for indicator in workspace.assessments.framework_of(summary).indicators:
        answer = Answer(indicator.id, AnswerKind.LEVEL, level=1, answered_by=DRAFTER)
        workspace.assessments.save_answer(assessment, answer, actor=DRAFTER)
    workspace.assessments.complete(assessment, actor=DRAFTER)
    with pytest.raises(EvidenceError, match="completed"):
        workspace.evidence.remove(attached.id, actor=DRAFTER)
    with pytest.raises(EvidenceError, match="completed"):
        workspace.evidence.attach(assessment, first, write(tmp_path, "p.png", PNG), actor=DRAFTER)
