"""Workspaces on either backend (a plugin loaded by tests/conftest.py): the same test body runs
on the data folder's SQLite file and on a throwaway PostgreSQL database.

The PostgreSQL databases are copies of one template migrated once per session (a copy takes
0.2 s, migrating a new database 1 s). Roles are cluster-wide: `demo_logins_dropped` removes the
demo's fixed logins after a test that ran the demo on the server.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import postgres_cluster
from tests.postgres_cluster import PostgresCluster, unique_database_name
from tests.postgres_fixtures import BACKENDS

DEMO_LOGINS = ("acsg_demo_amina", "acsg_demo_idriss", "acsg_demo_fatime")


@pytest.fixture(scope="session")
def migrated_template(postgres_cluster: PostgresCluster) -> str:
    """The name of a database made an office server (`acsg server init`: roles, schema,
    grants) holding the shipped guides, to copy."""
    from acsg_desktop.core.store.server import initialise_server
    from acsg_desktop.core.workspace import Workspace

    name = "template_" + unique_database_name()
    url = postgres_cluster.create_database(name)
    with tempfile.TemporaryDirectory() as folder:
        initialise_server(url, None, Path(folder) / "backups").close()
        Workspace.open(Path(folder), url).close()
    return name


def _copy_of_template(request: pytest.FixtureRequest) -> Iterator[str]:
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    template: str = request.getfixturevalue("migrated_template")
    name = unique_database_name()
    yield cluster.create_database(name, template=template)
    cluster.drop_database(name)


@pytest.fixture
def migrated_postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The admin URL of a new database already at the newest schema, dropped after the test."""
    yield from _copy_of_template(request)


@pytest.fixture(params=BACKENDS, ids=BACKENDS)
def store_backend(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """None (the data folder's SQLite file) or a migrated PostgreSQL database's URL."""
    if request.param == "sqlite":
        yield None
    else:
        yield from _copy_of_template(request)


@pytest.fixture(scope="module", params=BACKENDS, ids=BACKENDS)
def module_backend(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """As `store_backend`, shared by the tests of one module."""
    if request.param == "sqlite":
        yield None
    else:
        yield from _copy_of_template(request)


@pytest.fixture
def backend_workspace(tmp_path: Path, store_backend: str | None) -> Iterator[object]:
    """A workspace opened on `store_backend` (its data folder in tmp_path)."""
    from acsg_desktop.core.workspace import Workspace

    with Workspace.open(tmp_path / "data", store_backend) as opened:
        yield opened


@pytest.fixture
def demo_logins_dropped() -> Iterator[None]:
    """After the test, drop the demo's logins from the test server (they are cluster-wide, and
    the demo refuses a login that exists)."""
    yield
    cluster = postgres_cluster._session  # only when a test of this session started it
    if isinstance(cluster, PostgresCluster):
        cluster.run_sql("DROP ROLE IF EXISTS " + ", ".join(DEMO_LOGINS))
