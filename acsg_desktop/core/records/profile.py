"""The authority profile as a record: the national asylum authority and its contact person."""

from __future__ import annotations

from dataclasses import dataclass, replace

FIELDS = ("country_code", "authority_name", "contact_person", "email", "preferred_language")


@dataclass(frozen=True)
class Profile:
    """The national asylum authority and its contact person."""

    country_code: str
    authority_name: str
    contact_person: str
    email: str
    preferred_language: str

    def cleaned(self) -> Profile:
        """The same profile with surrounding spaces removed and the country code upper-cased."""
        return replace(
            self,
            country_code=self.country_code.strip().upper(),
            authority_name=self.authority_name.strip(),
            contact_person=self.contact_person.strip(),
            email=self.email.strip(),
            preferred_language=self.preferred_language.strip().lower(),
        )
