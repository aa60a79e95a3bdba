"""An office server (PostgreSQL only): its roles, who may do what, and its errors in words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from sqlalchemy import text

from acsg_desktop.core.database_choice import chosen_database, remember_database
from acsg_desktop.core.errors import NotThisLoginError
from acsg_desktop.core.i18n import language_as
from acsg_desktop.core.preferences import load_settings
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.requests.service import RequestError
from acsg_desktop.core.store.migrate import HEAD_REVISION, SchemaTooNewError
from acsg_desktop.core.store.server import initialise_server
from acsg_desktop.core.store.server_errors import (
    NotAnAcsgDatabaseError,
    ServerError,
    ServerPasswordError,
    ServerUnreachableError,
)
from acsg_desktop.core.workspace import Workspace
from tests.core.requests.helpers import COMPLETE
from tests.core.store.office import PASSWORD, Official, add_official, database_name, open_as
from tests.postgres_cluster import PostgresCluster


@pytest.fixture
def it_officer(tmp_path: Path, migrated_postgres_url: str) -> Iterator[Workspace]:
    """The IT officer's workspace (the superuser) on an initialised office server."""
    with Workspace.open(tmp_path / "it-officer", migrated_postgres_url) as opened:
        yield opened


@pytest.fixture
def drafter(postgres_cluster: PostgresCluster, it_officer: Workspace) -> Official:
    return add_official(postgres_cluster, it_officer, "Idriss Abakar", {"drafter", "reviewer"})


def answer(workspace: Workspace, level: int) -> Answer:
    indicator = workspace.assessments.shipped_framework().indicators[0].id
    return Answer(
        indicator, AnswerKind.LEVEL, level=level, evidence="Report", answered_by="Idriss Abakar"
    )


def test_server_init_is_idempotent(
    postgres_cluster: PostgresCluster, postgres_url: str, tmp_path: Path
) -> None:
    for _time in range(2):
        initialise_server(postgres_url, None, tmp_path / "backups").close()
    name = database_name(postgres_url)
    cluster_sql = (
        "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'",
        "SELECT version_num FROM alembic_version",
    )
    owners, revision = (postgres_cluster.run_sql(sql, database=name) for sql in cluster_sql)
    assert owners == [("acsg_owner",)] and revision == [(HEAD_REVISION,)]
    with Workspace.open(tmp_path / "data", postgres_url) as workspace:
        assert workspace.database.schema_revision() == HEAD_REVISION


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET actor = 'someone'", "DELETE FROM audit_log", "TRUNCATE audit_log"],
)
def test_an_official_cannot_rewrite_the_audit_log_but_adds_to_it(
    drafter: Official, tmp_path: Path, statement: str
) -> None:
    with open_as(drafter, tmp_path / "idriss") as workspace:
        assert workspace.current_user == drafter.name
        created = workspace.assessments.create("2026", 2026, actor=drafter.name)
        before = workspace.audit_check().entries
        workspace.assessments.save_answer(created.id, answer(workspace, 2), actor=drafter.name)
        check = workspace.audit_check()
        assert check.ok and check.entries == before + 1
    with psycopg.connect(drafter.conninfo) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(statement)
        connection.rollback()
        count = connection.execute("SELECT count(*) FROM audit_log").fetchone()
    assert count is not None and count[0] == check.entries


def test_an_official_acts_only_as_themself(
    postgres_cluster: PostgresCluster, it_officer: Workspace, drafter: Official, tmp_path: Path
) -> None:
    other = add_official(postgres_cluster, it_officer, "Fatimé Zakaria", {"reviewer"})
    with open_as(drafter, tmp_path / "idriss") as workspace:
        for someone in (other.name, "Nobody at all", other.login):
            with pytest.raises(NotThisLoginError):
                workspace.assessments.create("2026", 2026, actor=someone)
        assert workspace.assessments.list() == []
        with pytest.raises(Exception, match="own login"):
            workspace.set_current_user(other.name)


def test_the_drafter_cannot_approve_their_own_request_on_the_server(
    postgres_cluster: PostgresCluster, it_officer: Workspace, drafter: Official, tmp_path: Path
) -> None:
    reviewer = add_official(postgres_cluster, it_officer, "Fatimé Zakaria", {"reviewer"})
    with open_as(drafter, tmp_path / "idriss") as workspace:
        created = workspace.requests.create(COMPLETE, actor=drafter.name)
        workspace.requests.submit_for_review(created.id, actor=drafter.name)
        with pytest.raises(RequestError, match="another person must approve"):
            workspace.requests.approve(created.id, actor=drafter.name)
    with open_as(reviewer, tmp_path / "fatime") as workspace:
        approved = workspace.requests.approve(created.id, actor=reviewer.name)
    assert approved.approved_by == reviewer.name


def _message_in_both_languages(error: type[ServerError], folder: Path, address: str) -> str:
    with pytest.raises(error) as english:
        Workspace.open(folder, address)
    with language_as("fr"), pytest.raises(error) as french:
        Workspace.open(folder, address)
    assert english.value.message != french.value.message  # translated
    assert {"Check", "Ask", "Install"} & set(english.value.message.split())  # says what to do
    return english.value.message


