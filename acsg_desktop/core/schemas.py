"""Checking documents against the JSON Schemas shipped in resources/schemas."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from acsg_desktop.core.i18n import _
from acsg_desktop.paths import resources_dir

MAX_SHOWN = 200  # characters of a bad value quoted in a message


def _is_integer(_checker: Any, instance: object) -> bool:
    """Only a whole number written as one: JSON Schema's own rule also takes 2.0."""
    return isinstance(instance, int) and not isinstance(instance, bool)


@cache
def _validator(schema_name: str) -> Any:
    from jsonschema import Draft202012Validator, validators

    schema = json.loads((resources_dir() / "schemas" / schema_name).read_text(encoding="utf-8"))
    checker = Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer)
    strict = validators.extend(Draft202012Validator, type_checker=checker)
    return strict(schema)


def _field_path(path: Any) -> str:
    parts = [f"[{part}]" if isinstance(part, int) else f".{part}" for part in path]
    return "".join(parts).lstrip(".") or _("(the whole file)")


def schema_problem(document: object, schema_name: str, file_name: str) -> str | None:
    """A message naming the file and the field when ``document`` breaks the schema."""
    from jsonschema.exceptions import best_match

    error = best_match(_validator(schema_name).iter_errors(document))
    if error is None:
        return None
    problem = error.message
    if len(problem) > MAX_SHOWN:
        problem = problem[:MAX_SHOWN] + "…"
    return _("{file}: the field {field} is invalid: {problem}").format(
        file=file_name, field=_field_path(error.absolute_path), problem=problem
    )
