"""Laptops for the contribution tests: data folders of their own (SQLite), each with the
official's signing identity and the same assessment as the coordinator's."""

from __future__ import annotations

from pathlib import Path

from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD

TITLE, YEAR = "2026 baseline", 2026
PASSPHRASE = b"a long enough passphrase"
REFUGEE_DEFINITION = "legal-framework.refugee-definition"
SECOND_LEGAL = "legal-framework.procedural-guarantees"
MANDATE = "governance.mandate-roles"


def level(indicator_id: str, value: int, by: str, note: str = "") -> Answer:
    return Answer(
        indicator_id,
        AnswerKind.LEVEL,
        level=value,
        note=note,
        evidence="Annual report",
        answered_by=by,
    )


def assessment_id(workspace: Workspace) -> int:
    """The assessment named TITLE, created when missing."""
    for summary in workspace.assessments.list():
        if summary.title == TITLE:
            return summary.id
    return workspace.assessments.create(TITLE, YEAR, actor=CHAD.contact_person).id


def laptop(folder: Path, person: str) -> Path:
    """A data folder with a profile, ``person``'s signing identity and the assessment."""
    with Workspace.open(folder) as workspace:
        workspace.profiles.save(CHAD)
        IdentityStore(folder).create(person, CHAD, PASSPHRASE)
        assessment_id(workspace)
    return folder


def answer_and_export(
    folder: Path, person: str, answers: list[Answer], areas: list[str], out: Path
) -> Path:
    """Save ``answers`` on the laptop, then export ``areas`` as a contribution file."""
    with Workspace.open(folder) as workspace:
        target = assessment_id(workspace)
        for answer in answers:
            workspace.assessments.save_answer(target, answer, actor=person)
        workspace.contributions.export(target, areas, person, PASSPHRASE, out)
    return out
