import json
import sqlite3
from pathlib import Path

import pytest

from acsg_desktop.core.assessment.service import AssessmentError
from acsg_desktop.core.framework.loader import framework_folder, load_framework
from acsg_desktop.core.records.assessment import Answer, AnswerKind, AssessmentStatus
from acsg_desktop.core.store.database import StoreWriteError, database_path
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import with_logins


@pytest.fixture
def workspace(backend_workspace: Workspace) -> Workspace:
    """On SQLite and on an office server (where Amina needs a login to act)."""
    return with_logins(backend_workspace, "Amina")


@pytest.fixture
def local_workspace(tmp_path: Path):
    with Workspace.open(tmp_path) as opened:
        yield opened


def answer(indicator_id: str, level: int = 2) -> Answer:
    return Answer(
        indicator_id, AnswerKind.LEVEL, level=level, evidence="Monthly report", answered_by="Amina"
    )


def answer_all(workspace: Workspace, assessment_id: int, level: int = 2) -> None:
    framework = workspace.assessments.framework_of(workspace.assessments.get(assessment_id))
    for indicator in framework.indicators:
        workspace.assessments.save_answer(assessment_id, answer(indicator.id, level), actor="Amina")


def test_answers_are_saved_one_by_one_and_read_back(workspace: Workspace) -> None:
    service = workspace.assessments
    created = service.create("2026 baseline", 2026, actor="Amina")
    indicator = service.framework_of(created).indicators[0].id
    saved = service.save_answer(created.id, answer(indicator, 4), actor="Amina")
    assert saved.saved_at is not None
    assert service.answers(created.id)[indicator].level == 4
    service.save_answer(
        created.id,
        Answer(indicator, AnswerKind.NOT_APPLICABLE, answered_by="Idriss"),
        actor="Amina",
    )
    stored = service.answers(created.id)[indicator]
    assert (stored.kind, stored.level, stored.answered_by) == (
        AnswerKind.NOT_APPLICABLE,
        None,
        "Idriss",
    )


@pytest.mark.parametrize(
    ("title", "year", "message"), [("  ", 2026, "title"), ("Baseline", 1999, "2000 and 2100")]
)
def test_invalid_title_or_year_is_refused(workspace: Workspace, title, year, message) -> None:
    with pytest.raises(AssessmentError, match=message):
        workspace.assessments.create(title, year, actor="Amina")
    assert workspace.assessments.list() == []


def test_completion_is_refused_until_every_applicable_indicator_is_answered(
    workspace: Workspace,
) -> None:
    service = workspace.assessments
    created = service.create("2026 baseline", 2026, actor="Amina")
    count = len(service.framework_of(created).indicators)
    with pytest.raises(AssessmentError, match=f"{count} indicators still need"):
        service.complete(created.id, actor="Amina")
    answer_all(workspace, created.id)
    assert service.complete(created.id, actor="Amina").status is AssessmentStatus.COMPLETED


def test_locked_assessment_cannot_change_but_can_be_copied(workspace: Workspace) -> None:
    service = workspace.assessments
    created = service.create("2025 baseline", 2025, actor="Amina")
    answer_all(workspace, created.id, level=3)
    service.complete(created.id, actor="Amina")
    service.lock(created.id, actor="Amina")
    first = service.framework_of(created).indicators[0].id
    with pytest.raises(AssessmentError, match="locked"):
        service.save_answer(created.id, answer(first, 5), actor="Amina")
    with pytest.raises(AssessmentError, match="locked"):
        service.set_contexts(created.id, {"applicants_detained": False}, actor="Amina")
    assert service.answers(created.id)[first].level == 3
    copy = service.create("2026 follow-up", 2026, carry_over_from=created.id, actor="Amina")
    assert copy.status is AssessmentStatus.IN_PROGRESS and copy.copied_from == created.id
    assert len(service.answers(copy.id)) == len(service.answers(created.id))


def test_a_completed_assessment_changes_only_once_reopened(workspace: Workspace) -> None:
    service = workspace.assessments
    created = service.create("2025 baseline", 2025, actor="Amina")
    answer_all(workspace, created.id)
    service.complete(created.id, actor="Amina")
    first = service.framework_of(created).indicators[0].id
    before, summary = service.answers(created.id)[first], service.get(created.id)
    with pytest.raises(AssessmentError, match="reopen it"):
        service.save_answer(created.id, answer(first, 5), actor="Amina")
    assert service.answers(created.id)[first] == before
    after = service.get(created.id)
    assert after.status is AssessmentStatus.COMPLETED
    assert after.updated_at == summary.updated_at  # the refused save left no trace


def shipped_with_changed_indicator(folder: Path, tmp_path: Path):
    """A newer framework version in which one indicator asks something different."""
    import shutil

    target = tmp_path / "framework-2027"
    shutil.copytree(folder, target)
    manifest = json.loads((target / "framework.json").read_text(encoding="utf-8"))
    manifest["version"] = "2027.1"
    (target / "framework.json").write_text(json.dumps(manifest), encoding="utf-8")
    area_file = target / "areas" / manifest["areas"][0]
    area = json.loads(area_file.read_text(encoding="utf-8"))
    area["indicators"][0]["question"]["en"] = "A reworded question?"
    area_file.write_text(json.dumps(area, ensure_ascii=False), encoding="utf-8")
    return lambda: load_framework(target)


def test_new_framework_version_keeps_old_assessments_and_carries_over_unchanged_answers(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    with Workspace.open(data) as workspace:
        old = workspace.assessments.create("2026 baseline", 2026, actor="Amina")
        answer_all(workspace, old.id, level=3)
    newer = shipped_with_changed_indicator(framework_folder(), tmp_path)
    with Workspace.open(data) as workspace:
        workspace.assessments._load_shipped = newer
        workspace.assessments._shipped = None
        follow_up = workspace.assessments.create(
            "2027 follow-up", 2027, carry_over_from=old.id, actor="Amina"
        )
        assert follow_up.framework_version == "2027.1"
        old_framework = workspace.assessments.framework_of(workspace.assessments.get(old.id))
        assert old_framework.version == load_framework().version
        assert old_framework.indicators[0].question.get("en") != "A reworded question?"
        carried = workspace.assessments.answers(follow_up.id)
        changed_id = old_framework.indicators[0].id
        assert changed_id not in carried
        assert len(carried) == len(old_framework.indicators) - 1


def test_disk_full_during_autosave_keeps_the_database_intact(local_workspace: Workspace) -> None:
    workspace = local_workspace
    service = workspace.assessments
    created = service.create("2026 baseline", 2026, actor="Amina")
    indicators = service.framework_of(created).indicators
    service.save_answer(created.id, answer(indicators[0].id), actor="Amina")
    with workspace.database.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
        connection.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreWriteError, match="full"):
        for indicator in indicators[1:]:
            bulky = Answer(
                indicator.id, AnswerKind.LEVEL, level=3, evidence="x" * 5000, answered_by="Amina"
            )
            service.save_answer(created.id, bulky, actor="Amina")
    assert workspace.database.integrity_problems() == []
    assert indicators[0].id in service.answers(created.id)


def test_demo_like_database_reopens_with_cursor(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        created = workspace.assessments.create("2026 baseline", 2026, actor="Amina")
        workspace.assessments.set_cursor(created.id, "appeals.effective-remedy")
        workspace.remember_open_assessment(created.id)
    with Workspace.open(tmp_path) as workspace:
        assert workspace.assessment_to_resume() == created.id
        assert workspace.assessments.get(created.id).cursor == "appeals.effective-remedy"
    connection = sqlite3.connect(database_path(tmp_path))
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
