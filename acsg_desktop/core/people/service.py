"""The authority's people, their roles and their passphrases; every change is audited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from acsg_desktop.core.i18n import N_, _
from acsg_desktop.core.people.accounts import (
    PersonError,
    prove,
    require_administrator,
)
from acsg_desktop.core.people.passphrases import hash_passphrase, passphrase_problem
from acsg_desktop.core.records.roles import ADMINISTRATOR, ROLES
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.person_repository import PersonRepository
from acsg_desktop.core.store.server_roles import create_official_login
from acsg_desktop.core.text_rules import PERSON_NAME, text_problem

__all__ = ["PeopleService", "Person", "PersonError", "role_label"]

ROLE_LABELS = {
    "drafter": N_("Drafter"),
    "reviewer": N_("Reviewer"),
    "signatory": N_("Signatory"),
    "administrator": N_("Administrator"),
}


@dataclass(frozen=True)
class Person:
    """Someone who drafts, reviews, signs or administers."""

    name: str
    roles: frozenset[str]
    has_passphrase: bool = False

    def has_any(self, roles: frozenset[str]) -> bool:
        return bool(self.roles & roles)


def role_label(role: str) -> str:
    return _(ROLE_LABELS.get(role, role))


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise PersonError(_("Enter the person's name (at most 200 characters)."))
    problem = text_problem(PERSON_NAME, name)
    if problem:
        raise PersonError(problem)
    return name


def _check_passphrase(passphrase: str) -> str:
    problem = passphrase_problem(passphrase)
    if problem:
        raise PersonError(problem)
    return hash_passphrase(passphrase)


class PeopleService:
    """The list of people, kept in the database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def list(self) -> list[Person]:
        with self._database.unit_of_work() as session:
            repository = PersonRepository(session)
            protected = repository.with_passphrase()
            return [
                Person(name, frozenset(roles), name in protected)
                for name, roles in repository.people()
            ]

    def get(self, name: str) -> Person | None:
        return next((person for person in self.list() if person.name == name), None)

    def needs_sign_in(self) -> bool:
        """True unless the office is one person without a passphrase, or a server (where the
        login says who this is)."""
        if self._database.is_server:
            return False
        people = self.list()
        return len(people) > 1 or any(person.has_passphrase for person in people)

    def login_person(self) -> Person | None:
        """On an office server, the person this login is (None on SQLite, or for a login that
        is nobody's here, such as the IT officer's)."""
        with self._database.unit_of_work() as session:
            repository = PersonRepository(session)
            login = repository.server_login()
            name = repository.name_of_login(login) if login else None
        return self.get(name) if name else None

    def add_official(
        self, name: str, roles: frozenset[str], login: str, password: str, *, act_for: bool = False
    ) -> Person:
        """On an office server, a new official with their own login (and ``password``), as
        the IT officer does it: the server refuses a login that may not create logins.
        ``act_for``: this login may then act for them (the demo's people only)."""
        name = _clean_name(name)
        if not roles or not roles <= set(ROLES):
            raise PersonError(
                _("Give the person at least one role: drafter, reviewer or signatory.")
            )
        with self._database.unit_of_work() as session:
            repository = PersonRepository(session)
            actor = repository.server_login() or ""
            create_official_login(session, login, password, act_for=act_for)
            repository.set_roles(name, sorted(roles))
            repository.set_login(name, login)
            AuditRepository(session).append(
                actor, "person", name, "roles", "", ",".join(sorted(roles)), f"login {login}"
            )
        return Person(name, frozenset(roles), False)

    def sign_in(self, name: str, passphrase: str | None) -> Person:
        """The person ``name`` once ``passphrase`` proves it (see ``accounts.prove``)."""
        with self._database.unit_of_work() as session:
            prove(session, name, passphrase)
        person = self.get(name)
        assert person is not None  # prove() refused unknown names
        return person

    def save(
        self,
        name: str,
        roles: frozenset[str],
        *,
        actor: str,
        proof: str | None = None,
        passphrase: str | None = None,
    ) -> Person:
        """Add ``name`` with ``roles`` (and a first ``passphrase``), or change their roles.

        The first person of an office becomes its administrator; after that only an
        administrator, proving it with ``proof``, changes people. A second person needs a
        passphrase, and so does the administrator who adds them.
        """
        name = _clean_name(name)
        if not roles or not roles <= set(ROLES):
            raise PersonError(
                _("Give the person at least one role: drafter, reviewer or signatory.")
            )
        with self._database.unit_of_work() as session:
            repository = PersonRepository(session)
            people = dict(repository.people())
            if not people:
                roles = roles | {ADMINISTRATOR}
            else:
                require_administrator(session, actor, proof)
                self._check_change(session, people, name, roles, passphrase)
            repository.set_roles(name, sorted(roles))
            audit = AuditRepository(session)
            audit.append(
                actor or name,
                "person",
                name,
                "roles",
                ",".join(sorted(people.get(name, ()))),
                ",".join(sorted(roles)),
            )
            if passphrase is not None:
                repository.set_passphrase_hash(name, _check_passphrase(passphrase))
                audit.append(actor or name, "person", name, "passphrase", "", "set")
        return Person(name, frozenset(roles), passphrase is not None)

    @staticmethod
    def _check_change(
        session: Any,
        people: dict[str, tuple[str, ...]],
        name: str,
        roles: frozenset[str],
        passphrase: str | None,
    ) -> None:
        """Refuse a change that would leave no administrator or an unprotected account."""
        if name not in people and PersonRepository(session).server_login() is not None:
            raise PersonError(
                _(
                    "On an office server, a new official needs a login of their own: the IT "
                    "officer adds them with acsg server add-official."
                )
            )
        if name not in people:
            if passphrase is None:
                raise PersonError(
                    _(
                        "Give {name} a first passphrase; they can change it after signing in."
                    ).format(name=name)
                )
            unprotected = set(people) - PersonRepository(session).with_passphrase()
            if unprotected:
                raise PersonError(
                    _(
                        "Choose your own passphrase first: in an office of several people, "
                        "everyone signs in."
                    )
                )
        admins = {other for other, held in people.items() if ADMINISTRATOR in held}
        if ADMINISTRATOR not in roles and admins <= {name}:
            raise PersonError(
                _("{name} is the only administrator: give the role to someone else first.").format(
                    name=name
                )
            )

    def set_passphrase(self, name: str, new: str, *, actor: str, proof: str | None = None) -> None:
        """``name`` changes their own passphrase (``proof`` is the old one), or an administrator
        sets someone else's (``proof`` is the administrator's). A person who has none yet, in an
        office upgraded from an earlier version, chooses it at their first sign-in."""
        hashed = _check_passphrase(new)
        with self._database.unit_of_work() as session:
            repository = PersonRepository(session)
            if name not in dict(repository.people()):
                raise PersonError(
                    _("There is no one called {name} in this office.").format(name=name)
                )
            if actor != name:
                require_administrator(session, actor, proof)
            elif repository.passphrase_hash(name) is not None:
                prove(session, name, proof)
            before = "set" if repository.passphrase_hash(name) else ""
            repository.set_passphrase_hash(name, hashed)
            AuditRepository(session).append(actor, "person", name, "passphrase", before, "changed")
