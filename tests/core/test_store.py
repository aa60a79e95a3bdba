from pathlib import Path

import pytest
from sqlalchemy import text

from acsg_desktop.core.store.database import Database, database_path
from acsg_desktop.core.store.migrate import HEAD_REVISION
from acsg_desktop.core.store.profile_repository import ProfileRepository
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD


@pytest.fixture
def database(tmp_path: Path):
    opened = Database.open(tmp_path)
    yield opened
    opened.close()


def test_pragmas_for_durability(database: Database) -> None:
    with database.engine.connect() as connection:
        pragma = lambda name: connection.execute(text(f"PRAGMA {name}")).scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000


def test_one_connection_only(database: Database) -> None:
    assert database.engine.pool.size() == 1


def test_unit_of_work_commits_together(database: Database) -> None:
    with database.unit_of_work() as session:
        ProfileRepository(session).save(CHAD)
    with database.unit_of_work() as session:
        assert ProfileRepository(session).get() == CHAD


def test_unit_of_work_rolls_back_on_error(database: Database) -> None:
    with pytest.raises(RuntimeError), database.unit_of_work() as session:
        ProfileRepository(session).save(CHAD)
        raise RuntimeError("interrupted")
    with database.unit_of_work() as session:
        assert ProfileRepository(session).get() is None


def test_close_leaves_one_self_contained_file(tmp_path: Path) -> None:
    database = Database.open(tmp_path)
    with database.unit_of_work() as session:
        ProfileRepository(session).save(CHAD)
    database.close()
    wal = database_path(tmp_path).with_name("acsg.sqlite3-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_workspace_counts_and_revision(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path)
    try:
        workspace.profiles.save(CHAD)
        counts = workspace.database.table_counts()
        assert (counts["authority_profile"], counts["person"], counts["assessment"]) == (1, 1, 0)
        assert workspace.database.schema_revision() == HEAD_REVISION
        assert workspace.database.integrity_problems() == []
    finally:
        workspace.close()


def test_leftover_temporary_files_are_cleaned_at_start(tmp_path: Path) -> None:
    leftover = tmp_path / ".settings.json.abc.partial"
    leftover.write_text("half")
    Workspace.open(tmp_path).close()
    assert not leftover.exists()
