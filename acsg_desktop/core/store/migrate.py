"""Schema migrations with Alembic, a checked backup taken just before any of them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.backup import backup_database, stored_revision

if TYPE_CHECKING:
    from alembic.config import Config

# Kept in step with migrations/versions by a test, so that start-up can skip importing Alembic
# (about 0.2 s) when the database is already current.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
    "0016",
    "0017",
    "0018",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaTooNewError(AcsgError):
    """The database was written by a newer version of the app."""


def alembic_config(connection: object) -> Config:
    """An Alembic configuration that migrates through ``connection``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def migrate_to(engine: Engine, revision: str, role: str | None = None) -> None:
    """Apply migrations up to ``revision`` (no backup: callers decide); on a server, as the
    database ``role`` that owns the tables when given."""
    from alembic import command
    from sqlalchemy import text

    with engine.begin() as connection:
        if role:
            connection.execute(text(f'SET LOCAL ROLE "{role}"'))
        command.upgrade(alembic_config(connection), revision)


def upgrade_database(engine: Engine, database: Path, backup_dir: Path) -> Path | None:
    """Bring ``database`` to the head revision; return the pre-migration backup, if one was made."""
    revision = stored_revision(database) if database.exists() else None
    if revision == HEAD_REVISION:
        return None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise SchemaTooNewError(
            _(
                "This data folder was used by a newer version of ACSG Desktop "
                "(schema {revision}). Install that version or newer to open it."
            ).format(revision=revision)
        )
    backup = None
    if revision is not None:
        backup = backup_database(database, backup_dir, f"before-{HEAD_REVISION}")
    migrate_to(engine, HEAD_REVISION)
    return backup
