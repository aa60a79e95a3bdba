"""The report of a busy authority: a dozen approved requests and every text field at its cap."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.demo.requests import DEMO_PASSPHRASE
from acsg_desktop.core.package.document import package_document, read_source
from acsg_desktop.core.package.model import PackageDocument
from acsg_desktop.core.package.report import build_report
from acsg_desktop.core.text_rules import ANSWER_FIELDS, PROFILE_FIELDS, REQUEST_FIELDS
from acsg_desktop.core.workspace import Workspace
from tests.core.requests.helpers import COMPLETE, DRAFTER, REVIEWER, staffed

REQUESTS = 12
WORDS = ("capacity", "registration", "interview", "appeal", "reception", "quality", "data")


def at_cap(tag: str, cap: int) -> str:
    """Ordinary words (a line break every 97 words) filling ``cap`` characters, marked at both
    ends: ``<tag>START ... <tag>END``."""
    end = f" {tag}END"
    words = [f"{tag}START"]
    while sum(len(word) + 1 for word in words) < cap:
        words.append(WORDS[len(words) % len(WORDS)] + ("\n" if len(words) % 97 == 0 else ""))
    text = " ".join(words)[: cap - len(end)] + end
    assert len(text) == cap
    return text


def long_request(number: int) -> Any:
    texts = {
        name: at_cap(f"R{number}{name.replace('_', '')}", field.cap)
        for name, field in REQUEST_FIELDS.items()
    }
    return replace(COMPLETE, **texts)


def approve_all(workspace: Workspace) -> None:
    for number in range(1, REQUESTS + 1):
        content = long_request(number) if number in (1, REQUESTS) else COMPLETE
        content = replace(content, title=content.title if number in (1, REQUESTS) else f"Q{number}")
        request = workspace.requests.create(content, actor=DRAFTER)
        workspace.requests.submit_for_review(request.id, actor=DRAFTER)
        workspace.requests.approve(request.id, actor=REVIEWER)


def long_answer(workspace: Workspace, assessment_id: int) -> None:
    service = workspace.assessments
    first = next(iter(service.answers(assessment_id).values()))
    long = {name: at_cap(f"A{name}", ANSWER_FIELDS[name].cap) for name in ("note", "evidence")}
    service.reopen(assessment_id, actor=REVIEWER, reason="Longer note and evidence")
    service.save_answer(assessment_id, replace(first, **long), actor=DRAFTER)
    service.complete(assessment_id, actor=REVIEWER)


def long_profile(workspace: Workspace) -> None:
    profile = workspace.profiles.get()
    assert profile is not None
    name = at_cap("Authority", PROFILE_FIELDS["authority_name"].cap)
    workspace.profiles.save(replace(profile, authority_name=name))


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> PackageDocument:
    with Workspace.open(tmp_path_factory.mktemp("busy") / "data") as workspace:
        demo = create_demo(workspace, "en")
        staffed(workspace, DEMO_PASSPHRASE)
        long_profile(workspace)
        approve_all(workspace)
        long_answer(workspace, demo.baseline.id)
        source = read_source(workspace.database, workspace.assessments, demo.baseline.id)
        assert source.profile is not None
        return package_document(
            source,
            source.profile,
            "Amina Mahamat",
            "en",
            "00000000-0000-4000-8000-000000000000",
            "2026-05-04T10:00:00+00:00",
        )


def pdf_text(pdf: bytes, folder: Path) -> str:
    path = folder / "report.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def page_count(pdf: bytes, folder: Path) -> int:
    path = folder / "count.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    found = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    assert found
    return int(found.group(1))


def test_twelve_approved_requests_and_texts_at_their_caps_are_all_in_the_report(
    document: PackageDocument, tmp_path: Path
) -> None:
    assert len(document.requests) > REQUESTS  # and the demo's own
    text = pdf_text(build_report(document), tmp_path)
    words = set(text.split())
    tags = ["Authority", "Anote", "Aevidence"] + [
        f"R{number}{name.replace('_', '')}" for number in (1, REQUESTS) for name in REQUEST_FIELDS
    ]
    markers = [f"{tag}{end}" for tag in tags for end in ("START", "END")]
    assert [marker for marker in markers if marker not in words] == []
    assert all(f"Q{number}" in words for number in range(2, REQUESTS))


def test_every_page_says_page_x_of_the_real_total(
    document: PackageDocument, tmp_path: Path
) -> None:
    pdf = build_report(document)
    pages = page_count(pdf, tmp_path)
    text = " ".join(pdf_text(pdf, tmp_path).split())
    assert pages > 20
    assert f"Page {pages} of {pages}" in text and f"Page 1 of {pages}" in text
    assert f"of {pages + 1}" not in text and "of ?" not in text


UNPRINTABLE = "\x00\x1b\x0b\x0c\x7f\x9b\u202e\u2066\u200b\ufeff"


def test_control_and_bidi_characters_from_an_old_database_are_left_out(
    document: PackageDocument, tmp_path: Path
) -> None:
    answers = list(document.assessment.answers)
    answers[0] = replace(
        answers[0],
        note=f"Before{UNPRINTABLE}After\r\nNext\tline",
        evidence="Alpha\x1b]0;title\x07Omega",
    )
    first = document.requests[0]
    request = replace(first, content={**first.content, "title": f"Title\u202egnol{UNPRINTABLE}"})
    small = replace(
        document,
        authority=replace(document.authority, name=f"Authority\x1b[2J{UNPRINTABLE}"),
        assessment=replace(document.assessment, answers=tuple(answers)),
        requests=(request,),
    )
    pdf = build_report(small)
    with pikepdf.open(io.BytesIO(pdf)) as parsed:
        assert str(parsed.docinfo["/Author"]) == "Authority[2J"
    text = pdf_text(pdf, tmp_path)
    assert "BeforeAfter" in text and "Alpha]0;titleOmega" in text and "Authority[2J" in text
    assert "Titlegnol" in text and "Next" in text
    shown = set(text) - {"\n", "\f"}
    assert not [c for c in shown if unicodedata.category(c) == "Cc" or c in UNPRINTABLE]
