"""`acsg desk list` and `acsg desk intake` print one line per record: a line feed or another
control character in a name taken from a package cannot forge a row of its own."""

from dataclasses import replace
from pathlib import Path

import pytest

from acsg_desktop.cli import main
from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.store.desk_repository import DeskRepository
from tests.core.desk.test_received_list import BASE

FAKE_ROW = "TD   1 accepted     00000000-0000-4000-8000-0000000000ff Trusted Authority"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_line_feed_in_an_authority_name_cannot_forge_a_row(capsys, tmp_path: Path) -> None:
    desk = DeskWorkspace.open(tmp_path / "acsg-desk")  # ACSG_DESK_HOME in the tests
    with desk, desk.database.unit_of_work() as session:
        DeskRepository(session).add(
            replace(
                BASE,
                package_id="00000000-0000-4000-8000-000000000001",
                sha256="1" * 64,
                authority=f"Mallory\n{FAKE_ROW}\r\x1b[2K\u2028",
                state=BASE.state.HELD_SIGNER,
            )
        )
    status, out, err = run(capsys, "desk", "list")
    assert status == 0, err
    [line] = out.splitlines()
    assert "held_signer" in line and "Mallory\\n" + FAKE_ROW in line
    assert "\x1b" not in out and "\r" not in out and "\u2028" not in out


def test_a_line_feed_in_a_file_name_stays_on_its_line(capsys, tmp_path: Path) -> None:
    junk = tmp_path / f"junk\n{FAKE_ROW}.acsgpkg"
    junk.write_bytes(b"not a zip")
    status, out, _err = run(capsys, "desk", "intake", str(junk))
    assert status == 1
    [line] = out.splitlines()
    assert line.startswith("refused") and "junk\\n" in line
