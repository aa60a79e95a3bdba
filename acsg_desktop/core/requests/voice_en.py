"""English next steps ("Adopt a written procedure…") in the authority's voice ("We plan to adopt
a written procedure…"), for drafted requests."""

from __future__ import annotations

import re

from acsg_desktop.core.requests.voice_sentences import planned_sentences

# A step that opens with one of these words puts its verb after the first comma:
# "For each caseload, write…" becomes "For each caseload, we plan to write…".
_EN_LEADS = frozenset(
    [
        "for",
        "after",
        "before",
        "with",
        "without",
        "once",
        "if",
        "when",
        "where",
        "whenever",
        "in",
        "at",
        "from",
        "until",
        "within",
        "during",
        "each",
        "every",
        "together",
        "then",
        "over",
        "on",
        "by",
        "using",
        "starting",
        "between",
        "based",
        "through",
        "under",
        "across",
        "alongside",
        "as",
        "while",
        "beyond",
        "instead",
        "first",
        "next",
        "finally",
        "also",
    ]
)
_EN_PRONOUNS = (
    (r"\byourselves\b", "ourselves"),
    (r"\byourself\b", "ourselves"),
    (r"\byours\b", "ours"),
    (r"\byour\b", "our"),
    (r"\bYour\b", "Our"),
    (
        r"\b(to|for|with|help|helps|give|gives|tell|tells|ask|asks|let|lets|show|shows|send|sends"
        r"|from|of|about|contact|support|supports|assist|assists|reach|invite|invites) you\b",
        r"\1 us",
    ),
    (r"\byou\b", "we"),
    (r"\bYou\b", "We"),
)
# After a semicolon the advice goes on in the imperative unless the clause opens with one of these.
_EN_NOT_VERBS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "these",
        "that",
        "those",
        "it",
        "its",
        "they",
        "their",
        "we",
        "our",
        "each",
        "every",
        "all",
        "no",
        "not",
        "only",
        "one",
        "two",
        "three",
        "if",
        "when",
        "where",
        "otherwise",
        "then",
        "also",
        "and",
        "or",
        "but",
        "so",
        "as",
        "at",
        "in",
        "on",
        "for",
        "with",
    ]
)


# Verbs the framework's steps open with: after a colon, a clause that opens with one of them is
# more advice ("…: have a supervisor allocate…"); any other word opens a list ("…: who does what").
_VERB_WORDS = (
    "adapt add adjust adopt agree align analyse apply appoint arrange ask assemble assign audit"
    " base bring build calculate carry check choose collect compare complete consult create"
    " define design designate develop draft draw equip extend feed fill find fix follow forbid"
    " formalise gather get give hand have hold identify include instruct introduce invite"
    " involve issue keep link make measure meet move name negotiate open organise photograph"
    " prepare produce propose provide publish put rank record refresh rehearse remind require"
    " review revise run schedule screen secure send set sign standardise start stop talk tell"
    " test track train turn update use widen write"
)
_EN_VERBS = frozenset(_VERB_WORDS.split())


def _en_clause_is_advice(clause: str, after_colon: bool) -> bool:
    first = clause.split(" ", 1)[0]
    if not (first.isalpha() and first.islower()) or first in _EN_NOT_VERBS:
        return False
    if after_colon or first in _EN_VERBS:
        return first in _EN_VERBS
    # "checks only with consent" is a noun; an imperative never ends in a lone -s.
    return not (first.endswith("s") and not first.endswith(("ss", "us")))


def _en_clauses(sentence: str) -> str:
    """Turn the advice that goes on after "; " or ": " into what the authority plans too."""
    out: list[str] = []
    for part in re.split(r"(; |: )", sentence):
        if out and _en_clause_is_advice(part, after_colon=out[-1] == ": "):
            part = "we also plan to " + part
        out.append(part)
    return "".join(out)


def _lower_first(text: str) -> str:
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[:2].isupper():  # an acronym: UNHCR, COI
        return text
    return text[:1].lower() + text[1:]


def _en_sentence(sentence: str, opening: str) -> str | None:
    words = sentence.split(" ", 1)
    first = words[0].strip(",").lower()
    if first in ("don't", "do") and sentence.lower().startswith(("don't ", "do not ")):
        rest = sentence.split(" ", 2)[-1] if first == "do" else sentence.split(" ", 1)[1]
        return f"{opening} not to {rest}"
    if first in _EN_LEADS:
        lead, comma, rest = sentence.partition(", ")
        if not comma or not rest:
            return None
        return f"{lead}, {opening.lower()} to {_lower_first(rest)}"
    return f"{opening} to {_lower_first(sentence)}"


def plan_in_english(step: str) -> str:
    """``step`` (advice in the imperative) as what the authority plans: "We plan to…"."""

    def convert(sentence: str, first: bool) -> str | None:
        converted = _en_sentence(sentence, "We plan" if first else "We also plan")
        return _en_clauses(converted) if converted else None

    text = planned_sentences(step, convert) or f"We plan the following: {step.strip()}"
    for pattern, replacement in _EN_PRONOUNS:
        text = re.sub(pattern, replacement, text)
    return text
