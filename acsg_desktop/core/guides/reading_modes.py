"""How the reader shows a guide: two of the working languages side by side, or one alone.

A mode is a string: ``"en+fr"`` (two columns, paragraph by paragraph) or ``"es"`` (one). The
user's own language goes on the left when it is one of the pair.
"""

from __future__ import annotations

from itertools import combinations

from acsg_desktop.core.i18n import N_, SUPPORTED_LANGUAGES

LANGUAGES_IN_TEXT = {"en": N_("English"), "fr": N_("French"), "es": N_("Spanish")}
PAIR_LABELS = {
    "en+fr": N_("English and French side by side"),
    "en+es": N_("English and Spanish side by side"),
    "fr+es": N_("French and Spanish side by side"),
}
SINGLE_LABELS = {
    "en": N_("English only"),
    "fr": N_("French only"),
    "es": N_("Spanish only"),
}
PAIRS = tuple("+".join(pair) for pair in combinations(SUPPORTED_LANGUAGES, 2))
READING_MODES = (*PAIRS, *SUPPORTED_LANGUAGES)


def mode_label(mode: str) -> str:
    """The untranslated label of ``mode`` (translate it where it is shown)."""
    return PAIR_LABELS.get(mode) or SINGLE_LABELS[mode]


def default_mode(language: str) -> str:
    """The first pair holding ``language`` (English with French for English readers)."""
    return next((pair for pair in PAIRS if language in pair.split("+")), PAIRS[0])


def columns(mode: str, language: str) -> tuple[str, ...]:
    """The languages of ``mode`` from left to right, ``language`` first when it is one."""
    codes = tuple(mode.split("+"))
    if len(codes) == 2 and codes[1] == language:
        return codes[1], codes[0]
    return codes
