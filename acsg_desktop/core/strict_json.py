"""JSON from files that may be hostile: one strict reader for every document the app imports."""

from __future__ import annotations

import json
import math
from typing import Any

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _

MAX_DEPTH = 64
MAX_SAFE_INTEGER = 2**53


class JsonDocumentError(AcsgError):
    """The bytes are not a JSON document the app accepts; the message says why."""


def _pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _value in items]
    if len(keys) != len(set(keys)):
        raise ValueError(_("a key appears twice"))
    return dict(items)


def _number(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(_("a number is too large"))
    return value


def _integer(text: str) -> int:
    if len(text) > 20 or abs(value := int(text)) > MAX_SAFE_INTEGER:
        raise ValueError(_("a number is too large"))
    return value


def _constant(name: str) -> Any:
    raise ValueError(_("{name} is not allowed").format(name=name))


def _depth(document: Any) -> int:
    """Nesting depth, without recursion."""
    deepest, pending = 0, [(document, 1)]
    while pending:
        value, level = pending.pop()
        children = value.values() if isinstance(value, dict) else value
        if isinstance(value, dict | list):
            deepest = max(deepest, level)
            if deepest > MAX_DEPTH:
                break
            pending.extend((child, level + 1) for child in children)
    return deepest


def strict_json(data: bytes) -> Any:
    """The document in ``data``: UTF-8, no duplicate keys, no NaN/Infinity, no unsafe integers,
    at most ``MAX_DEPTH`` levels deep.

    Raises:
        JsonDocumentError: with the reason, translated.
    """
    try:
        document = json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_pairs,
            parse_float=_number,
            parse_int=_integer,
            parse_constant=_constant,
        )
    except UnicodeDecodeError as error:
        raise JsonDocumentError(_("it is not UTF-8 text")) from error
    except json.JSONDecodeError as error:
        raise JsonDocumentError(
            _("it is not valid JSON (line {line}, column {column})").format(
                line=error.lineno, column=error.colno
            )
        ) from error
    except RecursionError as error:
        raise JsonDocumentError(_("it is nested too deeply")) from error
    except ValueError as error:
        raise JsonDocumentError(str(error)) from error
    if _depth(document) > MAX_DEPTH:
        raise JsonDocumentError(_("it is nested too deeply"))
    return document
