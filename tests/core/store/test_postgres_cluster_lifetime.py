"""The test PostgreSQL server leaves nothing behind; a missing server is reported, not hidden."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tests.postgres_cluster import PostgresCluster

REPO = Path(__file__).resolve().parents[3]

# A session on a machine without PostgreSQL: the search for the server binaries finds nothing.
INNER_CONFTEST = """
import tests.postgres_cluster as cluster

cluster._candidate_bin_dirs = lambda: []
pytest_plugins = ["tests.postgres_fixtures"]
"""
INNER_TEST = """
def test_backend(database_backend):
    assert database_backend is None
"""
KILLED_SESSION = """
import os, signal
from tests.postgres_cluster import cluster_or_reason

cluster = cluster_or_reason()
print(cluster.base_dir, cluster.postmaster_pid(), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _alive(pid: int) -> bool:
    """Whether the process runs (a zombie waiting for its parent to collect it does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _wait_until_gone(base_dir: Path, pid: int, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while (base_dir.exists() or _alive(pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(pid), "the postmaster still runs"
    assert not base_dir.exists(), "the server folder is still there"


def _environment(**variables: str) -> dict[str, str]:
    environment = dict(os.environ, PYTHONPATH=str(REPO))
    for name in ("ACSG_REQUIRE_POSTGRESQL", "ACSG_POSTGRESQL_BIN"):
        environment.pop(name, None)
    return {**environment, **variables}


def _run_inner_session(folder: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    (folder / "conftest.py").write_text(INNER_CONFTEST)
    (folder / "test_inner.py").write_text(INNER_TEST)
    command = [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", str(folder)]
    return subprocess.run(
        command, cwd=folder, env=_environment(**variables), capture_output=True, text=True
    )


def test_a_stopped_cluster_leaves_no_process_and_no_folder(
    postgres_cluster: PostgresCluster,
) -> None:
    cluster = PostgresCluster.start(postgres_cluster.bin_dir)
    pid = cluster.postmaster_pid()
    assert pid is not None and _alive(pid)
    assert cluster.run_sql("SELECT 1") == [(1,)]
    cluster.stop()
    assert not cluster.base_dir.exists()
    _wait_until_gone(cluster.base_dir, pid, seconds=5)


def test_a_killed_test_process_leaves_no_server_behind(postgres_cluster: PostgresCluster) -> None:
    killed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(KILLED_SESSION)],
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert killed.returncode == -9, killed.stderr
    base_dir, pid = killed.stdout.split()
    _wait_until_gone(Path(base_dir), int(pid))


def test_without_a_server_the_postgresql_cases_are_skipped_and_counted(tmp_path: Path) -> None:
    done = _run_inner_session(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    sqlite_line = done.stdout.index("test_backend[sqlite] PASSED")
    assert done.stdout.index("test_backend[postgresql] SKIPPED") > sqlite_line
    reason = "PostgreSQL is not installed: apt-get install postgresql"
    assert f"\n1 PostgreSQL test(s) did not run: {reason}\n" in done.stdout


def test_without_a_server_the_postgresql_cases_fail_when_it_is_required(tmp_path: Path) -> None:
    nowhere = tmp_path / "nowhere"
    done = _run_inner_session(
        tmp_path, ACSG_REQUIRE_POSTGRESQL="1", ACSG_POSTGRESQL_BIN=str(nowhere)
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "test_backend[sqlite] PASSED" in done.stdout
    assert "test_backend[postgresql] ERROR" in done.stdout
    assert f"ACSG_POSTGRESQL_BIN={nowhere} holds no initdb" in done.stdout
    assert "did not run" not in done.stdout
