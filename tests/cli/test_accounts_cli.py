"""`acsg --user` proves who it is in an office of several people, as the app's sign-in does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acsg_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _file(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def test_the_command_line_signs_in_like_the_app(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    amina = _file(tmp_path, "amina", "amina's passphrase")
    idriss = _file(tmp_path, "idriss", "idriss's passphrase")
    wrong = _file(tmp_path, "wrong", "not the passphrase")
    profile = ["profile", "set", "--country", "TD", "--authority", "Commission"]
    assert run(capsys, *profile, "--contact", "Amina", "--email", "a@example.org")[0] == 0
    add_idriss = ["people", "add", "Idriss", "--role", "drafter", "--passphrase-file", idriss]
    status, _out, err = run(capsys, *add_idriss)
    assert status == 1 and "Choose your own passphrase first" in err
    passphrase = ["people", "passphrase", "Amina", "--new-passphrase-file", amina]
    assert run(capsys, *passphrase)[0] == 0  # one person, no passphrase yet: nothing to prove
    status, _out, err = run(capsys, "--user", "Amina", *add_idriss)
    assert status == 1 and "--user-passphrase-file" in err
    status, _out, err = run(capsys, "--user", "Amina", "--user-passphrase-file", wrong, *add_idriss)
    assert status == 1 and "not the one of Amina" in err
    status, _out, err = run(capsys, "--user", "Amina", "--user-passphrase-file", amina, *add_idriss)
    assert status == 0, err
    as_idriss = ["--user", "Idriss", "--user-passphrase-file", idriss]
    status, _out, err = run(capsys, *as_idriss, "people", "add", "Idriss", "--role", "reviewer")
    assert status == 1 and "Only an administrator" in err
    listed = json.loads(run(capsys, "people", "list", "--json")[1])["people"]  # reading: no proof
    assert {p["name"]: p["roles"] for p in listed}["Idriss"] == ["drafter"]
