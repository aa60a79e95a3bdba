"""The office server is not used when it holds code the app never creates (PostgreSQL only):
a trigger, a function, a rule, a view, a row security policy or an event trigger could change
or hide data without a trace."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package.builder import PackageError
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.store.server import probe_server
from acsg_desktop.core.store.server_schema_guard import (
    SERVER_APP_CODE,
    ServerForeignCodeError,
    server_code,
    server_code_digest,
)
from acsg_desktop.core.store.server_url import parse_address
from acsg_desktop.core.workspace import Workspace
from tests.core.store.office import database_name
from tests.postgres_cluster import PostgresCluster

SIGNATORY = "Fatimé Zakaria"
PASSPHRASE = b"a long enough passphrase"

FOREIGN = [
    (  # one of ours in name, firing before each row: returning NULL, it drops every write
        "CREATE TRIGGER answer_changed_early BEFORE INSERT OR UPDATE ON answer "
        "FOR EACH ROW EXECUTE FUNCTION acsg_notify_change()",
        "trigger “answer_changed_early”",
    ),
    (
        "CREATE OR REPLACE FUNCTION acsg_notify_change() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN DELETE FROM audit_log; RETURN NULL; END $$",
        "function “acsg_notify_change”",
    ),
    (
        "CREATE FUNCTION quietly() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$",
        "function “quietly”",
    ),
    ("CREATE RULE keep_old AS ON UPDATE TO answer DO INSTEAD NOTHING", "rule “keep_old”"),
    ("CREATE VIEW answers_seen AS SELECT * FROM answer", "view “answers_seen”"),
    (
        "ALTER TABLE answer ENABLE ROW LEVEL SECURITY; "
        "CREATE POLICY hide_answers ON answer USING (false)",
        "row security policy “hide_answers”",
    ),
    (
        "CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$; "
        "CREATE EVENT TRIGGER watch_upgrades ON ddl_command_start EXECUTE FUNCTION on_ddl()",
        "event trigger “watch_upgrades”",
    ),
]


def _found_digests(url: str) -> set[str]:
    engine = create_engine(parse_address(url, None))
    try:
        with engine.connect() as connection:
            return {server_code_digest(found) for found in server_code(connection)}
    finally:
        engine.dispose()


def test_the_list_of_the_apps_server_code_is_what_the_migrations_create(
    migrated_postgres_url: str,
) -> None:
    assert _found_digests(migrated_postgres_url) == SERVER_APP_CODE


@pytest.mark.parametrize(("statement", "named"), FOREIGN, ids=[n for _s, n in FOREIGN])
def test_a_server_holding_foreign_code_is_not_used(
    postgres_cluster: PostgresCluster,
    migrated_postgres_url: str,
    tmp_path: Path,
    statement: str,
    named: str,
) -> None:
    database = database_name(migrated_postgres_url)
    postgres_cluster.run_sql(statement, database=database)
    before = postgres_cluster.run_sql("SELECT count(*) FROM audit_log", database=database)
    with pytest.raises(ServerForeignCodeError) as refused:
        Workspace.open(tmp_path / "data", migrated_postgres_url)
    assert named in refused.value.message and "never creates" in refused.value.message
    with pytest.raises(ServerForeignCodeError):
        probe_server(migrated_postgres_url, None)
    after = postgres_cluster.run_sql("SELECT count(*) FROM audit_log", database=database)
    assert after == before


def test_a_server_opens_again_once_the_foreign_code_is_removed(
    postgres_cluster: PostgresCluster, migrated_postgres_url: str, tmp_path: Path
) -> None:
    database = database_name(migrated_postgres_url)
    postgres_cluster.run_sql(FOREIGN[3][0], database=database)
    with pytest.raises(ServerForeignCodeError):
        Workspace.open(tmp_path / "data", migrated_postgres_url)
    postgres_cluster.run_sql("DROP RULE keep_old ON answer", database=database)
    with Workspace.open(tmp_path / "data", migrated_postgres_url) as workspace:
        assert workspace.database.is_server


def test_code_added_while_a_window_is_open_is_named_by_the_data_check(
    postgres_cluster: PostgresCluster, migrated_postgres_url: str, tmp_path: Path
) -> None:
    with Workspace.open(tmp_path / "data", migrated_postgres_url) as workspace:
        assert workspace.database.integrity_problems() == []
        postgres_cluster.run_sql(FOREIGN[3][0], database=database_name(migrated_postgres_url))
        assert workspace.database.integrity_problems() == ["rule “keep_old”"]


def test_what_an_extension_installs_is_not_foreign(
    postgres_cluster: PostgresCluster, migrated_postgres_url: str, tmp_path: Path
) -> None:
    database = database_name(migrated_postgres_url)
    postgres_cluster.run_sql("CREATE EXTENSION pg_stat_statements", database=database)
    with Workspace.open(tmp_path / "data", migrated_postgres_url) as workspace:
        assert workspace.database.integrity_problems() == []


def test_no_package_is_signed_while_the_server_holds_foreign_code(
    postgres_cluster: PostgresCluster,
    migrated_postgres_url: str,
    tmp_path: Path,
    demo_logins_dropped: None,  # the demo's logins are the cluster's: dropped after
) -> None:
    data = tmp_path / "data"
    with Workspace.open(data, migrated_postgres_url) as workspace:
        demo = create_demo(workspace, "en")
        IdentityStore(data).create(SIGNATORY, workspace.profiles.get(), PASSPHRASE)
        postgres_cluster.run_sql(FOREIGN[3][0], database=database_name(migrated_postgres_url))
        out = tmp_path / "package.acsgpkg"
        with pytest.raises(PackageError, match=r"failed its check \(rule “keep_old”\)"):
            workspace.exports.export(demo.baseline.id, SIGNATORY, PASSPHRASE, out, "en")
        assert not out.exists()
