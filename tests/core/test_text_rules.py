"""The caps and character rules every free-text field follows (core/text_rules.py)."""

from __future__ import annotations

import pytest

from acsg_desktop.core.text_rules import (
    ANSWER_FIELDS,
    PERSON_NAME,
    REQUEST_FIELDS,
    TextField,
    clean,
    text_problem,
    unprintable_character,
)

EVIDENCE = ANSWER_FIELDS["evidence"]
UNPRINTABLE = [
    "\x00",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1f",
    "\x7f",
    "\x80",
    "\x9b",
    "\x9f",
    "\u061c",
    "\u200b",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\ufeff",
    "\ud800",
    "\ufffe",
]
KEPT = "Équité, 1 234 €, «\u00a0guillemets\u00a0», عربى, 中文, 👩‍⚕️ (ZWJ), soft\u00adhyphen"


@pytest.mark.parametrize("character", UNPRINTABLE)
def test_each_unprintable_character_is_stripped_and_named(character: str) -> None:
    text = f"before{character}after"
    assert clean(text) == "beforeafter"
    assert clean(text, multiline=False) == "beforeafter"
    assert unprintable_character(text) == character
    assert unprintable_character(text, multiline=True) == character
    code = f"U+{ord(character):04X}"
    assert text_problem(PERSON_NAME, text) == (
        f"Name contains a character that cannot be printed ({code}): remove it."
    )


def test_tab_and_line_breaks_are_kept_only_in_multi_line_text() -> None:
    text = "one\ttwo\r\nthree\u2028four\u2029five\x85six"
    assert clean(text) == "one\ttwo\r\nthree\nfour\nfive\nsix"
    assert clean(text, multiline=False) == "onetwothreefourfivesix"
    assert unprintable_character(text, multiline=True) is None
    assert unprintable_character("a\tb", multiline=False) == "\t"
    assert text_problem(EVIDENCE, "line\none\ttab\r\n") is None
    assert text_problem(PERSON_NAME, "Amina\nMahamat") is not None


def test_ordinary_text_of_any_script_is_untouched() -> None:
    assert clean(KEPT) == KEPT
    assert text_problem(PERSON_NAME, KEPT) is None


def test_the_cap_is_inclusive_and_the_message_names_field_count_and_cap() -> None:
    assert text_problem(EVIDENCE, "x" * 10_000) is None
    assert text_problem(EVIDENCE, "x" * 12_345) == (
        "Evidence is too long: 12,345 characters, at most 10,000."
    )
    title = REQUEST_FIELDS["title"]
    assert text_problem(title, "t" * 200) is None
    assert text_problem(title, "t" * 201) == "Title is too long: 201 characters, at most 200."


def test_the_message_uses_the_languages_numbers(french: None) -> None:
    message = text_problem(EVIDENCE, "x" * 12_345)
    assert message is not None
    assert "Justificatifs" in message
    assert "12\u202f345" in message and "10\u202f000" in message


def test_every_cap_is_documented_in_the_module_table() -> None:
    import acsg_desktop.core.text_rules as rules

    caps = {
        field.cap
        for value in vars(rules).values()
        for field in (value.values() if isinstance(value, dict) else [value])
        if isinstance(field, TextField)
    }
    assert caps == {200, 254, 500, 5_000, 10_000}
    assert all(f"| {cap:,} " in (rules.__doc__ or "") for cap in caps)
