"""Step-by-step navigation through an assessment, without Qt.

Steps are: the context questions, then every indicator that applies, area by area, then a
review. Indicators that do not apply (their condition is answered "no") are skipped. Back returns
to where the user actually came from (a stack, as when jumping from the overview).
"""

from __future__ import annotations

from dataclasses import dataclass

from acsg_desktop.core.framework.model import Area, Framework
from acsg_desktop.core.records.assessment import Answer, is_complete

CONTEXT_STEP = "contexts"
REVIEW_STEP = "review"


@dataclass(frozen=True)
class AreaProgress:
    """How far an area is: complete answers out of the indicators that apply."""

    area: Area
    answered: int
    applicable: int


class AssessmentNavigator:
    """Where the user is in an assessment, and where Next and Back lead."""

    def __init__(self, framework: Framework, contexts: dict[str, bool], cursor: str = "") -> None:
        self._framework = framework
        self._contexts = dict(contexts)
        self._history: list[str] = []
        self._steps = self._compute_steps()
        self._current = cursor if cursor in self._steps else CONTEXT_STEP

    def _compute_steps(self) -> list[str]:
        applicable = [i.id for i in self._framework.indicators if i.applies(self._contexts)]
        return [CONTEXT_STEP, *applicable, REVIEW_STEP]

    @property
    def steps(self) -> tuple[str, ...]:
        return tuple(self._steps)

    @property
    def current(self) -> str:
        return self._current

    @property
    def position(self) -> int:
        """Index of the current step (0 is the context questions)."""
        return self._steps.index(self._current)

    def can_go_back(self) -> bool:
        return bool(self._history) or self.position > 0

    def can_go_next(self) -> bool:
        return self._current != REVIEW_STEP

    def next(self) -> str:
        """Move to the following step; stays on the review at the end."""
        if self.can_go_next():
            self._history.append(self._current)
            self._current = self._steps[self.position + 1]
        return self._current

    def back(self) -> str:
        """Return to the step the user came from (or the previous one)."""
        while self._history:
            previous = self._history.pop()
            if previous in self._steps:
                self._current = previous
                return self._current
        if self.position > 0:
            self._current = self._steps[self.position - 1]
        return self._current

    def go_to(self, step: str) -> str:
        """Jump to ``step`` (from the overview); Back returns here. Unknown steps are ignored."""
        if step in self._steps and step != self._current:
            self._history.append(self._current)
            self._current = step
        return self._current

    def set_contexts(self, contexts: dict[str, bool]) -> None:
        """Apply new context answers: indicators appear or disappear from the steps."""
        self._contexts = dict(contexts)
        old_steps, old_position = self._steps, self.position
        self._steps = self._compute_steps()
        if self._current not in self._steps:
            following = [step for step in old_steps[old_position:] if step in self._steps]
            self._current = following[0] if following else REVIEW_STEP

    def first_unanswered(self, answers: dict[str, Answer]) -> str:
        """The first indicator without a complete answer, or the review when there is none."""
        for step in self._steps[1:-1]:
            if not is_complete(answers.get(step), self._framework.indicator(step)):
                return step
        return REVIEW_STEP

    def first_unanswered_in(self, area_id: str, answers: dict[str, Answer]) -> str:
        """Where choosing area ``area_id`` in the overview leads.

        Args:
            area_id: an area of the framework.
            answers: the answers given so far, by indicator id.

        Returns:
            The area's first applicable indicator without a complete answer, else its first
            applicable indicator, else the current step (every indicator of it is skipped).
        """
        area = self._framework.area(area_id)
        steps = [i for i in area.indicators if i.id in self._steps]
        unanswered = [i.id for i in steps if not is_complete(answers.get(i.id), i)]
        return (unanswered or [i.id for i in steps] or [self._current])[0]

    def progress(self, answers: dict[str, Answer]) -> list[AreaProgress]:
        """Per area, complete answers out of applicable indicators."""
        result = []
        for area in self._framework.areas:
            applicable = [i for i in area.indicators if i.applies(self._contexts)]
            answered = sum(1 for i in applicable if is_complete(answers.get(i.id), i))
            result.append(AreaProgress(area, answered, len(applicable)))
        return result
