"""The test suite's throwaway PostgreSQL server (tests/postgres_cluster.py) and its fixtures."""

from __future__ import annotations

import uuid

import psycopg
import pytest
import sqlalchemy

from tests.postgres_cluster import PostgresCluster


def _query(url: str, sql: str) -> list[tuple[object, ...]]:
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.exec_driver_sql(sql)]
    finally:
        engine.dispose()


def _name(url: str) -> str:
    return str(sqlalchemy.engine.make_url(url).database)


def _table_names(url: str) -> list[str]:
    rows = _query(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return sorted(str(row[0]) for row in rows)


def test_the_socket_url_is_the_superuser_in_a_utf8_database(postgres_url: str) -> None:
    sql = "SELECT current_user, pg_encoding_to_char(encoding), lower('ÉTÉ'), inet_server_addr() "
    sql += "FROM pg_database WHERE datname = current_database()"
    # inet_server_addr() is NULL on a Unix socket
    assert _query(postgres_url, sql) == [("postgres", "UTF8", "été", None)]


def test_a_role_with_a_password_connects_over_tcp_and_a_wrong_one_is_refused(
    postgres_cluster: PostgresCluster, postgres_url: str
) -> None:
    role, database = "reader_" + uuid.uuid4().hex[:8], _name(postgres_url)
    postgres_cluster.run_sql(f"CREATE ROLE {role} LOGIN PASSWORD 'right horse'")
    try:
        url = postgres_cluster.tcp_url(role, "right horse", database)
        rows = _query(url, "SELECT current_user, host(inet_server_addr())")
        assert rows == [(role, "127.0.0.1")]
        with pytest.raises(sqlalchemy.exc.OperationalError, match="password authentication"):
            _query(postgres_cluster.tcp_url(role, "wrong horse", database), "SELECT 1")
    finally:
        postgres_cluster.run_sql(f"DROP ROLE {role}")


def test_two_created_databases_are_distinct_and_empty(
    postgres_cluster: PostgresCluster, postgres_url: str
) -> None:
    other_url = postgres_cluster.create_database()
    try:
        assert _name(other_url) != _name(postgres_url)
        assert _table_names(postgres_url) == [] and _table_names(other_url) == []
        postgres_cluster.run_sql("CREATE TABLE answers (id integer)", _name(postgres_url))
        assert _table_names(postgres_url) == ["answers"]
        assert _table_names(other_url) == []
    finally:
        postgres_cluster.drop_database(_name(other_url))


def test_a_copy_of_a_template_holds_its_table_and_rows(postgres_cluster: PostgresCluster) -> None:
    template = _name(postgres_cluster.create_database())
    copy_name = ""
    try:
        postgres_cluster.run_sql("CREATE TABLE t (name text); INSERT INTO t VALUES ('a')", template)
        copy_name = _name(postgres_cluster.create_database(template=template))
        assert _query(postgres_cluster.admin_url(copy_name), "SELECT name FROM t") == [("a",)]
        postgres_cluster.run_sql("INSERT INTO t VALUES ('b')", copy_name)
        assert postgres_cluster.run_sql("SELECT count(*) FROM t", template) == [(1,)]
        assert postgres_cluster.run_sql("SELECT count(*) FROM t", copy_name) == [(2,)]
    finally:
        postgres_cluster.drop_database(copy_name)
        postgres_cluster.drop_database(template)


def test_a_database_is_dropped_even_with_a_connection_open(
    postgres_cluster: PostgresCluster,
) -> None:
    name = _name(postgres_cluster.create_database())
    with psycopg.connect(postgres_cluster.admin_conninfo(name)) as left_open:
        postgres_cluster.drop_database(name)
        with pytest.raises(psycopg.OperationalError):
            left_open.execute("SELECT 1")
    databases = postgres_cluster.run_sql("SELECT datname FROM pg_database")
    assert (name,) not in databases


def test_database_backend_is_none_for_sqlite_and_a_live_url_for_postgresql(
    database_backend: str | None, request: pytest.FixtureRequest
) -> None:
    if request.node.callspec.id == "sqlite":
        assert database_backend is None
    else:
        assert request.node.callspec.id == "postgresql"
        assert database_backend is not None
        assert database_backend.startswith("postgresql+psycopg://postgres@/test_")
        assert _query(database_backend, "SELECT 1") == [(1,)]
