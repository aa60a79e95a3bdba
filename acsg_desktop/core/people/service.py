"""The authority's people and their roles. No passwords: the signing passphrase is the gate."""

from __future__ import annotations

from dataclasses import dataclass

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.core.records.roles import ROLES
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.person_repository import PersonRepository
from acsg_desktop.core.text_rules import PERSON_NAME, text_problem

ROLE_LABELS = {"drafter": N_("Drafter"), "reviewer": N_("Reviewer"), "signatory": N_("Signatory")}


@dataclass(frozen=True)
class Person:
    """Someone who drafts, reviews or signs."""

    name: str
    roles: frozenset[str]

    def has_any(self, roles: frozenset[str]) -> bool:
        return bool(self.roles & roles)


class PersonError(AcsgError):
    """A person could not be added or changed."""


def role_label(role: str) -> str:
    return _(ROLE_LABELS.get(role, role))


class PeopleService:
    """The list of people, kept in the database; every change is audited."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def list(self) -> list[Person]:
        with self._database.unit_of_work() as session:
            return [
                Person(name, frozenset(roles)) for name, roles in PersonRepository(session).people()
            ]

    def get(self, name: str) -> Person | None:
        return next((person for person in self.list() if person.name == name), None)

    def save(self, name: str, roles: frozenset[str], *, actor: str) -> Person:
        """Add ``name`` with ``roles``, or change the roles of someone already listed."""
        name = " ".join(name.split())
        if not name:
            raise PersonError(_("Enter the person's name (at most 200 characters)."))
        problem = text_problem(PERSON_NAME, name)
        if problem:
            raise PersonError(problem)
        if not roles or not roles <= set(ROLES):
            raise PersonError(
                _("Give the person at least one role: drafter, reviewer or signatory.")
            )
        with self._database.unit_of_work() as session:
            repository = PersonRepository(session)
            before = dict(repository.people()).get(name)
            repository.set_roles(name, sorted(roles))
            AuditRepository(session).append(
                actor,
                "person",
                name,
                "roles",
                ",".join(sorted(before or ())),
                ",".join(sorted(roles)),
            )
        return Person(name, frozenset(roles))
