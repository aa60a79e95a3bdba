"""The answer rules the screens show: the levels offered, when evidence is needed, what next.

The checks themselves live in ``model.answer_problems`` and ``scoring``; this module lets a
screen ask the same rules instead of writing its own copy of them.
"""

from __future__ import annotations

from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.framework.model import LEVELS, Framework, Text
from acsg_desktop.core.records.assessment import EVIDENCE_FROM_LEVEL


def answer_levels() -> tuple[int, ...]:
    """The levels an indicator can be rated at, lowest first (1 to 5)."""
    return LEVELS


def evidence_from_level() -> int:
    """The lowest level whose answer must say what shows it (documents, figures, practice)."""
    return EVIDENCE_FROM_LEVEL


def evidence_required(level: int | None) -> bool:
    """Whether an answer at ``level`` (None: not a level) must give its evidence."""
    return level is not None and level >= EVIDENCE_FROM_LEVEL


def gap_next_step(framework: Framework, gap: Gap) -> Text | None:
    """What to do to move up from the gap's level.

    Returns:
        The indicator's next step for that level; None for "insufficient information" (there
        is no level to move up from) and at the top level.
    """
    if not gap.level:
        return None
    return framework.indicator(gap.indicator_id).next_step(gap.level)
