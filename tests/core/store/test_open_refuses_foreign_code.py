"""The data folder's own database is not opened when it holds code the app never creates (a
trigger, a view, a virtual table someone else put there): nothing in it runs or changes, and
the message names the objects. A stray table or index runs nothing and is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.store.migrate import KNOWN_REVISIONS
from acsg_desktop.core.store.schema_guard import (
    APP_CODE,
    ForeignCodeError,
    code_digest,
    code_objects,
    expected_objects,
)
from acsg_desktop.core.workspace import Workspace
from tests.core.store.test_restore_refuses_foreign_objects import (
    TRIGGER,
    make_database_with_history,
    run_sql,
    tree,
)


def test_the_list_of_the_apps_code_is_what_the_migrations_create() -> None:
    made = {
        code_digest(key, value)
        for revision in KNOWN_REVISIONS
        for key, value in code_objects(expected_objects(revision)).items()
    }
    assert made == APP_CODE


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        (TRIGGER, "trigger “t”"),
        ("CREATE VIEW answers_seen AS SELECT * FROM answer", "view “answers_seen”"),
        ("CREATE VIRTUAL TABLE notes USING fts5(body)", "table “notes”"),
        (  # one of ours in name, not in what it does
            "DROP TRIGGER guide_document_ai",
            "trigger “guide_document_ai”",
        ),
    ],
)
def test_a_database_with_foreign_code_is_not_opened(
    tmp_path: Path, statement: str, named: str
) -> None:
    folder = tmp_path / "data"
    path = make_database_with_history(folder)
    statements = [statement]
    if statement.startswith("DROP TRIGGER"):
        statements.append(
            "CREATE TRIGGER guide_document_ai AFTER INSERT ON guide_document BEGIN "
            "UPDATE answer SET level = 1; END"
        )
    run_sql(path, *statements)
    before = tree(folder)
    with pytest.raises(ForeignCodeError) as refused:
        Workspace.open(folder)
    assert named in refused.value.message and str(path) in refused.value.message
    assert "acsg db restore" in refused.value.message
    assert tree(folder) == before  # no migration, no write, no trigger fired


def test_a_stray_table_or_index_runs_nothing_and_the_folder_opens(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    path = make_database_with_history(folder)
    run_sql(path, "CREATE TABLE scratch (x)", "CREATE INDEX scratch_x ON scratch (x)")
    with Workspace.open(folder) as workspace:
        assert [summary.title for summary in workspace.assessments.list()] == ["2026 baseline"]
    assert database_path(folder) == path


def test_the_refusal_is_in_the_users_language(tmp_path: Path, french: None) -> None:
    folder = tmp_path / "data"
    run_sql(make_database_with_history(folder), TRIGGER)
    with pytest.raises(ForeignCodeError) as refused:
        Workspace.open(folder)
    message = refused.value.message.replace("\u00a0", " ").replace("\u202f", " ")
    assert "déclencheur « t »" in message and "n'a donc pas été ouverte" in message
