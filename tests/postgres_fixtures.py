"""Fixtures for tests that run on a real PostgreSQL server (a plugin loaded by tests/conftest.py).

Without a server the PostgreSQL cases are skipped, and the run ends with one line saying how many
did not run and why; with ACSG_REQUIRE_POSTGRESQL=1 (CI) they fail instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.postgres_cluster import PostgresCluster, cluster_or_reason, unique_database_name

REQUIRE_VARIABLE = "ACSG_REQUIRE_POSTGRESQL"
SKIP_PREFIX = "PostgreSQL: "
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_cluster() -> PostgresCluster:
    """The session's throwaway server; skipped (or failed, when required) without one."""
    found = cluster_or_reason()
    if isinstance(found, str):
        if os.environ.get(REQUIRE_VARIABLE) == "1":
            pytest.fail(f"{SKIP_PREFIX}{found} ({REQUIRE_VARIABLE}=1)", pytrace=False)
        pytest.skip(SKIP_PREFIX + found)
    return found


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """The admin URL of a new empty database for this test, dropped after it."""
    name = unique_database_name()
    url = postgres_cluster.create_database(name)
    yield url
    postgres_cluster.drop_database(name)


@pytest.fixture(params=BACKENDS, ids=BACKENDS)
def database_backend(request: pytest.FixtureRequest) -> str | None:
    """None for the default SQLite file, or a fresh PostgreSQL database's URL: pass it on as
    `Workspace.open(data_dir, database=database_backend)`."""
    if request.param == "sqlite":
        return None
    url: str = request.getfixturevalue("postgres_url")
    return url


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    reasons = [_skip_message(report) for report in terminalreporter.stats.get("skipped", [])]
    ours = [reason for reason in reasons if reason.startswith(SKIP_PREFIX)]
    if ours:
        reason = ours[0].removeprefix(SKIP_PREFIX)
        terminalreporter.write_line(f"{len(ours)} PostgreSQL test(s) did not run: {reason}")


def _skip_message(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return ""
