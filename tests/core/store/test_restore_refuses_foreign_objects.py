"""A backup holding a trigger, view, table or index the app never creates is not restored,
and a bad audit time in either database never stops a restore with a traceback."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from acsg_desktop.core.store.backup import BackupRefusedError, backup_database
from acsg_desktop.core.store.backup_contents import read_counts, restore_warning
from acsg_desktop.core.store.database import database_path, unexpected_in_closed
from acsg_desktop.core.store.schema_guard import unexpected_objects
from acsg_desktop.core.workspace import Workspace, restore_into

TRIGGER = (
    "CREATE TRIGGER t AFTER UPDATE ON app_setting BEGIN "
    "UPDATE answer SET level = 1, note = 'overwritten silently'; END"
)


def make_database_with_history(folder: Path) -> Path:
    with Workspace.open(folder) as workspace:
        workspace.people.save("Amina Mahamat", frozenset({"drafter"}), actor="Amina Mahamat")
        created = workspace.assessments.create("2026 baseline", 2026, actor="Amina Mahamat")
        workspace.assessments.set_contexts(created.id, {"prima_facie_used": True}, actor="Amina")
    return database_path(folder)


def run_sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


def tree(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "acsg.lock" and "logs" not in path.parts
    }


@pytest.fixture(scope="module")
def clean_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("source")
    return backup_database(make_database_with_history(folder), folder / "backups", "manual")


def test_a_database_the_app_made_has_nothing_unexpected(clean_backup: Path) -> None:
    assert unexpected_objects(clean_backup, "0018") == []


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        (TRIGGER, "trigger “t”"),
        ("CREATE VIEW v AS SELECT * FROM answer", "view “v”"),
        ("CREATE TABLE stash (x)", "table “stash”"),
        ("CREATE INDEX answer_note ON answer (note)", "index “answer_note”"),
        # An app trigger's name with other code is not the app's trigger.
        (
            "DROP TRIGGER guide_document_ai",
            "trigger “guide_document_ai”",
        ),
    ],
)
def test_a_backup_with_foreign_objects_is_refused_and_changes_nothing(
    clean_backup: Path, tmp_path: Path, statement: str, named: str
) -> None:
    backup = tmp_path / "evil.sqlite3"
    backup.write_bytes(clean_backup.read_bytes())
    run_sql(backup, statement)
    if statement.startswith("DROP TRIGGER"):
        run_sql(
            backup,
            "CREATE TRIGGER guide_document_ai AFTER INSERT ON guide_document BEGIN "
            "DELETE FROM answer; END",
        )
    live = tmp_path / "live"
    make_database_with_history(live)
    before = tree(live)
    with pytest.raises(BackupRefusedError, match="never creates") as caught:
        restore_into(live, backup)
    assert named in caught.value.message
    assert tree(live) == before


def test_db_check_names_a_trigger_in_the_live_database(tmp_path: Path) -> None:
    path = make_database_with_history(tmp_path)
    assert unexpected_in_closed(path) == []
    run_sql(path, TRIGGER)
    assert unexpected_in_closed(path) == ["trigger “t”"]


def test_a_bad_audit_time_in_a_backup_is_said_to_be_unknown(
    clean_backup: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "odd.sqlite3"
    backup.write_bytes(clean_backup.read_bytes())
    run_sql(
        backup, "UPDATE audit_log SET at = 'not a date' WHERE id = (SELECT max(id) FROM audit_log)"
    )
    counts = read_counts(backup)
    assert counts is not None and counts.last_change is None
    assert "an unknown date" in restore_warning(backup, None)
    live = tmp_path / "live"
    make_database_with_history(live)
    before = tree(live)
    with pytest.raises(BackupRefusedError):  # the time is part of the chained entry
        restore_into(live, backup)
    assert tree(live) == before


def test_a_bad_audit_time_in_the_current_database_does_not_block_recovery(
    clean_backup: Path, tmp_path: Path
) -> None:
    live = tmp_path / "live"
    current = make_database_with_history(live)
    run_sql(current, "UPDATE audit_log SET at = 'not a date'")
    warning = restore_warning(clean_backup, current)
    assert "This backup holds the data" in warning
    assert restore_into(live, clean_backup) is not None
    with Workspace.open(live) as workspace:
        assert workspace.audit_check().ok


def test_many_foreign_objects_are_named_a_few_at_a_time(clean_backup: Path, tmp_path: Path) -> None:
    backup = tmp_path / "many.sqlite3"
    backup.write_bytes(clean_backup.read_bytes())
    run_sql(backup, *(f"CREATE VIEW v{number} AS SELECT 1" for number in range(8)))
    live = tmp_path / "live"
    make_database_with_history(live)
    with pytest.raises(BackupRefusedError) as caught:
        restore_into(live, backup)
    assert "view “v4”" in caught.value.message and "v5" not in caught.value.message
    assert "and 3 more" in caught.value.message
