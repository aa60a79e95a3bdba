"""Hypothesis strategies for hostile JSON: any value, any text, and real documents with one
field given a value of the wrong type or shape, removed, or joined by an unknown one."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import strategies as st

from tests.core.fuzz.zips import Damaged

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**53 - 2, max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["", "0", "2026-13-45T99:99:99", "1e400", "\u202e\x1b[2J", "fr", "en"]),
    st.sampled_from([0.0, -0.0, 1.0, 2.0, 5.0, 1e20]),  # integral floats: "integer" to a schema
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=12,
)


def nested(depth: int, inner: str = "0") -> str:
    return "[" * depth + inner + "]" * depth


# Texts that are JSON, almost JSON, or JSON the strict reader must refuse
TEXTS = st.one_of(
    VALUES.map(json.dumps),
    VALUES.map(lambda value: json.dumps(value, ensure_ascii=False)),
    st.sampled_from([60, 63, 64, 65, 1000, 100_000]).map(nested),
    st.sampled_from([64, 65, 5000]).map(lambda depth: '{"a":' * depth + "1" + "}" * depth),
    st.sampled_from(
        [
            "NaN",
            "[Infinity]",
            "-Infinity",
            "1e400",
            "-1e400",
            "1" * 30,
            str(2**53 + 1),
            '{"a": 1, "a": 2}',
            '{"a": {"b": 1, "b": 1}}',
            '"\\ud800"',
            "\ufeff{}",
            "",
            " ",
            "[1,]",
            "{'a': 1}",
            "[1] [2]",
            '"\\u0000"',
        ]
    ),
    st.text(max_size=40),
)
RAW = st.one_of(
    TEXTS.map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.binary(max_size=60),
    TEXTS.map(lambda text: text.encode("utf-16")),
    TEXTS.map(lambda text: text.encode("utf-8", "surrogatepass") + b"\xff"),
)


def paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``document`` (the whole document is ``()``)."""
    found = [prefix]
    if isinstance(document, dict):
        for key, value in document.items():
            found.extend(paths(value, (*prefix, key)))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found.extend(paths(value, (*prefix, index)))
    return found


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        document = document[part]
    return document


@st.composite
def wrong_fields(draw: st.DrawFn, document: Any) -> Damaged:
    """``document`` (serialised) with one field replaced by any value, removed, given an
    unknown sibling or nested deep, or the whole document replaced."""
    changed = copy.deepcopy(document)
    path = draw(st.sampled_from(paths(document)))
    kind = draw(st.sampled_from(["replace", "replace", "remove", "unknown", "deep", "type"]))
    if not path:
        changed = draw(VALUES)
    elif kind == "remove" and isinstance(_at(changed, path[:-1]), dict):
        del _at(changed, path[:-1])[path[-1]]
    elif kind == "unknown" and isinstance(_at(changed, path), dict):
        _at(changed, path)[draw(st.text(min_size=1, max_size=8))] = draw(VALUES)
    elif kind == "deep":
        _at(changed, path[:-1])[path[-1]] = json.loads(nested(draw(st.sampled_from([63, 65]))))
    elif kind == "type":  # the same value, of another JSON type
        value = _at(changed, path)
        _at(changed, path[:-1])[path[-1]] = str(value) if not isinstance(value, str) else [value]
    else:
        _at(changed, path[:-1])[path[-1]] = draw(VALUES)
    text = json.dumps(
        changed, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2]))
    )
    return Damaged(text.encode("utf-8", "surrogatepass"), [f"{kind} at {list(path)}"])
