"""The action plan of an assessment: what the authority itself will do about its gaps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class ActionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


# An action still to be done: it can be overdue.
OPEN_STATUSES = frozenset({ActionStatus.PLANNED, ActionStatus.IN_PROGRESS})


@dataclass(frozen=True)
class ActionContent:
    """What a person writes about an action. ``gap`` is the indicator id ("" for a general
    action that answers no single gap)."""

    gap: str
    description: str
    owner: str
    due: date


@dataclass(frozen=True)
class PlannedAction:
    """One stored action of an assessment's plan."""

    id: int
    assessment_id: int
    content: ActionContent
    status: ActionStatus
    created_by: str
    created_at: datetime
    updated_at: datetime
    version: int

    def overdue(self, today: date) -> bool:
        """Still to be done and its due date is past."""
        return self.status in OPEN_STATUSES and self.content.due < today
