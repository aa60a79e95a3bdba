"""A throwaway PostgreSQL server for the tests: one per test session, in a temporary folder.

`cluster_or_reason()` starts it on first use (initdb, then pg_ctl on a Unix socket in that folder
and on 127.0.0.1), or says why it cannot run. PostgreSQL refuses to run as root: as root (CI) the
folder belongs to the `postgres` system user and every server command runs through `runuser`.
The server is stopped and its folder removed when the process ends (atexit), and by a watchdog
process when this one is killed. No Qt here: tests/core, tests/cli and tests/gui all use it.
"""

from __future__ import annotations

import atexit
import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

INSTALL_COMMAND = "apt-get install postgresql"
# Set to a folder holding initdb and pg_ctl to use that server instead of searching for one.
BIN_DIR_VARIABLE = "ACSG_POSTGRESQL_BIN"
SERVER_USER = "postgres"
SUPERUSER = "postgres"
# A Unix socket path is at most 107 bytes; the socket file adds "/.s.PGSQL.NNNNN".
_SOCKET_DIR_MAX = 90
_START_TIMEOUT_S = 30
# Stops the server and removes the folder once its standard input closes, i.e. when the test
# process ends in any way, SIGKILL included. $0 is the folder, "$@" the stop command.
_WATCHDOG_SCRIPT = 'cat >/dev/null; "$@" >/dev/null 2>&1; rm -rf "$0"'


class ClusterError(Exception):
    """The server cannot run; the message says why, for a skip or failure reason."""


def find_bin_dir() -> Path | None:
    """The folder of the server binaries: `pg_config --bindir` if it holds the server, else the
    newest /usr/lib/postgresql/*/bin (Debian keeps them off PATH), else PATH."""
    override = os.environ.get(BIN_DIR_VARIABLE)
    candidates = [Path(override)] if override else _candidate_bin_dirs()
    return next((path for path in candidates if _holds_server(path)), None)


