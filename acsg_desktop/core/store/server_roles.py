"""The database roles of an office server, and its officials' logins.

- ``acsg_owner`` (no login) owns the tables; the IT officer's login is a member of it, and
  upgrades run as it.
- ``acsg_official`` (no login) may read and change the data, and may only add to the audit
  log: no ``UPDATE``, ``DELETE`` or ``TRUNCATE`` there, so no official's login can rewrite it.
- Each official has their own login, a member of ``acsg_official``, and is one person of the
  office (``person.login``).
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.server_errors import ServerError

OWNER = "acsg_owner"
OFFICIAL = "acsg_official"
APPEND_ONLY = "audit_log"

ROLE_STATEMENTS = (
    f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OWNER}') THEN "
    f"CREATE ROLE {OWNER} NOLOGIN; END IF; END $$",
    f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OFFICIAL}') THEN "
    f"CREATE ROLE {OFFICIAL} NOLOGIN; END IF; END $$",
    f"GRANT {OWNER} TO current_user",
    # The owner creates the unaccent extension and the search configurations of 0015.
    "DO $$ BEGIN EXECUTE format('GRANT CREATE, CONNECT, TEMPORARY ON DATABASE %I TO "
    f"{OWNER}, {OFFICIAL}', current_database()); END $$",
    f"GRANT USAGE, CREATE ON SCHEMA public TO {OWNER}",
    f"GRANT USAGE ON SCHEMA public TO {OFFICIAL}",
)
GRANT_STATEMENTS = (
    f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {OFFICIAL}",
    f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {OFFICIAL}",
    f"REVOKE UPDATE, DELETE, TRUNCATE ON {APPEND_ONLY} FROM {OFFICIAL}",
    f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {OFFICIAL}",
    f"ALTER DEFAULT PRIVILEGES FOR ROLE {OWNER} IN SCHEMA public "
    f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {OFFICIAL}",
    f"ALTER DEFAULT PRIVILEGES FOR ROLE {OWNER} IN SCHEMA public "
    f"GRANT USAGE, SELECT ON SEQUENCES TO {OFFICIAL}",
)


def owner_role_if_member(engine: Engine) -> str | None:
    """``acsg_owner`` when this login may act as it and it was set up in this database
    (upgrades then run as the owner)."""
    with engine.connect() as connection:
        member = connection.execute(
            text(
                # Roles are the whole cluster's: the owner is used only in a database where
                # `server init` gave it the schema and the database.
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :role) "
                "AND pg_has_role(current_user, :role, 'MEMBER') "
                "AND has_schema_privilege(:role, current_schema(), 'CREATE') "
                "AND has_database_privilege(:role, current_database(), 'CREATE')"
            ),
            {"role": OWNER},
        ).scalar()
    return OWNER if member else None


def create_roles(connection: Connection) -> None:
    """The owner and official roles (kept when they exist), this login a member of the owner."""
    for statement in ROLE_STATEMENTS:
        connection.execute(text(statement))


def grant_officials(connection: Connection) -> None:
    """What officials may do on the tables (run after every upgrade)."""
    connection.execute(text(f"SET LOCAL ROLE {OWNER}"))
    for statement in GRANT_STATEMENTS:
        connection.execute(text(statement))
    connection.execute(text("RESET ROLE"))


def _run_formatted(connection: Connection, template: str, **values: str) -> None:
    """Run the statement ``format(template, ...)`` makes: the server quotes the names."""
    names = ", ".join(f"CAST(:{key} AS text)" for key in values)
    statement = connection.execute(
        text(f"SELECT format('{template}', {names})"), values
    ).scalar_one()
    connection.execute(text(str(statement)))


def create_official_login(
    session: Session, login: str, password: str, *, act_for: bool = False
) -> None:
    """A new login for an official, a member of ``acsg_official``; with ``act_for``, this
    login becomes a member of it too, and may act for that official (the demo's people).

    Raises:
        ServerError: the login exists already, or this login may not create logins.
    """
    connection = session.connection()
    if login_exists(connection, login):
        raise ServerError(
            _("The office server already has a login called {login}.").format(login=login)
        )
    _run_formatted(
        connection,
        f"CREATE ROLE %I LOGIN PASSWORD %L IN ROLE {OFFICIAL}",
        login=login,
        password=password,
    )
    if act_for:
        _run_formatted(connection, "GRANT %I TO current_user", login=login)


def login_exists(connection: Connection, login: str) -> bool:
    return bool(
        connection.execute(
            text("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :login)"), {"login": login}
        ).scalar()
    )
