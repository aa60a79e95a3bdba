"""`acsg db move-out` and `acsg db move-in`: the same core functions as the app's File menu."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acsg_desktop.cli import main
from acsg_desktop.core.transfer import sealed
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sealed, "log2_n", 10)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def old_laptop(tmp_path: Path) -> Path:
    folder = tmp_path / "old"
    with Workspace.open(folder) as workspace:
        workspace.profiles.save(CHAD)
    (folder / "identities").mkdir()
    (folder / "identities" / "amina-mahamat.p12").write_bytes(b"a key, sealed by its passphrase")
    return folder


def _passphrase(tmp_path: Path, text: str) -> str:
    path = tmp_path / f"passphrase-{len(text)}"
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def test_move_out_then_in_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old_laptop: Path
) -> None:
    secret = _passphrase(tmp_path, "a passphrase for the move")
    moved = tmp_path / "office.acsgmove"
    args = ("--data-dir", str(old_laptop), "db", "move-out", str(moved), "--with-keys")
    status, out, _err = run(capsys, *args, "--passphrase-file", secret)
    assert status == 0 and str(moved) in out and "signing keys are in it" in out
    new = tmp_path / "new"
    args = ("--data-dir", str(new), "db", "move-in", str(moved), "--passphrase-file", secret)
    status, out, _err = run(capsys, *args, "--json")
    document = json.loads(out)
    assert status == 0 and document["with_keys"] is True and document["answers"] == 0
    assert (new / "identities" / "amina-mahamat.p12").read_bytes().startswith(b"a key")
    status, out, _err = run(capsys, "--data-dir", str(new), "profile", "show", "--json")
    assert json.loads(out)["authority_name"] == CHAD.authority_name


def test_a_wrong_passphrase_fails_in_words_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old_laptop: Path
) -> None:
    moved = tmp_path / "office.acsgmove"
    secret = _passphrase(tmp_path, "a passphrase for the move")
    run(
        capsys,
        "--data-dir",
        str(old_laptop),
        "db",
        "move-out",
        str(moved),
        "--passphrase-file",
        secret,
    )
    wrong = _passphrase(tmp_path, "this is not the passphrase")
    new = tmp_path / "new"
    args = ("--data-dir", str(new), "db", "move-in", str(moved), "--passphrase-file", wrong)
    status, out, err = run(capsys, *args)
    assert status == 1 and out == "" and "Wrong passphrase" in err
    assert not (new / "acsg.sqlite3").exists()


def test_without_keys_none_travels_and_a_short_passphrase_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old_laptop: Path
) -> None:
    moved = tmp_path / "office.acsgmove"
    short = _passphrase(tmp_path, "short")
    args = ("--data-dir", str(old_laptop), "db", "move-out", str(moved))
    status, _out, err = run(capsys, *args, "--passphrase-file", short)
    assert status == 1 and "at least 10 characters" in err and not moved.exists()
    status, out, _err = run(capsys, *args, "--passphrase-file", _passphrase(tmp_path, "x" * 12))
    assert status == 0 and "signing keys are not in it" in out
    new = tmp_path / "new"
    args = ("--data-dir", str(new), "db", "move-in", str(moved))
    status, _out, _err = run(capsys, *args, "--passphrase-file", _passphrase(tmp_path, "x" * 12))
    assert status == 0 and (new / "acsg.sqlite3").is_file() and not (new / "identities").exists()
