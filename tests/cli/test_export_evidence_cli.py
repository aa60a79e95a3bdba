"""`acsg export --evidence files|hashes`: the files go into the package only when asked
(the default is their hashes), and `acsg verify` accepts both."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from acsg_desktop.cli import main
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.workspace import Workspace
from tests.core.evidence.samples import PDF, PNG, write

DRAFTER = "Amina Mahamat"


def completed_with_two_files(home: Path, files: Path) -> int:
    with Workspace.open(home) as workspace:
        created = workspace.assessments.create("2027 with evidence", 2027, actor=DRAFTER)
        indicators = workspace.assessments.framework_of(created).indicators
        for indicator in indicators:
            answer = Answer(indicator.id, AnswerKind.LEVEL, level=2, answered_by=DRAFTER)
            workspace.assessments.save_answer(created.id, answer, actor=DRAFTER)
        for name, data in (("scan.pdf", PDF), ("photo.png", PNG)):
            path = write(files, name, data)
            workspace.evidence.attach(created.id, indicators[0].id, path, actor=DRAFTER)
        workspace.assessments.complete(created.id, actor=DRAFTER)
        return created.id


def test_export_includes_the_files_only_when_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_home: Path, demo_user
) -> None:
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("a long enough passphrase\n")
    signer = demo_user("Fatimé Zakaria")
    assert main(["demo"]) == 0
    assert main([*signer, "identity", "create", "--passphrase-file", str(passphrase)]) == 0
    assessment = completed_with_two_files(isolated_home, tmp_path / "files")
    capsys.readouterr()
    for choice in (None, "files"):  # None: the default, only the hashes
        out = tmp_path / f"{choice}.acsgpkg"
        extra = ["--evidence", choice] if choice else []
        arguments = ["export", "--assessment", str(assessment), "--out", str(out)]
        status = main([*signer, *arguments, "--passphrase-file", str(passphrase), *extra])
        assert status == 0, capsys.readouterr().err
        with zipfile.ZipFile(out) as archive:
            names = archive.namelist()
            listed = json.loads(archive.read("package.json"))["evidence_files"]
        included = [name for name in names if name.startswith("evidence/")]
        assert len(included) == (2 if choice == "files" else 0)
        assert [item["included"] for item in listed] == [choice == "files"] * 2
        assert main(["verify", str(out)]) == 0
