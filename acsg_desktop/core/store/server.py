"""The office server: the same store over PostgreSQL, for an office of many officials.

Differences from the data folder's SQLite file, all kept here: every unit of work first takes
one transaction-level advisory lock, so writers follow each other as they do on SQLite (the
audit chain never forks, a check and the change it allows see the same data); backups are
``pg_dump`` files; the server checks its own pages, so the health check is the connection and
the schema revision.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.backup import BackupRefusedError
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.migrate import HEAD_REVISION, KNOWN_REVISIONS, SchemaTooNewError
from acsg_desktop.core.store.server_errors import (
    NotAnAcsgDatabaseError,
    ServerBackupRefusedError,
    connection_error,
    operation_error,
)
from acsg_desktop.core.store.server_roles import create_roles, grant_officials, owner_role_if_member
from acsg_desktop.core.store.server_schema_guard import (
    foreign_server_code,
    refuse_foreign_server_code,
)
from acsg_desktop.core.store.server_url import parse_address, without_password

logger = logging.getLogger(__name__)

PERMISSION_DENIED = "42501"
WRITER_LOCK = 0x41435347  # "ACSG": one advisory lock for every unit of work
DUMP_PATTERN = "acsg-*.pgdump"
CONNECT_ARGS = {
    "options": "-c timezone=UTC",
    "connect_timeout": 10,
    "application_name": "ACSG Desktop",
}


def make_server_engine(address: str, password: str | None = None) -> Engine:
    """A pooled engine over the server at ``address`` (nothing is connected yet)."""
    return create_engine(
        parse_address(address, password),
        pool_size=4,
        max_overflow=4,
        pool_pre_ping=True,
        connect_args=CONNECT_ARGS,
    )


@contextmanager
def _reading(location: str, what: str) -> Iterator[None]:
    """Translate the server's errors while ``what`` is read."""
    try:
        yield
    except DBAPIError as error:
        if error.connection_invalidated or isinstance(error, OperationalError):
            raise connection_error(error.orig or error, location) from error
        raise operation_error(error, location, what) from error


def _revision(engine: Engine, location: str) -> tuple[str | None, int]:
    """The schema revision (None: not migrated yet) and how many other tables there are."""
    with _reading(location, "Reading the revision"), engine.connect() as connection:
        tables = {
            str(name)
            for (name,) in connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            )
        }
        if "alembic_version" not in tables:
            return None, len(tables)
        found = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return (str(found[0]) if found else None), len(tables)


def _refuse_foreign_code(engine: Engine, location: str) -> None:
    with _reading(location, "Checking"), engine.connect() as connection:
        refuse_foreign_server_code(connection, location)


def pg_dump_program() -> str | None:
    """Where ``pg_dump`` is (PATH first, then Debian's versioned server folders)."""
    found = shutil.which("pg_dump")
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"), reverse=True)
    return str(candidates[0]) if candidates else None


def dump_server(address: str, password: str | None, folder: Path, reason: str) -> Path:
    """A ``pg_dump`` custom-format backup of the server into ``folder``.

    Raises:
        BackupRefusedError: no ``pg_dump`` here, or it failed (its words are logged).
    """
    program = pg_dump_program()
    if program is None:
        raise BackupRefusedError(
            _("No backup of the office server can be made here: pg_dump is not installed.")
        )
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"acsg-{stamp}-{reason}.pgdump"
    partial = target.with_suffix(".partial")
    url = parse_address(address, password)
    environment = {"PGPASSWORD": password} if password else {}
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    done = subprocess.run(
        [program, "--format=custom", f"--file={partial}", f"--dbname={dsn}"],
        capture_output=True,
        text=True,
        env={**_environment(), **environment},
        check=False,
    )
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        logger.warning("pg_dump of %s failed: %s", without_password(address), done.stderr)
        raise BackupRefusedError(
            _("The backup of the office server failed: {reason}").format(
                reason=done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "pg_dump"
            )
        )
    partial.replace(target)
    return target


def list_dumps(folder: Path) -> list[Path]:
    """The server dumps kept in ``folder``, newest first."""
    return sorted(folder.glob(DUMP_PATTERN), reverse=True) if folder.is_dir() else []


def _environment() -> dict[str, str]:
    return dict(os.environ)


def _sqlstate(error: DBAPIError) -> str:
    return str(getattr(error.orig, "sqlstate", "") or "")


