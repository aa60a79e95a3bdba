"""Hearing other officials' changes on the office server, as they are committed.

Migration 0015 makes every change to the shared tables send ``NOTIFY acsg_changes`` with the
table's name. A listener holds its own connection (autocommit, nothing else runs on it) that
listens on that channel; the GUI watches its socket (``fileno``) and, when it becomes readable,
calls ``drain`` to learn which tables changed. Nothing here blocks or polls.
"""

from __future__ import annotations

from typing import Any

import psycopg
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg

from acsg_desktop.core.store.server import CONNECT_ARGS
from acsg_desktop.core.store.server_errors import ServerUnreachableError, connection_error
from acsg_desktop.core.store.server_url import parse_address, without_password

CHANNEL = "acsg_changes"


def connection_settings(address: str, password: str | None) -> dict[str, Any]:
    """libpq's settings for ``address``, read as the store's engine reads it."""
    dialect = PGDialect_psycopg()  # type: ignore[no-untyped-call]
    _args, settings = dialect.create_connect_args(parse_address(address, password))  # type: ignore[no-untyped-call]
    return {**CONNECT_ARGS, **settings}


class ChangeListener:
    """``LISTEN acsg_changes`` on a connection of its own to the server at ``address``.

    Raises:
        ServerError: (a subclass) when the server cannot be reached or refuses the login.
    """

    def __init__(self, address: str, password: str | None = None) -> None:
        self.location = without_password(address)
        try:
            self._connection = psycopg.connect(
                autocommit=True, **connection_settings(address, password)
            )
            self._connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as error:
            raise connection_error(error, self.location) from error

    def fileno(self) -> int:
        """The socket that becomes readable when a notification (or a disconnection) arrives."""
        return self._connection.fileno()

    def drain(self) -> set[str]:
        """The tables notified since the last call; never waits.

        Raises:
            ServerUnreachableError: the connection to the server was lost.
        """
        try:
            return {notify.payload for notify in self._connection.notifies(timeout=0)}
        except psycopg.Error as error:
            raise ServerUnreachableError(connection_error(error, self.location).message) from error

    @property
    def closed(self) -> bool:
        return self._connection.closed

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> ChangeListener:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
