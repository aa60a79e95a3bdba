import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from acsg_desktop.core.store.backup import list_backups, stored_revision
from acsg_desktop.core.store.database import Database, backup_dir, database_path
from acsg_desktop.core.store.engine import make_engine
from acsg_desktop.core.store.migrate import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    SchemaTooNewError,
    alembic_config,
    migrate_to,
)
from tests.core.helpers import sqlite_value


def test_known_revisions_follow_the_migration_scripts() -> None:
    scripts = ScriptDirectory.from_config(alembic_config(None))
    chain = [script.revision for script in scripts.walk_revisions()]
    assert tuple(reversed(chain)) == KNOWN_REVISIONS
    assert scripts.get_current_head() == HEAD_REVISION


def test_upgrade_from_an_empty_database(tmp_path: Path) -> None:
    Database.open(tmp_path).close()
    path = database_path(tmp_path)
    assert stored_revision(path) == HEAD_REVISION
    assert sqlite_value(path, "SELECT count(*) FROM person") == 0
    assert list_backups(backup_dir(tmp_path)) == []  # nothing to back up yet


def test_upgrade_from_the_previous_revision_keeps_data_and_backs_up(tmp_path: Path) -> None:
    path = database_path(tmp_path)
    engine = make_engine(path)
    migrate_to(engine, KNOWN_REVISIONS[-2])
    engine.dispose()
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO authority_profile VALUES (1, 'NE', 'Commission', 'Ali', 'a@b.ne', 'fr',"
        " '2026-01-01 00:00:00')"
    )
    connection.commit()
    connection.close()

    Database.open(tmp_path).close()

    assert stored_revision(path) == HEAD_REVISION
    assert sqlite_value(path, "SELECT authority_name FROM authority_profile") == "Commission"
    backups = list_backups(backup_dir(tmp_path))
    assert len(backups) == 1
    assert stored_revision(backups[0]) == KNOWN_REVISIONS[-2]
    assert sqlite_value(backups[0], "SELECT country_code FROM authority_profile") == "NE"


def test_current_database_is_not_migrated_again(tmp_path: Path) -> None:
    Database.open(tmp_path).close()
    Database.open(tmp_path).close()
    assert list_backups(backup_dir(tmp_path)) == []


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    Database.open(tmp_path).close()
    path = database_path(tmp_path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(SchemaTooNewError, match="newer version"):
        Database.open(tmp_path)
    assert stored_revision(path) == "9999"


def test_the_old_outcome_statuses_become_match_stages_of_exported_requests(
    tmp_path: Path,
) -> None:
    path = database_path(tmp_path)
    engine = make_engine(path)
    migrate_to(engine, "0008")
    engine.dispose()
    connection = sqlite3.connect(path)
    for number, status in ((1, "matched"), (2, "not_matched"), (3, "draft")):
        connection.execute(
            "INSERT INTO support_request (id, title, status, content, created_by, created_at,"
            " last_editor, updated_at, approved_by, approval_waived, version)"
            " VALUES (?, 'T', ?, '{}', 'A', '2026-01-01 00:00:00', 'A', '2026-01-01 00:00:00',"
            " '', 0, 1)",
            (number, status),
        )
    connection.commit()
    connection.close()

    Database.open(tmp_path).close()

    rows = sqlite3.connect(path).execute(
        "SELECT id, status, match_stage, match_message FROM support_request ORDER BY id"
    )
    assert list(rows) == [
        (1, "exported", "agreed", ""),
        (2, "exported", "not_matched", ""),
        (3, "draft", None, ""),
    ]
