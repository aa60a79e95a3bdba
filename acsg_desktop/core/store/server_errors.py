"""What an office server's refusals mean, in the user's language.

psycopg reports a failed connection as one ``OperationalError`` whose text is libpq's; the
words below are libpq's own (stable across versions) and pick the sentence the user reads.
The server's own words go to the log.
"""

from __future__ import annotations

import logging

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.health import StoreWriteError

READ_ONLY_TRANSACTION = "25006"  # a write in a transaction opened read-only

logger = logging.getLogger(__name__)


class ServerError(StoreWriteError):
    """The office server refused or could not be reached; nothing was changed."""


class ServerUnreachableError(ServerError):
    """No server answers at that address (down, wrong host or port, no network)."""


class ServerPasswordError(ServerError):
    """The login or its password is wrong, or a password is needed and none was given."""

    def __init__(self, message: str, *, missing: bool) -> None:
        super().__init__(message)
        self.missing = missing


class NotAnAcsgDatabaseError(ServerError):
    """The database holds tables, but not ACSG Desktop's."""


class ServerPermissionError(ServerError):
    """The login may not do this (e.g. change the audit log, or upgrade the schema)."""


class ServerBackupRefusedError(AcsgError):
    """The server's schema must be upgraded but no backup can be made first."""


def connection_error(error: BaseException, location: str) -> ServerError:
    """The typed, translated error for a failed connection to ``location``."""
    words = str(error)
    logger.warning("Connecting to %s failed: %s", location, words.strip())
    lowered = words.lower()
    if "no password supplied" in lowered or "password is required" in lowered:
        return ServerPasswordError(
            _(
                "The office server {server} asks for a password: type it when asked, or keep "
                "it in ~/.pgpass (or PGPASSWORD)."
            ).format(server=location),
            missing=True,
        )
    if "password authentication failed" in lowered or "authentication failed" in lowered:
        return ServerPasswordError(
            _(
                "The office server {server} refused the login or its password. Check both, "
                "or ask your IT officer."
            ).format(server=location),
            missing=False,
        )
    if "does not exist" in lowered:
        return ServerError(
            _(
                "The office server {server} has no such database or login. Check the address "
                "with your IT officer."
            ).format(server=location)
        )
    if "certificate" in lowered or "ssl" in lowered:
        return ServerError(
            _(
                "The secure connection to {server} failed: the server's certificate could not "
                "be checked against the CA file. Ask your IT officer for the right CA file."
            ).format(server=location)
        )
    return ServerUnreachableError(
        _(
            "The office server {server} cannot be reached. Check the network and the address, "
            "or work on this computer's own data until it is back."
        ).format(server=location)
    )


def operation_error(error: BaseException, location: str, what: str) -> ServerError:
    """The typed, translated error for a statement the server refused or lost."""
    code = getattr(getattr(error, "orig", error), "sqlstate", None) or ""
    logger.warning("%s on %s failed (%s): %s", what, location, code, str(error).strip())
    if code == "42501":
        return ServerPermissionError(
            _(
                "Your login on the office server {server} may not do this. Ask your IT "
                "officer for the rights an official needs."
            ).format(server=location)
        )
    if code == READ_ONLY_TRANSACTION:
        return ServerError(
            _("The office server {server} was opened for reading only: nothing was saved.").format(
                server=location
            )
        )
    if code.startswith("08") or not code:
        return ServerUnreachableError(
            _(
                "The connection to the office server {server} was lost; nothing of the last "
                "change was saved. Try again when the network is back."
            ).format(server=location)
        )
    return ServerError(
        _("The office server {server} refused the change ({code}); nothing was saved.").format(
            server=location, code=code
        )
    )
