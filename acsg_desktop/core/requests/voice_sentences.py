"""What the three voices share: advice is turned into plans sentence by sentence."""

from __future__ import annotations

import re
from collections.abc import Callable

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def planned_sentences(step: str, convert: Callable[[str, bool], str | None]) -> str | None:
    """``step`` with each sentence converted by ``convert(sentence, first)``, ``first`` being
    True until one sentence was (a sentence it returns None for stays as written); None when
    no sentence of the step is advice it could turn into a plan."""
    out: list[str] = []
    planned = False
    for sentence in _SENTENCE_END.split(step.strip()):
        converted = convert(sentence, not planned)
        planned = planned or converted is not None
        out.append(sentence if converted is None else converted)
    return " ".join(out) if planned else None