class ServerDatabase(Database):
    """The office server's database, seen through this official's login."""

    def __init__(
        self, engine: Engine, address: str, password: str | None, backup_folder: Path
    ) -> None:
        super().__init__(engine, backup_folder / "office-server", backup_folder)
        self.address = without_password(address)
        self._given_address = address  # may hold a password: never shown, never stored
        self._password = password
        self.login = ""

    @classmethod
    def connect(
        cls,
        address: str,
        password: str | None,
        backup_folder: Path,
        *,
        allow_without_backup: bool = False,
    ) -> ServerDatabase:
        """Connect, check that it is an ACSG database, and migrate it when it is behind.

        Raises:
            ServerError: a subclass: unreachable, wrong password, not an ACSG database,
                no permission to upgrade.
            SchemaTooNewError: the server was upgraded by a newer version of the app.
            ServerBackupRefusedError: an upgrade is due and no backup can be made first.
        """
        engine = make_server_engine(address, password)
        database = cls(engine, address, password, backup_folder)
        try:
            database._upgrade(allow_without_backup)
            with engine.connect() as connection:
                database.login = str(connection.execute(text("SELECT current_user")).scalar())
        except BaseException:
            engine.dispose()
            raise
        return database

    def _upgrade(self, allow_without_backup: bool) -> None:
        revision = self._checked_revision()
        if revision == HEAD_REVISION:
            return
        if revision is not None:
            self._backup_before_upgrade(allow_without_backup)
        self._migrate()

    def _checked_revision(self) -> str | None:
        """The revision (None: an empty database), refusing a foreign or a newer one."""
        revision, tables = _revision(self.engine, self.address)
        if revision is None and tables:
            raise NotAnAcsgDatabaseError(
                _(
                    "The database at {server} holds other tables than ACSG Desktop's: it is "
                    "not an ACSG database. Ask your IT officer for the right one."
                ).format(server=self.address)
            )
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise SchemaTooNewError(
                _(
                    "The office server {server} was upgraded by a newer version of ACSG "
                    "Desktop (schema {revision}). Install that version or newer."
                ).format(server=self.address, revision=revision)
            )
        _refuse_foreign_code(self.engine, self.address)  # before an upgrade could run it
        return revision

    def _backup_before_upgrade(self, allow_without_backup: bool) -> None:
        try:
            self.backup(f"before-{HEAD_REVISION}")
        except BackupRefusedError as error:
            if allow_without_backup:
                logger.warning("Upgrading %s without a backup: %s", self.address, error)
                return
            raise ServerBackupRefusedError(
                _(
                    "The office server must be upgraded to this version, and no backup could "
                    "be made first ({reason}). Install pg_dump (Debian package "
                    "postgresql-client) or upgrade with --no-backup once the IT officer has "
                    "a backup."
                ).format(reason=error)
            ) from error

    def _migrate(self) -> None:
        from acsg_desktop.core.store.migrate import migrate_to

        owner = owner_role_if_member(self.engine)
        try:
            migrate_to(self.engine, HEAD_REVISION, owner)
            if owner:
                with self.engine.begin() as connection:
                    grant_officials(connection)
        except DBAPIError as error:
            raise operation_error(error, self.address, "Upgrading") from error

    @property
    def location(self) -> str:
        return self.address

    @property
    def is_server(self) -> bool:
        return True

    def count_changes_from_now(self) -> None:
        """The server's backups are not counted by changes (see ``backup_if_due``)."""

    def backup(self, reason: str) -> Path:
        return dump_server(self._given_address, self._password, self.backup_folder, reason)

    def backup_if_due(self) -> Path | None:
        """None: a server is backed up by its IT officer's schedule, not by each laptop."""
        return None

    def backups(self) -> list[Path]:
        return list_dumps(self.backup_folder)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        try:
            with self._sessions.begin() as session:
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
                yield session
        except DBAPIError as error:
            if isinstance(error, IntegrityError) or (
                isinstance(error, ProgrammingError) and _sqlstate(error) != PERMISSION_DENIED
            ):
                raise  # our own bug, for the unexpected-error handler
            raise operation_error(error, self.address, "Saving") from error

    def total_changes(self) -> int:
        return 0

    def schema_revision(self) -> str | None:
        return _revision(self.engine, self.address)[0]

    def integrity_problems(self, thorough: bool = True) -> list[str]:
        """The server checks its own pages: here, that it answers at the current revision and
        holds no code the app never creates."""
        revision = self.schema_revision()
        if revision != HEAD_REVISION:
            return [_("the schema is at revision {revision}").format(revision=revision)]
        with _reading(self.address, "Checking"), self.engine.connect() as connection:
            return foreign_server_code(connection, self.address)

    def close(self) -> str | None:
        self.engine.dispose()
        return None


def initialise_server(
    address: str, password: str | None, backup_folder: Path, *, allow_without_backup: bool = False
) -> ServerDatabase:
    """Make the database at ``address`` an ACSG office server, as its IT officer: the owner
    and official roles, the schema (upgraded as the owner), and the officials' rights. Safe to
    run again (after an upgrade of the app, for instance).

    Raises:
        ServerError: a subclass; ``ServerPermissionError`` when this login may not create roles.
    """
    engine = make_server_engine(address, password)
    location = without_password(address)
    try:
        with engine.begin() as connection:
            create_roles(connection)
    except DBAPIError as error:
        if error.connection_invalidated or isinstance(error, OperationalError):
            raise connection_error(error.orig or error, location) from error
        raise operation_error(error, location, "Creating the roles") from error
    finally:
        engine.dispose()
    database = ServerDatabase.connect(
        address, password, backup_folder, allow_without_backup=allow_without_backup
    )
    try:
        with database.engine.begin() as connection:
            grant_officials(connection)
    except DBAPIError as error:
        database.close()
        raise operation_error(error, location, "Granting") from error
    return database


def probe_server(address: str, password: str | None) -> tuple[str, str | None]:
    """Connect to ``address`` and change nothing: the login, and the schema revision (None for
    an empty database, which ``ServerDatabase.connect`` would set up).

    Raises:
        ServerError: a subclass (unreachable, wrong password, not an ACSG database, ...).
        SchemaTooNewError: the server was upgraded by a newer version of the app.
    """
    engine = make_server_engine(address, password)
    database = ServerDatabase(engine, address, password, Path())
    try:
        revision = database._checked_revision()
        with engine.connect() as connection:
            login = str(connection.execute(text("SELECT current_user")).scalar())
    finally:
        engine.dispose()
    return login, revision
