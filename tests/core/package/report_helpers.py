"""Reports of the demo for the report tests: the 2026 follow-up finished (so that it has a
previous assessment to compare with) and documents built from it in either language."""

from __future__ import annotations

import subprocess
from pathlib import Path

from acsg_desktop.core.demo.build import DemoResult
from acsg_desktop.core.i18n import language_as
from acsg_desktop.core.package.document import package_document, read_source
from acsg_desktop.core.package.model import PackageDocument
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.workspace import Workspace

SIGNATORY = "Fatimé Zakaria"
PACKAGE_ID = "00000000-0000-4000-8000-000000000000"
CREATED = "2026-12-01T12:05:29.110179+00:00"


def finish_follow_up(workspace: Workspace, demo: DemoResult) -> int:
    """Answer what the demo's follow-up leaves open (level 4) and complete it."""
    service = workspace.assessments
    follow_up = demo.follow_up
    framework = service.framework_of(follow_up)
    answers = service.answers(follow_up.id)
    contexts = service.get(follow_up.id).contexts
    for indicator in framework.indicators:
        if indicator.applies(contexts) and indicator.id not in answers:
            answer = Answer(indicator.id, AnswerKind.LEVEL, 4, "Done.", "Records.", SIGNATORY)
            service.save_answer(follow_up.id, answer, actor=SIGNATORY)
    service.complete(follow_up.id, actor=SIGNATORY)
    return follow_up.id


def document_of(workspace: Workspace, assessment_id: int, language: str) -> PackageDocument:
    source = read_source(workspace.database, workspace.assessments, assessment_id)
    assert source.profile is not None
    with language_as(language):
        return package_document(source, source.profile, SIGNATORY, language, PACKAGE_ID, CREATED)


def pdf_pages(pdf: bytes, folder: Path) -> list[str]:
    """The text of each page (pdftotext, in reading order), split at form feeds."""
    path = folder / "report.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout.split("\f")
