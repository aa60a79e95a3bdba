"""Fuzzing offers.json: the real example with one field of the wrong type or shape, removed,
joined by an unknown one or nested deep. offers_from_bytes gives offers or an UpdateError,
never another exception; what it accepts has every offer's area in the framework."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.offers.catalogue import example_catalogue_path, offers_from_bytes
from acsg_desktop.core.updates.read import UpdateError
from tests.core.fuzz.jsons import TEXTS, wrong_fields

AREAS = [area.id for area in load_framework().areas]
EXAMPLE = json.loads(example_catalogue_path().read_text("utf-8"))
SMALL = {**EXAMPLE, "offers": EXAMPLE["offers"][:3]}
REASON = re.compile(r"^[a-z0-9_]+$")


def check(data: bytes) -> None:
    try:
        contents = offers_from_bytes(data, AREAS)
    except UpdateError as error:
        assert REASON.match(error.reason) and error.message
        return
    assert all(set(offer.areas) <= set(AREAS) for offer in contents.offers)
    assert len({offer.id for offer in contents.offers}) == len(contents.offers)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_damaged_field_is_read_or_refused_never_a_crash(data: st.DataObject) -> None:
    check(bytes(data.draw(wrong_fields(SMALL))))


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_any_text_is_read_or_refused_never_a_crash(text: str) -> None:
    check(text.encode("utf-8", "surrogatepass"))
