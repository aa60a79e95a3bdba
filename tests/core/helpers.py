"""Helpers shared by the core tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from acsg_desktop.core.records.profile import Profile

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
