from dataclasses import replace
from pathlib import Path

import pytest

from acsg_desktop.core.people.profile import ProfileInvalidError, validate_profile
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD


def test_valid_profile_has_no_errors() -> None:
    assert validate_profile(CHAD) == {}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"country_code": ""}, "country_code", "Choose the country"),
        ({"country_code": "XY"}, "country_code", '"XY" is not a country code'),
        ({"country_code": "EU"}, "country_code", "not a country code"),
        ({"authority_name": "   "}, "authority_name", "name of the asylum authority"),
        ({"authority_name": "x" * 201}, "authority_name", "201 characters, at most 200"),
        ({"contact_person": ""}, "contact_person", "contact person"),
        ({"email": ""}, "email", "where the Secretariat can reach you"),
        ({"email": "amina@"}, "email", "valid e-mail"),
        ({"email": "a b@example.org"}, "email", "valid e-mail"),
        ({"preferred_language": "de"}, "preferred_language", "English, French or Spanish"),
    ],
)
def test_each_field_gets_its_own_message(changes: dict, field: str, message: str) -> None:
    errors = validate_profile(replace(CHAD, **changes))
    assert list(errors) == [field]
    assert message in errors[field]


def test_messages_are_in_french(french: None) -> None:
    errors = validate_profile(replace(CHAD, email="nope", country_code=""))
    assert errors["email"].startswith("Saisissez une adresse électronique valide")
    assert errors["country_code"] == "Choisissez le pays de l'autorité."


def test_lowercase_country_and_spaces_are_cleaned(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path)
    try:
        saved = workspace.profiles.save(replace(CHAD, country_code=" td ", email=" a@b.td "))
        assert saved.country_code == "TD" and saved.email == "a@b.td"
        assert workspace.profiles.get() == saved
    finally:
        workspace.close()


def test_invalid_profile_changes_nothing(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path)
    try:
        workspace.profiles.save(CHAD)
        with pytest.raises(ProfileInvalidError) as caught:
            workspace.profiles.save(replace(CHAD, authority_name="", email="bad"))
        assert set(caught.value.errors) == {"authority_name", "email"}
        assert workspace.profiles.get() == CHAD
    finally:
        workspace.close()
