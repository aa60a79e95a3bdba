"""The framework as plain, immutable objects."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property

from acsg_desktop.core.i18n import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, current_language

AIMS = ("fairness", "efficiency", "adaptability", "integrity")
LEVELS = (1, 2, 3, 4, 5)
DEFAULT_TARGET_LEVEL = 3


@dataclass(frozen=True)
class Text:
    """A text in every supported language."""

    by_language: dict[str, str]

    def __str__(self) -> str:
        return self.get()

    def get(self, language: str | None = None) -> str:
        """The text in ``language`` (default: the current one), else in another language."""
        language = language or current_language()
        text = self.by_language.get(language, "").strip()
        if text:
            return text
        for other in (SOURCE_LANGUAGE, *SUPPORTED_LANGUAGES):
            if self.by_language.get(other, "").strip():
                return self.by_language[other].strip()
        return ""

    def is_missing(self, language: str | None = None) -> bool:
        """True when ``language`` has no text of its own (another language is shown instead)."""
        return not self.by_language.get(language or current_language(), "").strip()


@dataclass(frozen=True)
class Context:
    """A yes/no question about the asylum system, asked once per assessment."""

    id: str
    question: Text


@dataclass(frozen=True)
class Condition:
    """The indicator applies only when ``context`` is answered yes."""

    context: str
    reason: Text


@dataclass(frozen=True)
class Indicator:
    """One question of the self-assessment, with what each level looks like."""

    id: str
    area_id: str
    question: Text
    levels: tuple[Text, ...]
    aims: tuple[str, ...]
    evidence_prompt: Text
    next_steps: tuple[Text, ...]
    weight: int
    target_level: int = DEFAULT_TARGET_LEVEL
    guides: tuple[str, ...] = ()
    condition: Condition | None = None
    fingerprint: str = ""
    # A guarantee every asylum system needs (the key indicators, the remedy): where it is
    # missing, that is a gap to score, never "not applicable".
    always_applies: bool = False

    def level_text(self, level: int) -> Text:
        """What level ``level`` (1 to 5) looks like for this indicator."""
        return self.levels[level - 1]

    def next_step(self, level: int) -> Text | None:
        """What to do to move up from ``level`` (None at level 5)."""
        return self.next_steps[level - 1] if level < len(LEVELS) else None

    def applies(self, contexts: dict[str, bool]) -> bool:
        """Whether this indicator applies given the answers to the context questions."""
        return self.condition is None or contexts.get(self.condition.context, True)


@dataclass(frozen=True)
class Area:
    """An area of the asylum system and its indicators."""

    id: str
    title: Text
    summary: Text
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Framework:
    """A versioned capacity framework."""

    id: str
    version: str
    title: Text
    contexts: tuple[Context, ...]
    areas: tuple[Area, ...]
    source: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, in area order."""
        return tuple(indicator for area in self.areas for indicator in area.indicators)

    @cached_property
    def _indicators_by_id(self) -> dict[str, Indicator]:
        return {indicator.id: indicator for indicator in self.indicators}

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator ``indicator_id`` (KeyError when unknown): every answer saved looks
        one up, so by a table made once per framework, not a walk of all of them."""
        return self._indicators_by_id[indicator_id]

    def area(self, area_id: str) -> Area:
        """The area ``area_id`` (KeyError when unknown)."""
        for area in self.areas:
            if area.id == area_id:
                return area
        raise KeyError(area_id)


# The languages the framework was first written in. A translation added later (Spanish) does
# not change what an indicator asks, so it leaves the fingerprint, and the answers and
# contributions that carry it, as they were.
FINGERPRINT_LANGUAGES = ("en", "fr")


def _in_fingerprint_languages(value: object) -> object:
    if isinstance(value, dict):
        if isinstance(value.get(SOURCE_LANGUAGE), str):
            return {key: text for key, text in value.items() if key in FINGERPRINT_LANGUAGES}
        return {key: _in_fingerprint_languages(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_in_fingerprint_languages(item) for item in value]
    return value


def fingerprint(raw_indicator: dict[str, object]) -> str:
    """A hash of what an indicator asks, to tell whether two versions ask the same thing."""
    asked = {
        key: _in_fingerprint_languages(raw_indicator.get(key))
        for key in ("question", "levels", "applies_if")
    }
    canonical = json.dumps(asked, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
