"""Reading and writing the authority profile row."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.store.rows import AuthorityProfileRow

PROFILE_ID = 1


class ProfileRepository:
    """The single authority profile of a data folder."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self) -> Profile | None:
        """The stored profile, or None before the first-run setup."""
        row = self._session.get(AuthorityProfileRow, PROFILE_ID)
        if row is None:
            return None
        return Profile(
            country_code=row.country_code,
            authority_name=row.authority_name,
            contact_person=row.contact_person,
            email=row.email,
            preferred_language=row.preferred_language,
        )

    def save(self, profile: Profile) -> None:
        """Create or replace the profile."""
        row = self._session.get(AuthorityProfileRow, PROFILE_ID)
        if row is None:
            row = AuthorityProfileRow(id=PROFILE_ID)
            self._session.add(row)
        row.country_code = profile.country_code
        row.authority_name = profile.authority_name
        row.contact_person = profile.contact_person
        row.email = profile.email
        row.preferred_language = profile.preferred_language
        row.updated_at = datetime.now(UTC).replace(tzinfo=None)
