"""Officials of a test office server: their logins, passwords and TCP addresses."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import unique_login
from tests.postgres_cluster import PostgresCluster

PASSWORD = "an official's password"


@dataclass(frozen=True)
class Official:
    name: str
    login: str
    url: str  # over TCP, with the password: as the official's own computer connects

    @property
    def conninfo(self) -> str:
        """The same address for psycopg itself (no SQLAlchemy driver name)."""
        return self.url.replace("postgresql+psycopg://", "postgresql://", 1)


def database_name(url: str) -> str:
    return str(make_url(url).database)


def add_official(
    cluster: PostgresCluster, admin: Workspace, name: str, roles: set[str]
) -> Official:
    """``name`` as an official with a login of their own, added by the IT officer ``admin``."""
    login = unique_login(name)
    admin.people.add_official(name, frozenset(roles), login, PASSWORD)
    url = cluster.tcp_url(login, PASSWORD, database_name(admin.database.location))
    return Official(name, login, url)


def open_as(official: Official, folder: Path) -> Workspace:
    """The official's own workspace (their computer's data folder is ``folder``)."""
    return Workspace.open(folder, official.url)
