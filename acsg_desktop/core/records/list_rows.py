"""Light rows for the lists that page: only what a line of a list shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.records.requests import MatchStage, RequestStatus, SupportType

PAGE_SIZE = 200


@dataclass(frozen=True)
class PageOrder:
    """How a page is sorted: a key the repository knows, and the direction."""

    key: str = ""
    descending: bool = False


@dataclass(frozen=True)
class AssessmentListRow:
    """One line of the assessments list; completion is answered / applicable, counted in SQL."""

    id: int
    title: str
    year: int
    status: AssessmentStatus
    framework_version: str
    updated_at: datetime | None
    answered: int
    applicable: int

    @property
    def completion(self) -> float:
        """Share of applicable indicators with a complete answer, from 0 to 1 (as scoring)."""
        return self.answered / self.applicable if self.applicable else 1.0


@dataclass(frozen=True)
class RequestListRow:
    """One line of the requests list."""

    id: int
    title: str
    status: RequestStatus
    match_stage: MatchStage | None
    support_types: tuple[SupportType, ...]
    completeness: float
    updated_at: datetime
