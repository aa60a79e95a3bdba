"""What the shipped schemas mean, as standard JSON Schema tools read them: a pattern's final
``$`` ends the text (Python's alone also matched before a last line feed), and ``date-time``
is checked (jsonschema skips every format unless told to)."""

from __future__ import annotations

import pytest

from acsg_desktop.core.schemas import _validator, schema_problem

GUIDE_BUNDLE = {
    "format": "acsg-guides/1",
    "version": 7,
    "created": "2026-12-01T09:00:00+00:00",
    "expires": "2027-12-01T09:00:00+00:00",
    "min_app_version": "0.1",
    "files": [],
}


def _bundle_problem(**changes: object) -> str | None:
    return schema_problem({**GUIDE_BUNDLE, **changes}, "guide-bundle.schema.json", "bundle.json")


def test_a_well_formed_manifest_passes() -> None:
    assert _bundle_problem() is None
    assert _bundle_problem(created="2026-12-01T09:00:00.123456Z") is None


@pytest.mark.parametrize(
    "created",
    ["garbage", "2026-12-01T09:00:00", "2026-13-01T09:00:00+00:00", "2026-12-01T09:00:00+00:00\n"],
)
def test_a_time_that_is_not_an_rfc_3339_date_time_is_refused(created: str) -> None:
    problem = _bundle_problem(created=created)
    assert problem is not None and "created" in problem


@pytest.mark.parametrize(("country", "refused"), [("XA", False), ("XA\n", True), ("xa", True)])
def test_a_country_code_with_a_trailing_line_feed_is_refused(country: str, refused: bool) -> None:
    package = {"authority": {"country": country}}
    errors = _validator("package.schema.json").iter_errors(package)
    assert any(list(error.absolute_path) == ["authority", "country"] for error in errors) is refused


@pytest.mark.parametrize(
    ("version", "refused"), [("0.1", False), ("1.2.3.4", False), ("0." + "0" * 4300 + "1", True)]
)
def test_an_app_version_of_thousands_of_digits_is_refused(version: str, refused: bool) -> None:
    assert (_bundle_problem(min_app_version=version) is not None) is refused
