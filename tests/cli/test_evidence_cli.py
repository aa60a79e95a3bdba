"""`acsg assessment evidence list | attach | remove`: the answer panel's evidence files on the
command line, for people and as JSON, with the service's refusals as errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from acsg_desktop.cli import main
from tests.core.evidence.samples import PDF, PNG, write

FOLLOW_UP = "2"  # the demo's assessment in progress (1 is completed)
FIRST, SECOND = "legal-framework.refugee-definition", "legal-framework.procedural-guarantees"


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def signed_in(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, demo_user: Callable[[str], list[str]]
) -> list[str]:
    assert main(["demo"]) == 0
    capsys.readouterr()
    return demo_user("Amina Mahamat")


def test_attach_list_and_remove(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, signed_in: list[str]
) -> None:
    scan, photo = write(tmp_path, "Décret.pdf", PDF), write(tmp_path, "photo.png", PNG)
    status, out, _err = run(
        capsys, *signed_in, "assessment", "evidence", "attach", FOLLOW_UP, FIRST, str(scan)
    )
    assert status == 0 and f"Décret.pdf is attached to {FIRST}" in out
    arguments = ("assessment", "evidence", "attach", FOLLOW_UP, SECOND, str(photo), "--json")
    status, out, _err = run(capsys, *signed_in, *arguments)
    attached = json.loads(out)
    assert (attached["indicator"], attached["file_name"], attached["size"]) == (
        SECOND,
        "photo.png",
        len(PNG),
    )
    status, out, _err = run(capsys, "assessment", "evidence", "list", FOLLOW_UP, "--json")
    listed = json.loads(out)["evidence_files"]
    assert [(f["indicator"], f["file_name"], f["added_by"]) for f in listed] == [
        (SECOND, "photo.png", "Amina Mahamat"),  # in the order of the indicator ids
        (FIRST, "Décret.pdf", "Amina Mahamat"),
    ]
    status, out, _err = run(
        capsys, "assessment", "evidence", "list", FOLLOW_UP, "--indicator", SECOND
    )
    assert status == 0 and "photo.png" in out and "Décret.pdf" not in out
    remove = ("assessment", "evidence", "remove", str(listed[0]["id"]), "--json")
    status, out, _err = run(capsys, *signed_in, *remove)
    assert status == 0 and json.loads(out) == {"removed": listed[0]["id"]}
    status, out, _err = run(
        capsys, "assessment", "evidence", "list", FOLLOW_UP, "--indicator", SECOND
    )
    assert out.strip() == "No evidence file."


def test_refusals_are_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, signed_in: list[str]
) -> None:
    scan = str(write(tmp_path, "scan.pdf", PDF))
    attach = (*signed_in, "assessment", "evidence", "attach")
    assert run(capsys, *attach, FOLLOW_UP, FIRST, scan)[0] == 0
    status, _out, err = run(capsys, *attach, FOLLOW_UP, FIRST, scan)
    assert status == 1 and "already attached" in err
    status, _out, err = run(capsys, *attach, FOLLOW_UP, "no-such-indicator", scan)
    assert status == 1 and "Unknown indicator no-such-indicator" in err
    status, _out, err = run(capsys, *attach, "1", FIRST, scan)
    assert status == 1 and "completed" in err
    status, _out, err = run(capsys, "assessment", "evidence", "list", "99")
    assert status == 1 and "There is no assessment 99." in err
    status, _out, err = run(capsys, *signed_in, "assessment", "evidence", "remove", "99")
    assert status == 1 and "removed already" in err
