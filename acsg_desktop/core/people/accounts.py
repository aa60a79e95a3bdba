"""Who may act: proving a person's passphrase and holding a role, checked inside a transaction.

A one-person office whose only account has no passphrase needs no proof; as soon as a second
person exists, everyone has a passphrase and every administrative change needs the
administrator's own passphrase again.
"""

from __future__ import annotations

from typing import Any

from acsg_desktop.core.display import escape_line
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.people.passphrases import passphrase_matches
from acsg_desktop.core.records.roles import ADMINISTRATOR
from acsg_desktop.core.store.person_repository import PersonRepository
from acsg_desktop.core.store.server_logins import may_act_as


class PersonError(AcsgError):
    """A person could not be added, changed or signed in."""


class WrongPassphrase(PersonError):
    """The passphrase given does not prove who the person says they are."""


class PassphraseNotSet(PersonError):
    """An office of several people where this person has not chosen a passphrase yet."""


class NotAllowed(PersonError):
    """The person is signed in but lacks the role the action needs."""


def roles_of(session: Any, name: str) -> frozenset[str]:
    return frozenset(dict(PersonRepository(session).people()).get(name, ()))


def prove(session: Any, name: str, passphrase: str | None) -> None:
    """Raise unless ``passphrase`` proves ``name`` (no proof for the only, unprotected account)."""
    repository = PersonRepository(session)
    login = repository.server_login()
    if login is not None:  # on an office server, the login proved who this is
        if not may_act_as(session, name):
            raise NotAllowed(
                _("On the office server you act under your own login only, not as {name}.").format(
                    name=escape_line(name)
                )
            )
        return
    people = dict(repository.people())
    if name not in people:
        raise PersonError(
            _("There is no one called {name} in this office.").format(name=escape_line(name))
        )
    stored = repository.passphrase_hash(name)
    if stored is None:
        if len(people) == 1:
            return
        raise PassphraseNotSet(
            _("{name} has not chosen a passphrase yet: choose one to sign in.").format(name=name)
        )
    if passphrase is None or not passphrase_matches(passphrase, stored):
        raise WrongPassphrase(
            _("That passphrase is not the one of {name}; try again.").format(name=name)
        )


def require_administrator(session: Any, actor: str, passphrase: str | None) -> None:
    """Raise unless ``actor`` is an administrator and ``passphrase`` proves it."""
    if ADMINISTRATOR not in roles_of(session, actor):
        raise NotAllowed(
            _(
                "Only an administrator can change people, roles, passphrases or the "
                "single-person waiver; {name} is not one."
            ).format(name=actor or "?")
        )
    prove(session, actor, passphrase)


def require_role(session: Any, actor: str, role: str, refusal: str) -> None:
    """Raise ``NotAllowed(refusal)`` unless ``actor`` holds ``role``."""
    if role not in roles_of(session, actor):
        raise NotAllowed(refusal)
