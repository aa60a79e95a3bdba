"""Helpers shared by the core tests."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.workspace import Workspace

CHAD = Profile(
    country_code="TD",
    authority_name="Commission nationale d'accueil",
    contact_person="Amina Mahamat",
    email="amina@example.org",
    preferred_language="fr",
)


def damage(path: Path, offset: int, data: bytes) -> None:
    """Overwrite bytes of a file in place, as a failing disk would."""
    with path.open("r+b") as stream:
        stream.seek(offset)
        stream.write(data)


def sqlite_value(path: Path, sql: str) -> object:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


TEST_PASSPHRASE = "a test passphrase"


def add_people(
    workspace: Workspace, people: dict[str, set[str]], proof: str = TEST_PASSPHRASE
) -> None:
    """Add ``people`` as the office's administrator would (proving it with ``proof``), each
    with ``TEST_PASSPHRASE``; in an empty office the first one named becomes the administrator."""
    service = workspace.people
    admin = next((p.name for p in service.list() if "administrator" in p.roles), None)
    entries = list(people.items())
    if admin is None:
        admin, roles = entries.pop(0)
        service.save(admin, frozenset(roles), actor=admin)
    found = service.get(admin)
    if found is not None and not found.has_passphrase:
        service.set_passphrase(admin, proof, actor=admin)
    for name, roles in entries:
        first = None if service.get(name) else TEST_PASSPHRASE
        kept = {"administrator"} if name == admin else set()  # the office keeps its administrator
        service.save(name, frozenset(roles | kept), actor=admin, proof=proof, passphrase=first)


def unique_login(name: str) -> str:
    """A server login for ``name`` no other test uses (logins are cluster-wide)."""
    stem = "".join(c for c in name.lower() if c.isascii() and c.isalnum())[:20]
    return f"t_{stem}_{uuid.uuid4().hex[:10]}"


def add_staff(
    workspace: Workspace, people: dict[str, set[str]], proof: str = TEST_PASSPHRASE
) -> None:
    """``add_people`` on SQLite; on an office server each person is an official with a login
    of their own (the first one named, as on SQLite, also an administrator), which the tests'
    superuser login may act as."""
    if not workspace.database.is_server:
        add_people(workspace, people, proof)
        return
    has_admin = any("administrator" in p.roles for p in workspace.people.list())
    for name, roles in people.items():
        held = set(roles) if has_admin else set(roles) | {"administrator"}
        has_admin = True
        workspace.people.add_official(name, frozenset(held), unique_login(name), TEST_PASSPHRASE)


def with_logins(workspace: Workspace, *names: str) -> Workspace:
    """On an office server, ``names`` as drafters with logins, so that changes may be recorded
    under their names (nothing to do on SQLite, where anyone named may act)."""
    if workspace.database.is_server:
        for name in names:
            workspace.people.add_official(
                name, frozenset({"drafter"}), unique_login(name), TEST_PASSPHRASE
            )
    return workspace
