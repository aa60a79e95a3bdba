"""`acsg contribution export | show | apply` between two data folders made by the demo: the
merge view as lines and JSON, apply refused while a conflict is undecided, the same file twice
harmless."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acsg_desktop.cli import main
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.workspace import Workspace

INDICATOR = "legal-framework.refugee-definition"
LAPTOP_USER, COORDINATOR = "Idriss Abakar", "Amina Mahamat"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def set_level(folder: Path, value: int, by: str) -> None:
    with Workspace.open(folder) as workspace:
        answer = Answer(INDICATOR, AnswerKind.LEVEL, level=value, evidence="Decree", answered_by=by)
        workspace.assessments.save_answer(2, answer, actor=by)


def test_export_show_apply_between_two_folders(capsys, tmp_path: Path, demo_user) -> None:
    laptop, office = tmp_path / "laptop", tmp_path / "office"
    key = tmp_path / "key-pass"
    key.write_text("a long enough passphrase\n")
    for folder in (laptop, office):
        assert run(capsys, "--data-dir", str(folder), "demo")[0] == 0
    on_laptop = ["--data-dir", str(laptop), *demo_user(LAPTOP_USER), "contribution"]
    in_office = ["--data-dir", str(office), *demo_user(COORDINATOR), "contribution"]
    first, second = tmp_path / "first.acsgcontrib", tmp_path / "second.acsgcontrib"
    export = ["--assessment", "2", "--areas", "01", "--passphrase-file", str(key), "--out"]

    status, _out, err = run(capsys, *on_laptop, "export", *export, str(first))
    assert status == 1 and "create one first" in err
    assert run(capsys, *on_laptop, "identity", "--passphrase-file", str(key))[0] == 0
    set_level(laptop, 4, LAPTOP_USER)
    assert run(capsys, *on_laptop, "export", *export, str(first))[0] == 0
    status, out, _err = run(capsys, *in_office, "show", str(first), "--assessment", "2")
    assert status == 0 and "Idriss Abakar" in out and "1 changed" in out
    assert run(capsys, *in_office, "apply", str(first), "--assessment", "2")[0] == 0

    set_level(laptop, 5, LAPTOP_USER)  # both sides change it after the merge: a conflict
    set_level(office, 1, COORDINATOR)
    assert run(capsys, *on_laptop, "export", *export, str(second))[0] == 0
    status, out, _err = run(capsys, *in_office, "show", str(second), "--assessment", "2", "--json")
    items = {item["indicator"]: item for item in json.loads(out)["items"]}
    assert items[INDICATOR]["status"] == "conflict"
    assert (items[INDICATOR]["theirs"]["level"], items[INDICATOR]["ours"]["level"]) == (5, 1)
    status, _out, err = run(capsys, *in_office, "apply", str(second), "--assessment", "2")
    assert status == 1 and INDICATOR in err
    status, out, _err = run(
        capsys,
        *in_office,
        "apply",
        str(second),
        "--assessment",
        "2",
        "--keep-ours",
        INDICATOR,
        "--json",
    )
    assert status == 0 and json.loads(out)["kept"] == [INDICATOR]
    with Workspace.open(office) as workspace:
        assert workspace.assessments.answers(2)[INDICATOR].level == 1
    status, out, _err = run(capsys, *in_office, "apply", str(second), "--assessment", "2", "--json")
    assert status == 0 and json.loads(out)["already_merged"] is True