def test_a_wrong_or_missing_password_is_said_in_words(
    postgres_cluster: PostgresCluster,
    drafter: Official,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    database = database_name(drafter.url)
    wrong = postgres_cluster.tcp_url(drafter.login, "not-it", database)
    message = _message_in_both_languages(ServerPasswordError, tmp_path / "data", wrong)
    assert "not-it" not in message and "refused the login" in message
    missing = f"postgresql://{drafter.login}@127.0.0.1:{postgres_cluster.port}/{database}"
    with pytest.raises(ServerPasswordError) as raised:
        Workspace.open(tmp_path / "data", missing)
    assert raised.value.missing and "asks for a password" in raised.value.message
    with pytest.raises(ServerPasswordError) as raised:
        Workspace.open(tmp_path / "data", wrong)
    assert not raised.value.missing
    with open_as(drafter, tmp_path / "data") as workspace:  # the right one opens
        assert workspace.current_user == drafter.name


def test_an_unreachable_server_is_said_in_words(tmp_path: Path) -> None:
    message = _message_in_both_languages(
        ServerUnreachableError, tmp_path / "data", "postgresql://official@127.0.0.1:1/office"
    )
    assert "cannot be reached" in message and "127.0.0.1:1" in message


def test_a_database_of_something_else_is_not_taken_for_an_office(
    postgres_cluster: PostgresCluster, postgres_url: str, tmp_path: Path
) -> None:
    postgres_cluster.run_sql("CREATE TABLE invoice (id int)", database=database_name(postgres_url))
    message = _message_in_both_languages(NotAnAcsgDatabaseError, tmp_path / "data", postgres_url)
    assert "not an ACSG database" in message
    tables = postgres_cluster.run_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
        database=database_name(postgres_url),
    )
    assert tables == [("invoice",)]  # nothing was added to it


def test_a_server_upgraded_by_a_newer_app_is_refused(
    postgres_cluster: PostgresCluster, migrated_postgres_url: str, tmp_path: Path
) -> None:
    name = database_name(migrated_postgres_url)
    postgres_cluster.run_sql("UPDATE alembic_version SET version_num = '9999'", database=name)
    with pytest.raises(SchemaTooNewError) as english:
        Workspace.open(tmp_path / "data", migrated_postgres_url)
    with language_as("fr"), pytest.raises(SchemaTooNewError) as french:
        Workspace.open(tmp_path / "data", migrated_postgres_url)
    assert "newer version" in english.value.message and "9999" in english.value.message
    assert english.value.message != french.value.message
    revision = postgres_cluster.run_sql("SELECT version_num FROM alembic_version", database=name)
    assert revision == [("9999",)]


def test_the_remembered_address_never_holds_the_password(drafter: Official, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with open_as(drafter, folder):
        remember_database(folder, drafter.url)
    remembered = load_settings(folder).database
    assert drafter.login in remembered and "password" not in remembered
    assert chosen_database(folder) == remembered
    kept = "".join(path.read_text(errors="replace") for path in folder.rglob("*") if path.is_file())
    assert PASSWORD not in kept and quote(PASSWORD) not in kept
    with pytest.raises(ServerPasswordError):  # the remembered address alone lacks it
        Workspace.open(folder, chosen_database(folder))


def test_the_official_sees_the_changes_of_the_it_officer(
    it_officer: Workspace, drafter: Official, tmp_path: Path
) -> None:
    with open_as(drafter, tmp_path / "idriss") as workspace:
        created = workspace.assessments.create("Shared", 2026, actor=drafter.name)
    with it_officer.database.unit_of_work() as session:
        actors = session.execute(text("SELECT DISTINCT actor FROM audit_log")).scalars().all()
    assert drafter.name in actors
    assert [a.id for a in it_officer.assessments.list()] == [created.id]


def test_the_audit_chain_finds_a_row_the_superuser_edited(
    postgres_cluster: PostgresCluster, it_officer: Workspace, drafter: Official, tmp_path: Path
) -> None:
    with open_as(drafter, tmp_path / "idriss") as workspace:
        created = workspace.assessments.create("2026", 2026, actor=drafter.name)
        workspace.assessments.save_answer(created.id, answer(workspace, 2), actor=drafter.name)
    assert it_officer.audit_check().ok
    [(last,)] = postgres_cluster.run_sql(
        "SELECT max(id) FROM audit_log", database=database_name(drafter.url)
    )
    postgres_cluster.run_sql(
        f"UPDATE audit_log SET actor = 'Someone else' WHERE id = {int(last)}",
        database=database_name(drafter.url),
    )
    check = it_officer.audit_check()
    assert not check.ok and check.broken_entry == last


def test_a_new_database_opens_beside_an_initialised_office(
    migrated_postgres_url: str, postgres_url: str, tmp_path: Path
) -> None:
    """Roles are cluster-wide: acsg_owner exists (another office's `server init`), yet this
    empty database never granted it anything; the superuser's first open still migrates it."""
    with Workspace.open(tmp_path / "other", migrated_postgres_url):
        pass
    with Workspace.open(tmp_path / "new", postgres_url) as workspace:
        assert workspace.database.schema_revision() == HEAD_REVISION
