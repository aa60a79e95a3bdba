"""Evidence files follow the answers carried over into a new assessment, on SQLite and on an
office server: the same contents, new links (audited as attaches) for the carried answers only,
within the per-assessment cap, in the transaction that creates the new assessment."""

from pathlib import Path

import pytest

from acsg_desktop.core.assessment import evidence_carry
from acsg_desktop.core.assessment.carry_over import carry_over
from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.store.evidence_repository import EvidenceRepository
from acsg_desktop.core.workspace import Workspace
from tests.core.assessment.test_framework_2026_2 import FROZEN_2026_1, REMOVED
from tests.core.evidence.samples import PDF, PNG, write
from tests.core.requests.helpers import DRAFTER, staffed


@pytest.fixture
def workspace(backend_workspace: Workspace) -> Workspace:
    return staffed(backend_workspace)


def on_2026_1_with_files(workspace: Workspace, files: Path) -> tuple[int, str, str, str]:
    """A 2026.1 assessment whose answers all carry over to the shipped version but one (its
    indicator was removed), with files on a carried answer, on the removed one and on an
    indicator left unanswered; returns its id and those three indicator ids."""
    service = workspace.assessments
    service._load_shipped = lambda: load_framework(FROZEN_2026_1)
    service._shipped = None
    first = service.create("2026 baseline", 2026, actor=DRAFTER)
    old = service.framework_of(first)
    removed = sorted(REMOVED)[0]
    answers = {i.id: Answer(i.id, AnswerKind.LEVEL, 1, answered_by=DRAFTER) for i in old.indicators}
    unanswered = next(i for i in answers if i != removed)
    del answers[unanswered]
    for answer in answers.values():
        service.save_answer(first.id, answer, actor=DRAFTER)
    carried_ids = carry_over(old, load_framework(), answers).carried_ids
    kept = next(i for i in answers if i in carried_ids)
    assert removed not in carried_ids
    for indicator, name, data in ((kept, "scan.pdf", PDF), (kept, "photo.png", PNG)):
        workspace.evidence.attach(first.id, indicator, write(files, name, data), actor=DRAFTER)
    for indicator in (removed, unanswered):
        workspace.evidence.attach(first.id, indicator, write(files, "x.pdf", PDF), actor=DRAFTER)
    service._load_shipped = load_framework
    service._shipped = None
    return first.id, kept, removed, unanswered


def test_the_files_of_carried_answers_follow_and_only_them(
    workspace: Workspace, tmp_path: Path
) -> None:
    source, kept, removed, unanswered = on_2026_1_with_files(workspace, tmp_path)
    blobs = workspace.database.table_counts()["evidence_blob"]
    copy = workspace.assessments.create("2027", 2027, carry_over_from=source, actor=DRAFTER).id
    copied = workspace.evidence.files(copy)
    assert [(f.indicator_id, f.file_name) for f in copied] == [
        (kept, "scan.pdf"),
        (kept, "photo.png"),
    ]
    originals = workspace.evidence.files(source, kept)
    assert [f.sha256 for f in copied] == [f.sha256 for f in originals]
    assert [f.added_by for f in copied] == [DRAFTER, DRAFTER]
    assert workspace.evidence.files(copy, removed) == []
    assert workspace.evidence.files(copy, unanswered) == []
    assert workspace.database.table_counts()["evidence_blob"] == blobs  # no content copied
    assert workspace.evidence.content(copied[1]) == PNG
    history = workspace.assessments.answer_history(copy, kept)
    attaches = [e for e in history if e.action == "evidence_attach"]
    assert [e.reason for e in attaches] == [f"carried over from assessment {source}"] * 2
    assert '"scan.pdf"' in attaches[0].new_value
    assert workspace.audit_check().ok


def test_removing_a_file_from_the_copy_leaves_the_original_s(
    workspace: Workspace, tmp_path: Path
) -> None:
    source, kept, _removed, _unanswered = on_2026_1_with_files(workspace, tmp_path)
    copy = workspace.assessments.create("2027", 2027, carry_over_from=source, actor=DRAFTER).id
    for attached in workspace.evidence.files(copy):
        workspace.evidence.remove(attached.id, actor=DRAFTER)
    assert workspace.evidence.files(copy) == []
    originals = workspace.evidence.files(source, kept)
    assert [f.file_name for f in originals] == ["scan.pdf", "photo.png"]
    assert [workspace.evidence.content(f) for f in originals] == [PDF, PNG]


def test_files_past_the_cap_stay_behind(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, kept, _removed, _unanswered = on_2026_1_with_files(workspace, tmp_path)
    monkeypatch.setattr(evidence_carry, "MAX_ASSESSMENT_BYTES", len(PDF))
    copy = workspace.assessments.create("2027", 2027, carry_over_from=source, actor=DRAFTER).id
    assert [f.file_name for f in workspace.evidence.files(copy)] == ["scan.pdf"]
    assert len(workspace.evidence.files(source, kept)) == 2


def test_a_failed_file_link_undoes_the_whole_copy(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, *_indicators = on_2026_1_with_files(workspace, tmp_path)
    before = [a.id for a in workspace.assessments.list()]

    def refused(*_args: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(EvidenceRepository, "add", refused)
    with pytest.raises(RuntimeError, match="disk full"):
        workspace.assessments.create("2027", 2027, carry_over_from=source, actor=DRAFTER)
    assert [a.id for a in workspace.assessments.list()] == before
    assert workspace.audit_check().ok
