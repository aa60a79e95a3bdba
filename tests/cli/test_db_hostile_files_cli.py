"""`acsg db restore` / `db check` against files someone else made, `identity import-cert` with
a missing file, and a reader that closes the output early: each a clear message, no traceback."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from acsg_desktop.cli import BROKEN_PIPE_EXIT_STATUS, main
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.workspace import Workspace
from tests.core.store.test_restore_refuses_foreign_objects import run_sql, tree

TRIGGER = (
    "CREATE TRIGGER t AFTER UPDATE ON app_setting BEGIN "
    "UPDATE answer SET level = 1, note = 'overwritten silently'; END"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def office(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, Path]:
    """A folder with a database, and a clean backup of it."""
    folder = tmp_path / "office"
    with Workspace.open(folder) as workspace:  # a few audit entries
        workspace.people.save("Amina Mahamat", frozenset({"drafter"}), actor="Amina Mahamat")
        workspace.assessments.create("2026 baseline", 2026, actor="Amina Mahamat")
    status, out, _err = run(capsys, "--data-dir", str(folder), "db", "backup")
    assert status == 0
    return folder, Path(out.strip().rsplit(" ", 1)[-1])


def test_restore_refuses_a_backup_carrying_a_trigger(
    capsys: pytest.CaptureFixture[str], office: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, backup = office
    evil = tmp_path / "evil.sqlite3"
    evil.write_bytes(backup.read_bytes())
    run_sql(evil, TRIGGER)
    before = tree(folder)
    status, out, err = run(capsys, "--data-dir", str(folder), "db", "restore", str(evil))
    assert status == 1 and "Backup restored." not in out
    assert "never creates" in err and "trigger “t”" in err and "Traceback" not in err
    assert tree(folder) == before


def test_check_names_a_trigger_in_the_database(
    capsys: pytest.CaptureFixture[str], office: tuple[Path, Path]
) -> None:
    folder, _backup = office
    run_sql(database_path(folder), TRIGGER)
    status, out, err = run(capsys, "--data-dir", str(folder), "db", "check")
    assert status == 1 and "intact" not in out
    assert "never creates" in err and "trigger “t”" in err
    status, out, _err = run(capsys, "--data-dir", str(folder), "db", "check", "--json")
    assert status == 1 and '"ok": false' in out and "trigger “t”" in out


def test_restore_with_a_bad_date_in_the_current_database_still_recovers(
    capsys: pytest.CaptureFixture[str], office: tuple[Path, Path]
) -> None:
    folder, backup = office
    run_sql(database_path(folder), "UPDATE audit_log SET at = 'not a date'")
    assert (
        sqlite3.connect(database_path(folder))
        .execute("SELECT count(*) FROM audit_log")
        .fetchone()[0]
    )
    status, out, err = run(capsys, "--data-dir", str(folder), "db", "restore", str(backup))
    assert status == 0, err
    assert "Backup restored." in out and "unexpected" not in err


def test_restore_of_a_backup_with_a_bad_date_never_crashes(
    capsys: pytest.CaptureFixture[str], office: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, _backup = office
    status, out, _err = run(capsys, "--data-dir", str(folder), "db", "backup")
    odd = tmp_path / "odd.sqlite3"
    odd.write_bytes(Path(out.strip().rsplit(" ", 1)[-1]).read_bytes())
    run_sql(odd, "UPDATE audit_log SET at = 'not a date'")
    status, _out, err = run(capsys, "--data-dir", str(folder), "db", "restore", str(odd))
    assert status in (0, 1), err  # restored, or refused by its audit chain: never a crash (70)
    assert "an unknown date" in err and "unexpected" not in err and "Traceback" not in err


def test_import_cert_of_a_missing_file_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    passphrase = tmp_path / "pw"
    passphrase.write_text("a passphrase\n")
    missing = tmp_path / "nowhere.crt"
    status, _out, err = run(
        capsys,
        "--data-dir",
        str(tmp_path / "office"),
        "identity",
        "import-cert",
        "--passphrase-file",
        str(passphrase),
        str(missing),
    )
    assert status == 1
    assert f"The certificate file {missing} cannot be read" in err
    assert "unexpected" not in err


class ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_output_ends_quietly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    status = main(["--data-dir", str(tmp_path), "info"])
    assert status == BROKEN_PIPE_EXIT_STATUS
    assert "unexpected" not in capsys.readouterr().err


def test_a_closed_pipe_ends_quietly_in_a_real_process(tmp_path: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before anything is written, as `| head -0`
    try:
        done = subprocess.run(
            [sys.executable, "-m", "acsg_desktop.cli", "--data-dir", str(tmp_path), "info"],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(writer)
    assert done.returncode == BROKEN_PIPE_EXIT_STATUS
    assert done.stderr == ""
