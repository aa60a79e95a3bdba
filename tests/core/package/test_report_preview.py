"""The draft preview changes nothing; the previous assessment the report compares with."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pikepdf

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package import layout
from acsg_desktop.core.package.model import to_json
from acsg_desktop.core.package.outbox import Outbox
from acsg_desktop.core.package.previous import latest_completed_before
from acsg_desktop.core.records.assessment import AssessmentStatus, AssessmentSummary
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.workspace import Workspace
from tests.core.package.report_helpers import document_of, finish_follow_up

DRAFTER = "Amina Mahamat"  # not a signatory: a preview needs neither the role nor a key


def summary(id: int, year: int, status: AssessmentStatus) -> AssessmentSummary:
    return AssessmentSummary(id, f"A{id}", year, "acsg-capacity", "2026.2", status)


def test_the_previous_assessment_is_the_latest_completed_one_before_by_year() -> None:
    shown = summary(5, 2026, AssessmentStatus.IN_PROGRESS)
    others = [
        summary(1, 2023, AssessmentStatus.LOCKED),
        summary(2, 2025, AssessmentStatus.COMPLETED),
        summary(3, 2025, AssessmentStatus.IN_PROGRESS),  # not final: never compared with
        summary(4, 2027, AssessmentStatus.COMPLETED),  # later: the change would read backwards
        summary(6, 2026, AssessmentStatus.COMPLETED),  # same year, made after
    ]
    assert latest_completed_before([shown, *others], shown) == others[1]
    assert latest_completed_before(others[:1], summary(1, 2023, AssessmentStatus.LOCKED)) is None


def test_the_preview_is_an_unsigned_draft_and_records_nothing(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        demo = create_demo(workspace, "en")
        before = workspace.assessments.get(demo.baseline.id)
        pdf = workspace.exports.preview(demo.baseline.id, DRAFTER, "fr")
        assert Outbox(workspace.database).packages() == []
        after = workspace.assessments.get(demo.baseline.id)
    assert after.status is AssessmentStatus.COMPLETED and after.version == before.version
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) > 5
        assert "/AcroForm" not in document.Root  # no signature field
        assert str(document.docinfo["/Title"]) == "Paquet de soumission à l'ACSG"


def test_package_json_carries_the_previous_scores_and_passes_its_schema(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        demo = create_demo(workspace, "en")
        follow_up = finish_follow_up(workspace, demo)
        baseline = workspace.assessments.scores(demo.baseline.id)
        document = document_of(workspace, follow_up, "en")
    assert document.previous is not None
    assert document.previous.id == demo.baseline.id
    assert document.previous.overall == round(baseline.overall, 1)
    assert [area.id for area in document.previous.areas] == [
        area.id for area in document.scores.areas
    ]
    data = to_json(document)
    assert schema_problem(data, "package.schema.json", layout.PACKAGE_JSON) is None
    assert (
        schema_problem(to_json(replace(document, previous=None)), "package.schema.json", "x")
        is None
    )
