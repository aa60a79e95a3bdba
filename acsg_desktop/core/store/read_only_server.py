"""The office server opened for reading only (``acsg`` commands that only read).

Every session of this connection starts with ``default_transaction_read_only = on``: the
server itself refuses any write (SQLSTATE 25006, shown as "opened for reading only"); no
migration is run and no backup made. A server behind this version must first be upgraded by
an opening that may write.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.migrate import HEAD_REVISION
from acsg_desktop.core.store.read_only import NeedsUpdateError
from acsg_desktop.core.store.server import CONNECT_ARGS, ServerDatabase
from acsg_desktop.core.store.server_url import parse_address

READ_ONLY_OPTION = "-c default_transaction_read_only=on"


class ReadOnlyServerDatabase(ServerDatabase):
    """A ``ServerDatabase`` whose every transaction is read-only."""

    @classmethod
    def connect_for_reading(
        cls, address: str, password: str | None, backup_folder: Path
    ) -> ReadOnlyServerDatabase:
        """Connect read-only and check the schema is this version's.

        Raises:
            ServerError: a subclass: unreachable, wrong password, not an ACSG database.
            SchemaTooNewError: the server was upgraded by a newer version of the app.
            NeedsUpdateError: the server must be upgraded first.
        """
        options = f"{CONNECT_ARGS['options']} {READ_ONLY_OPTION}"
        engine = create_engine(
            parse_address(address, password),
            pool_size=1,
            pool_pre_ping=True,
            connect_args={**CONNECT_ARGS, "options": options},
        )
        database = cls(engine, address, password, backup_folder)
        try:
            if database._checked_revision() != HEAD_REVISION:
                raise NeedsUpdateError(
                    _(
                        "The office server {server} must be upgraded before it can be read. "
                        "Start ACSG Desktop on it once (or run a command that changes data), "
                        "then try again."
                    ).format(server=database.address)
                )
            with engine.connect() as connection:
                database.login = str(connection.execute(text("SELECT current_user")).scalar())
        except BaseException:
            engine.dispose()
            raise
        return database
