"""Reading and saving the authority profile through the store."""

from __future__ import annotations

from acsg_desktop.core.people.profile import ProfileInvalidError, validate_profile
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.person_repository import PersonRepository
from acsg_desktop.core.store.profile_repository import ProfileRepository

# The first contact person usually does everything in a small office, and administers it.
CONTACT_ROLES = ["administrator", "drafter", "reviewer", "signatory"]


class ProfileService:
    """The authority profile of one open database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def get(self) -> Profile | None:
        """The profile, or None until the first-run setup has been completed."""
        with self._database.unit_of_work() as session:
            return ProfileRepository(session).get()

    def save(self, profile: Profile) -> Profile:
        """Validate and store ``profile``; the first contact person becomes the office's first
        person (later contacts are added by an administrator, not by editing the profile).

        Raises:
            ProfileInvalidError: with one message per invalid field; nothing is stored.
        """
        profile = profile.cleaned()
        errors = validate_profile(profile)
        if errors:
            raise ProfileInvalidError(errors)
        with self._database.unit_of_work() as session:
            ProfileRepository(session).save(profile)
            people = PersonRepository(session)
            if not people.people():
                people.ensure(profile.contact_person, CONTACT_ROLES)
        return profile
