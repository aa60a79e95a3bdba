"""Who a server login may act as: PostgreSQL decides, through role membership.

Each official connects with their own login, and may act only as the person whose login is
theirs: a login may act as a person exactly when PostgreSQL would let it ``SET ROLE`` to that
person's login (``pg_has_role(..., 'MEMBER')``). An official is a member of ``acsg_official``
only, so they are themselves and nobody else; the IT officer's login that created the demo
people may act for them. A login that is nobody's acts under its own name (the IT officer).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

_MAY_ACT = text(
    "SELECT EXISTS (SELECT 1 FROM person p JOIN pg_roles r ON r.rolname = p.login "
    "WHERE p.name = :actor AND pg_has_role(current_user, p.login, 'MEMBER')) "
    "OR (:actor = current_user AND NOT EXISTS (SELECT 1 FROM person WHERE login = current_user))"
)


def on_server(session: Session) -> bool:
    """True when ``session`` works on an office server."""
    return session.get_bind().dialect.name == "postgresql"


def may_act_as(session: Session, actor: str) -> bool:
    """True when this session's login may record a change under ``actor`` (always on SQLite,
    where the passphrase check of the accounts proves who is who)."""
    if not on_server(session):
        return True
    return bool(session.execute(_MAY_ACT, {"actor": actor}).scalar())