def _candidate_bin_dirs() -> list[Path]:
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.strip():
            candidates.append(Path(found.stdout.strip()))
    versioned = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(versioned, key=_version_key, reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    return candidates


def _version_key(bin_dir: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", bin_dir.parent.name))


def _holds_server(bin_dir: Path) -> bool:
    return all(os.access(bin_dir / name, os.X_OK) for name in ("initdb", "pg_ctl", "postgres"))


def _as_server_user(command: list[str]) -> list[str]:
    """The command as the `postgres` user when we are root (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return command
    if shutil.which("runuser"):
        return ["runuser", "-u", SERVER_USER, "--", *command]
    return ["su", SERVER_USER, "-s", "/bin/sh", "-c", shlex.join(command)]


def _server_user_ids() -> tuple[int, int] | None:
    """The uid and gid to give the folder to when root, None when not root."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise ClusterError(
            f"running as root, which PostgreSQL refuses, and there is no '{SERVER_USER}' user "
            f"to run it as ({INSTALL_COMMAND} creates it)"
        ) from None
    return entry.pw_uid, entry.pw_gid


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _make_base_dir() -> Path:
    base = Path(tempfile.mkdtemp(prefix="acsg-pg-"))
    if len(str(base)) > _SOCKET_DIR_MAX:  # a long TMPDIR: the socket path would not fit
        base.rmdir()
        base = Path(tempfile.mkdtemp(prefix="acsg-pg-", dir="/tmp"))
    return base


def unique_database_name() -> str:
    return "test_" + uuid.uuid4().hex[:16]


@dataclass
class PostgresCluster:
    """A running server: superuser `postgres` with trust on the socket, passwords on TCP."""

    bin_dir: Path
    base_dir: Path
    port: int
    _watchdog: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def socket_dir(self) -> Path:
        return self.base_dir

    @property
    def data_dir(self) -> Path:
        return self.base_dir / "data"

    @property
    def log_file(self) -> Path:
        return self.base_dir / "server.log"

    @classmethod
    def start(cls, bin_dir: Path) -> PostgresCluster:
        """initdb and start a new server in a fresh folder; ClusterError when it cannot."""
        owner = _server_user_ids()
        base = _make_base_dir()
        if owner is not None:
            os.chown(base, *owner)
        cluster = cls(bin_dir, base, _free_port())
        cluster._start_watchdog()
        atexit.register(cluster.stop)
        try:
            cluster._initdb()
            cluster._pg_ctl_start()
        except ClusterError:
            cluster.stop()
            raise
        return cluster

    def _start_watchdog(self) -> None:
        self._watchdog = subprocess.Popen(
            ["sh", "-c", _WATCHDOG_SCRIPT, str(self.base_dir), *self._stop_command()],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl-C in the terminal must not kill it before it cleans
        )

    def _run_server_tool(self, what: str, arguments: list[str]) -> None:
        command = _as_server_user([str(self.bin_dir / arguments[0]), *arguments[1:]])
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            raise ClusterError(f"the test PostgreSQL server did not {what} in 120 s") from None
        if done.returncode != 0:
            log = self.log_file.read_text(errors="replace") if self.log_file.exists() else ""
            details = (done.stderr + done.stdout + log).strip().splitlines()[-5:]
            raise ClusterError(f"the test PostgreSQL server did not {what}: {' | '.join(details)}")

    def _initdb(self) -> None:
        arguments = ["initdb", "-D", str(self.data_dir), "-U", SUPERUSER, "-E", "UTF8"]
        arguments += ["--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"]
        try:  # C.UTF-8 keeps lower() and ILIKE right for accented letters, and sorts as C
            self._run_server_tool("initialise", [*arguments, "--locale=C.UTF-8"])
        except ClusterError:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self._run_server_tool("initialise", [*arguments, "--locale=C"])

    def _pg_ctl_start(self) -> None:
        options = ["-F", "-k", str(self.socket_dir), "-p", str(self.port)]
        for setting in ("listen_addresses=127.0.0.1", "full_page_writes=off"):
            options += ["-c", setting]
        arguments = ["pg_ctl", "-D", str(self.data_dir), "-l", str(self.log_file), "-w", "-s"]
        arguments += ["-t", str(_START_TIMEOUT_S), "-o", shlex.join(options), "start"]
        self._run_server_tool("start", arguments)

    def _stop_command(self) -> list[str]:
        pg_ctl = str(self.bin_dir / "pg_ctl")
        return _as_server_user([pg_ctl, "-D", str(self.data_dir), "-m", "immediate", "-w", "stop"])

    def postmaster_pid(self) -> int | None:
        pid_file = self.data_dir / "postmaster.pid"
        try:
            return int(pid_file.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def stop(self) -> None:
        """Stop the server (immediately: the data is thrown away) and remove the folder."""
        if self.postmaster_pid() is not None:
            subprocess.run(self._stop_command(), capture_output=True, timeout=60)
        shutil.rmtree(self.base_dir, ignore_errors=True)
        if self._watchdog is not None:
            self._watchdog.communicate()  # closes its input: it finds nothing left to do
            self._watchdog = None

    def admin_conninfo(self, database: str = "postgres") -> str:
        """A psycopg connection string for the superuser over the socket."""
        return f"host={self.socket_dir} port={self.port} user={SUPERUSER} dbname={database}"

    def admin_url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL for the superuser over the socket (trust: no password)."""
        host, database = quote(str(self.socket_dir)), quote(database, safe="")
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={host}&port={self.port}"

    def tcp_url(self, user: str, password: str, database: str) -> str:
        """A SQLAlchemy URL for a password-authenticated role over TCP on 127.0.0.1."""
        user, password, database = (quote(part, safe="") for part in (user, password, database))
        return f"postgresql+psycopg://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def run_sql(self, sql: Any, database: str = "postgres") -> list[tuple[Any, ...]]:
        """Run SQL (a string, several statements allowed, or a psycopg.sql object) as the
        superuser in autocommit; returns the rows of the last statement, if it has any."""
        import psycopg

        with psycopg.connect(self.admin_conninfo(database), autocommit=True) as connection:
            cursor = connection.execute(sql)
            return cursor.fetchall() if cursor.description else []

    def create_database(self, name: str | None = None, template: str | None = None) -> str:
        """A new empty database (a unique name when None), or a copy of `template` (which must
        have no open connection); returns its admin URL."""
        from psycopg import sql

        name = name or unique_database_name()
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        self.run_sql(statement)
        return self.admin_url(name)

    def drop_database(self, name: str) -> None:
        """Drop the database, closing any connection still open to it."""
        from psycopg import sql

        self.run_sql(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


_session: PostgresCluster | str | None = None


def cluster_or_reason() -> PostgresCluster | str:
    """The session's server, started on first call, or why it cannot run (cached either way)."""
    global _session
    if _session is None:
        try:
            _session = _start_session_cluster()
        except ClusterError as error:
            _session = str(error)
    return _session


def _start_session_cluster() -> PostgresCluster:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise ClusterError("psycopg is not installed: pip install 'psycopg[binary]'") from None
    bin_dir = find_bin_dir()
    if bin_dir is None:
        override = os.environ.get(BIN_DIR_VARIABLE)
        if override:
            raise ClusterError(f"{BIN_DIR_VARIABLE}={override} holds no initdb, pg_ctl, postgres")
        raise ClusterError("PostgreSQL is not installed: " + INSTALL_COMMAND)
    return PostgresCluster.start(bin_dir)
