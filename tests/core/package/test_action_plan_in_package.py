"""The action plan in the package: package.json carries it (optional in the schema, so older
packages still validate), the report shows it after the gaps, with dates in the language and
open actions past due marked overdue in words."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.demo.requests import DEMO_PASSPHRASE
from acsg_desktop.core.i18n import language_as
from acsg_desktop.core.package.document import package_document, read_source
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.package.model import PackageDocument, to_json
from acsg_desktop.core.package.report import build_report
from acsg_desktop.core.records.actions import ActionContent, ActionStatus
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.workspace import Workspace
from tests.core.package.test_report_long_content import pdf_text

SIGNATORY = "Fatimé Zakaria"
PASSPHRASE = b"a long enough passphrase"
PACKAGE_ID = "00000000-0000-4000-8000-000000000000"
CREATED = "2027-09-01T10:00:00+00:00"


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PackageDocument]:
    """A demo folder whose baseline has three actions (one overdue on CREATED, one done, one
    general), a package exported from it, and its document."""
    folder = tmp_path_factory.mktemp("plan")
    with Workspace.open(folder / "data") as workspace:
        demo = create_demo(workspace, "en")
        actor = "Amina Mahamat"
        workspace.sign_in(actor, DEMO_PASSPHRASE)
        gap = workspace.assessments.scores(demo.baseline.id).gaps[0]
        made = workspace.actions.create_from_gaps(
            demo.baseline.id, [gap], actor=actor, owner="Legal unit", due=date(2027, 3, 31)
        )
        done = workspace.actions.create(
            demo.baseline.id,
            ActionContent(gap.indicator_id, "Translate the leaflet", "Idriss", date(2027, 1, 15)),
            actor=actor,
        )
        workspace.actions.set_status(done.id, ActionStatus.DONE, actor=actor)
        workspace.actions.create(
            demo.baseline.id,
            ActionContent("", "Set up a monthly plan review", "", date(2028, 1, 10)),
            actor=actor,
        )
        assert made[0].status is ActionStatus.PLANNED
        IdentityStore(folder / "data").create(SIGNATORY, workspace.profiles.get(), PASSPHRASE)
        out = folder / "plan.acsgpkg"
        workspace.exports.export(demo.baseline.id, SIGNATORY, PASSPHRASE, out, "en")
        source = read_source(workspace.database, workspace.assessments, demo.baseline.id)
        assert source.profile is not None
        document = package_document(source, source.profile, actor, "en", PACKAGE_ID, CREATED)
    return out, document


def package_json(path: Path) -> dict[str, Any]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return dict(json.loads(archive.read("package.json")))


def test_the_exported_package_carries_the_plan_by_due_date(
    planned: tuple[Path, PackageDocument],
) -> None:
    document = package_json(planned[0])
    plan = document["action_plan"]
    assert [(a["due"], a["status"]) for a in plan] == [
        ("2027-01-15", "done"),
        ("2027-03-31", "planned"),
        ("2028-01-10", "planned"),
    ]
    assert plan[1]["owner"] == "Legal unit" and plan[1]["gap"] == document["gaps"][0]["indicator"]
    assert plan[1]["description"] == document["gaps"][0]["next_step"]
    assert plan[2]["gap"] == ""
    assert schema_problem(document, "package.schema.json", "package.json") is None


def test_a_package_without_a_plan_still_validates_and_a_bad_status_does_not(
    planned: tuple[Path, PackageDocument],
) -> None:
    document = to_json(planned[1])
    older = {key: value for key, value in copy.deepcopy(document).items() if key != "action_plan"}
    assert schema_problem(older, "package.schema.json", "package.json") is None
    document["action_plan"][0]["status"] = "finished"
    assert schema_problem(document, "package.schema.json", "package.json") is not None


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Action plan", "Legal unit", "31 Mar 2027", "Planned, overdue", "General (no"]),
        (
            "fr",
            [
                "Plan d'action",
                "Legal unit",
                "31 mars 2027",
                "Prévue, en retard",
                "Générale (aucune",
            ],
        ),
    ],
)
def test_the_report_shows_the_plan_after_the_gaps(
    planned: tuple[Path, PackageDocument], tmp_path: Path, language: str, words: list[str]
) -> None:
    with language_as(language):
        text = " ".join(pdf_text(build_report(planned[1]), tmp_path).split())
    for word in words:
        assert word in text
    assert "Translate the leaflet" in text
    assert text.index(words[0]) > text.index("Gaps," if language == "en" else "Lacunes,")
