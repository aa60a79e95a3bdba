"""Results as one plain document (for the CLI's --json, the CSV and the package)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from acsg_desktop.core.assessment.rules import gap_next_step
from acsg_desktop.core.assessment.scoring import Gap, Scores
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.records.assessment import AssessmentSummary


@dataclass(frozen=True)
class GapEntry:
    """A gap as documents carry it: texts in the current language."""

    indicator: str
    area: str
    question: str
    level: int | None
    target_level: int
    weight: int
    priority: int
    next_step: str | None
    guides: tuple[str, ...]


def rounded(value: float | None) -> float | None:
    """A score to one decimal, as documents show it."""
    return None if value is None else round(value, 1)


def gap_entry(framework: Framework, gap: Gap) -> GapEntry:
    """``gap`` with its question, next step and guides."""
    indicator = framework.indicator(gap.indicator_id)
    step = gap_next_step(framework, gap)
    return GapEntry(
        indicator=gap.indicator_id,
        area=gap.area_id,
        question=indicator.question.get(),
        level=gap.level,
        target_level=gap.target_level,
        weight=gap.weight,
        priority=gap.priority,
        next_step=step.get() if step else None,
        guides=tuple(indicator.guides),
    )


def _gap_document(framework: Framework, gap: Gap) -> dict[str, Any]:
    entry = gap_entry(framework, gap)
    return {**asdict(entry), "guides": list(entry.guides)}


def results_document(
    framework: Framework, assessment: AssessmentSummary, scores: Scores
) -> dict[str, Any]:
    """Scores, completion and gaps, with texts in the current language."""
    return {
        "assessment": {
            "id": assessment.id,
            "title": assessment.title,
            "year": assessment.year,
            "status": assessment.status.value,
            "framework": {"id": framework.id, "version": framework.version},
        },
        "completion": round(scores.completion * 100, 1),
        "answered": scores.answered,
        "applicable": scores.applicable,
        "overall": rounded(scores.overall),
        "aims": {aim: rounded(value) for aim, value in scores.aim_scores.items()},
        "areas": [
            {
                "id": area.id,
                "title": area.title.get(),
                "score": rounded(scores.area_scores[area.id]),
            }
            for area in framework.areas
        ],
        "gaps": [_gap_document(framework, gap) for gap in scores.gaps],
        "insufficient_information": [_gap_document(framework, g) for g in scores.insufficient],
        "incomplete_answers": list(scores.incomplete),
    }
