"""The authority profile: who uses this data folder, validated field by field."""

from __future__ import annotations

import re

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES, _, is_country, is_fictional_country
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.text_rules import PROFILE_FIELDS, text_problem

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


class ProfileInvalidError(AcsgError):
    """A profile was refused; ``errors`` maps each wrong field to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("\n".join(errors.values()))
        self.errors = errors


def _name_error(field: str, value: str, empty_message: str) -> str | None:
    if not value:
        return empty_message
    return text_problem(PROFILE_FIELDS[field], value)


def _country_error(code: str) -> str | None:
    if not code:
        return _("Choose the country of the authority.")
    if not is_country(code) and not is_fictional_country(code):
        return _('"{code}" is not a country code (use two letters, such as TD or NE).').format(
            code=code
        )
    return None


def _email_error(email: str) -> str | None:
    if not email:
        return _("Enter an e-mail address where the Secretariat can reach you.")
    problem = text_problem(PROFILE_FIELDS["email"], email)
    if problem:
        return problem
    if not _EMAIL.match(email):
        return _("Enter a valid e-mail address, such as name@example.org.")
    return None


def validate_profile(profile: Profile) -> dict[str, str]:
    """Messages in the current language for each invalid field (empty when all is well)."""
    profile = profile.cleaned()
    checks = {
        "country_code": _country_error(profile.country_code),
        "authority_name": _name_error(
            "authority_name", profile.authority_name, _("Enter the name of the asylum authority.")
        ),
        "contact_person": _name_error(
            "contact_person", profile.contact_person, _("Enter the contact person.")
        ),
        "email": _email_error(profile.email),
        "preferred_language": None
        if profile.preferred_language in SUPPORTED_LANGUAGES
        else _("Choose English, French or Spanish."),
    }
    return {field: message for field, message in checks.items() if message}
