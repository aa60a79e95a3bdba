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


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a "\\ud800" escape
        return False
    return True


def _shape(document: Any) -> tuple[int, bool]:
    """Nesting depth (stopping past ``MAX_DEPTH``) and whether every string and key is valid
    Unicode, without recursion."""
    deepest, valid, pending = 0, True, [(document, 1)]
    while pending and valid and deepest <= MAX_DEPTH:
        value, level = pending.pop()
        if isinstance(value, str):
            valid = _encodable(value)
        elif isinstance(value, dict):
            deepest = max(deepest, level)
            valid = all(_encodable(key) for key in value)
            pending.extend((child, level + 1) for child in value.values())
        elif isinstance(value, list):
            deepest = max(deepest, level)
            pending.extend((child, level + 1) for child in value)
    return deepest, valid


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
    depth, valid = _shape(document)
    if depth > MAX_DEPTH:
        raise JsonDocumentError(_("it is nested too deeply"))
    if not valid:
        raise JsonDocumentError(_("it holds text that is not valid Unicode"))
    return document
