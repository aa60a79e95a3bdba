"""Checking documents against the JSON Schemas shipped in resources/schemas."""

from __future__ import annotations

import json
import re
from datetime import datetime
from functools import cache
from typing import Any

from acsg_desktop.core.i18n import _
from acsg_desktop.paths import resources_dir

MAX_SHOWN = 200  # characters of a bad value quoted in a message


def _is_integer(_checker: Any, instance: object) -> bool:
    """Only a whole number written as one: JSON Schema's own rule also takes 2.0."""
    return isinstance(instance, int) and not isinstance(instance, bool)


@cache
def _anchored(pattern: str) -> re.Pattern[str]:
    """``pattern`` with a final ``$`` meaning the end of the text: Python's ``$`` also matches
    before a last line feed, so "XA\n" passed ``^[A-Z]{2}$`` and became a folder name."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + "\\Z"
    return re.compile(pattern)


def _pattern(validator: Any, pattern: str, instance: object, _schema: Any) -> Any:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not _anchored(pattern).search(str(instance)):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _is_date_time(instance: object) -> bool:
    """RFC 3339 as our files write it: a date, a time and its offset from UTC."""
    if not isinstance(instance, str):
        return True  # the type keyword speaks for other values
    if not _DATE_TIME.match(instance):
        return False
    try:
        return datetime.fromisoformat(instance.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})\Z")


@cache
def _validator(schema_name: str) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker, validators

    schema = json.loads((resources_dir() / "schemas" / schema_name).read_text(encoding="utf-8"))
    checker = Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer)
    strict = validators.extend(
        Draft202012Validator, validators={"pattern": _pattern}, type_checker=checker
    )
    # jsonschema checks "format" only when given a checker, and its own date-time check
    # needs a package we do not ship: without ours, "created": "garbage" passed. (An offer's
    # "date" is checked by the catalogue, which names the offer.)
    formats = FormatChecker(formats=())
    formats.checks("date-time")(_is_date_time)
    return strict(schema, format_checker=formats)


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
