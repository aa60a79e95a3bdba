"""`acsg export --lang fr` after an English export: a second package with the same content,
that `acsg verify --previous` accepts; the same language again makes nothing (issue 15.6)."""

import json
from pathlib import Path

import pytest

from acsg_desktop.cli import main

SIGNATORY = "Fatimé Zakaria"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_french_export_after_an_english_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_user
) -> None:
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("a long enough passphrase\n")
    assert run(capsys, "demo")[0] == 0
    user = demo_user(SIGNATORY)
    status, _out, err = run(
        capsys, *user, "identity", "create", "--passphrase-file", str(passphrase)
    )
    assert status == 0, err

    def export(language: str, out: Path, *extra: str) -> tuple[int, str, str]:
        return run(
            capsys,
            *user,
            "export",
            "--assessment",
            "1",
            "--out",
            str(out),
            "--passphrase-file",
            str(passphrase),
            "--lang",
            language,
            *extra,
        )

    english, french = tmp_path / "en.acsgpkg", tmp_path / "fr.acsgpkg"
    status, out, err = export("en", english, "--json")
    assert status == 0, err
    assert json.loads(out)["sequence"] == 1 and json.loads(out)["language"] == "en"
    status, out, err = export("fr", french, "--json")
    assert status == 0, err
    made = json.loads(out)
    assert (made["sequence"], made["language"], made["reused"], made["repeats"]) == (
        2,
        "fr",
        False,
        1,
    )
    status, out, _err = run(capsys, "verify", str(french), "--previous", str(english), "--json")
    assert status == 0 and json.loads(out)["ok"] is True and json.loads(out)["sequence"] == 2
    again = tmp_path / "again.acsgpkg"
    status, out, err = export("fr", again)
    assert status == 0, err
    assert "already exported in French as package 2" in out and not again.exists()
    status, _out, err = export("en", english)  # the English file is package 1's: kept as it is
    assert status == 0 and "already exported in English as package 1" in _out
