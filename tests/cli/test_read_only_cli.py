"""Commands that only read work while the app holds the data folder; the others still wait."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from acsg_desktop.cli import main
from acsg_desktop.core.demo.requests import DEMO_PASSPHRASE
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.store.read_only import NeedsUpdateError, ReadOnlyDatabase
from acsg_desktop.core.workspace import Workspace

READERS = [
    ["info"],
    ["assessment", "list"],
    ["assessment", "show", "1"],
    ["request", "list"],
    ["request", "show", "1"],
    ["guides", "list"],
    ["guides", "search", "training"],
    ["guides", "show", "case-management-system-and-data"],
    ["offers", "list"],
    ["offers", "unmet", "--assessment", "1"],
    ["people", "list"],
    ["audit", "verify"],
    ["profile", "show"],
    ["receipts", "list"],
]


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    assert main(["--data-dir", str(folder), "demo"]) == 0
    return folder


@pytest.fixture
def app_running(demo_folder: Path) -> Iterator[Workspace]:
    """The folder held open, its lock taken, as the running app holds it."""
    with Workspace.open(demo_folder) as workspace:
        yield workspace


def run(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(folder), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_a_reader_works_beside_the_running_app(
    capsys: pytest.CaptureFixture[str],
    demo_folder: Path,
    app_running: Workspace,
    command: list[str],
) -> None:
    status, out, err = run(capsys, demo_folder, *command)
    assert status == 0, err
    assert out.strip() and "already running" not in err


@pytest.mark.parametrize(
    "command", [["people", "add", "Zara", "--role", "drafter"], ["db", "backup"]], ids=" ".join
)
def test_a_writer_still_says_the_folder_is_in_use(
    capsys: pytest.CaptureFixture[str],
    demo_folder: Path,
    app_running: Workspace,
    command: list[str],
) -> None:
    status, _out, err = run(capsys, demo_folder, *command)
    assert status == 1
    assert "already running on this data folder" in err


def test_a_reader_sees_what_the_app_saved_after_it_opened(
    capsys: pytest.CaptureFixture[str], demo_folder: Path, app_running: Workspace
) -> None:
    reader = Workspace.open(demo_folder, read_only=True)
    try:
        before = len(reader.people.list())
        app_running.people.save(
            "Zara Ousmane",
            frozenset({"drafter"}),
            actor="Amina Mahamat",
            proof=DEMO_PASSPHRASE,
            passphrase="zara first passphrase 2026",
        )
        assert len(reader.people.list()) == before + 1
    finally:
        reader.close()
    status, out, _err = run(capsys, demo_folder, "people", "list", "--json")
    assert status == 0 and "Zara Ousmane" in json.dumps(json.loads(out), ensure_ascii=False)


def test_the_read_only_connection_cannot_write(demo_folder: Path) -> None:
    reader = ReadOnlyDatabase.open_for_reading(demo_folder)
    try:
        with (
            pytest.raises(Exception, match=r"readonly|read-only|read only"),
            reader.engine.begin() as connection,
        ):
            connection.exec_driver_sql("DELETE FROM person")
    finally:
        reader.close()
    assert Workspace.open(demo_folder, read_only=True).people.list()


def test_an_older_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    Workspace.open(tmp_path).close()
    with sqlite3.connect(database_path(tmp_path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0014'")
    connection.close()
    with pytest.raises(NeedsUpdateError, match="must be updated before it can be read"):
        Workspace.open(tmp_path, read_only=True)


def test_a_new_folder_is_created_by_a_reader_when_the_app_is_not_running(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(NeedsUpdateError, match="no database"):
        Workspace.open(tmp_path, read_only=True)
    status, out, _err = run(capsys, tmp_path, "info", "--json")
    assert status == 0 and json.loads(out)["counts"]["assessment"] == 0
