"""Office-server addresses: ``postgresql://login@host:port/database?sslmode=...``.

The address is stored and shown without its password; the password comes from the user, or
from ``~/.pgpass``, a service file (``?service=name``) or ``PGPASSWORD``, as libpq finds them.
"""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def is_server_address(text: str | None) -> bool:
    """True when ``text`` names an office server rather than a data folder's own file."""
    return bool(text) and str(text).split("://", 1)[0].lower() in SCHEMES


def parse_address(text: str, password: str | None = None) -> URL:
    """The SQLAlchemy URL (psycopg driver) for ``text``, with ``password`` when given.

    Raises:
        AcsgError: ``text`` is not a PostgreSQL address.
    """
    if not is_server_address(text):
        raise AcsgError(
            _("{address} is not an office server address (postgresql://...).").format(address=text)
        )
    try:
        url = make_url(text.replace("postgres://", "postgresql://", 1))
    except (ArgumentError, ValueError) as error:  # ValueError: a port that is no number
        raise AcsgError(
            _("{address} is not a valid office server address.").format(address=text)
        ) from error
    url = url.set(drivername="postgresql+psycopg")
    return url.set(password=password) if password else url


def without_password(text: str) -> str:
    """``text`` as it may be stored and shown: the password taken out."""
    # URL.set() takes None as "unchanged": a namedtuple's own _replace() clears the field.
    url = parse_address(text)._replace(password=None)
    return url.set(drivername="postgresql").render_as_string(hide_password=False)
