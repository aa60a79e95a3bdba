"""What the overview screen shows, read from the core services: where the current assessment
stands, its top gaps, the requests by stage, the last package and its receipt, and the scores of
every assessment over time. Plain data; the next action is chosen from it (next_action.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from acsg_desktop.core.assessment.navigator import AssessmentNavigator
from acsg_desktop.core.assessment.scoring import Gap, Scores
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.package.outbox import Outbox
from acsg_desktop.core.records.assessment import Answer, AssessmentStatus, AssessmentSummary
from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.records.roles import REVIEWER_ROLES

if TYPE_CHECKING:
    from acsg_desktop.core.workspace import Workspace

TOP_GAPS = 5
TREND_POINTS = 10  # the latest assessments the trend shows (the first screen scores no more)


@dataclass(frozen=True)
class AreaStanding:
    """One area of the current assessment: complete answers out of the indicators that apply,
    and where answering it would start (its first indicator without a complete answer)."""

    area_id: str
    title: str
    answered: int
    applicable: int
    first_unanswered: str = ""

    @property
    def left(self) -> int:
        return self.applicable - self.answered


@dataclass(frozen=True)
class AssessmentStanding:
    """The assessment the overview is about: the latest in progress, else the latest."""

    summary: AssessmentSummary
    areas: tuple[AreaStanding, ...]
    answers_by_person: tuple[tuple[str, int], ...]  # most answers first

    @property
    def answered(self) -> int:
        return sum(area.answered for area in self.areas)

    @property
    def applicable(self) -> int:
        return sum(area.applicable for area in self.areas)

    @property
    def left(self) -> int:
        return self.applicable - self.answered

    def unfinished_areas(self) -> list[AreaStanding]:
        """The areas with questions left, in the framework's order."""
        return [area for area in self.areas if area.left > 0]


@dataclass(frozen=True)
class GapFact:
    """One of the top gaps: its area, indicator, level and target."""

    area_title: str
    indicator_id: str
    question: str
    level: int | None
    target_level: int


@dataclass(frozen=True)
class TrendPoint:
    """One assessment's scores (in %, None when nothing is scored), oldest first in a trend."""

    assessment_id: int
    title: str
    year: int
    overall: float | None
    aims: dict[str, float | None]


@dataclass(frozen=True)
class PackageFact:
    """The last package made, where it stands, and the Secretariat's receipt for it if any."""

    package_id: str
    sequence: int
    created_at: datetime
    status: str  # the outbox's: exported, sent, acknowledged, held, refused
    receipt_issued: datetime | None = None
    receipt_verification: str = ""  # verified, held, refused ("" without a receipt)


@dataclass(frozen=True)
class OverviewFacts:
    standing: AssessmentStanding | None = None
    top_gaps: tuple[GapFact, ...] = ()
    requests_by_stage: dict[RequestStatus, int] = field(default_factory=dict)
    waiting_for_user: int = 0  # requests in review that the current user may approve
    last_package: PackageFact | None = None
    trend: tuple[TrendPoint, ...] = ()


def current_assessment(summaries: list[AssessmentSummary]) -> AssessmentSummary | None:
    """The latest assessment in progress, else the latest (by year, then as created)."""
    ordered = sorted(summaries, key=lambda s: (s.year, s.id), reverse=True)
    in_progress = [s for s in ordered if s.status is AssessmentStatus.IN_PROGRESS]
    chosen = in_progress or ordered
    return chosen[0] if chosen else None


def standing_of(
    framework: Framework, summary: AssessmentSummary, answers: dict[str, Answer]
) -> AssessmentStanding:
    """Progress by area and answers per person of ``summary``."""
    navigator = AssessmentNavigator(framework, summary.contexts)
    areas = tuple(
        AreaStanding(
            progress.area.id,
            progress.area.title.get(),
            progress.answered,
            progress.applicable,
            navigator.first_unanswered_in(progress.area.id, answers)
            if progress.answered < progress.applicable
            else "",
        )
        for progress in navigator.progress(answers)
    )
    people = Counter(a.answered_by.strip() for a in answers.values() if a.answered_by.strip())
    by_person = tuple(sorted(people.items(), key=lambda item: (-item[1], item[0])))
    return AssessmentStanding(summary, areas, by_person)


def top_gaps(framework: Framework, scores: Scores, count: int = TOP_GAPS) -> tuple[GapFact, ...]:
    """The ``count`` gaps of highest priority (below target), in the current language."""
    return tuple(_gap_fact(framework, gap) for gap in scores.gaps[:count])


def _gap_fact(framework: Framework, gap: Gap) -> GapFact:
    indicator = framework.indicator(gap.indicator_id)
    return GapFact(
        framework.area(gap.area_id).title.get(),
        gap.indicator_id,
        indicator.question.get(),
        gap.level,
        gap.target_level,
    )


StageCounts = dict[RequestStatus, tuple[int, int]]  # (requests, not last edited by the user)


def requests_by_stage(counts: StageCounts) -> dict[RequestStatus, int]:
    """How many requests are at each status (every status present, 0 included)."""
    return {status: counts.get(status, (0, 0))[0] for status in RequestStatus}


def waiting_for(counts: StageCounts, roles: frozenset[str], self_approval: bool) -> int:
    """Requests in review that the user (whose ``counts`` these are) may approve: a reviewer
    or signatory, and not their last editor unless the single-person waiver is on (the rules
    of approval)."""
    if not roles & REVIEWER_ROLES:
        return 0
    in_review, edited_by_others = counts.get(RequestStatus.IN_REVIEW, (0, 0))
    return in_review if self_approval else edited_by_others


def trend_of(scored: list[tuple[AssessmentSummary, Scores]]) -> tuple[TrendPoint, ...]:
    """Overall and aim scores of the assessments of ``scored``, oldest first."""
    ordered = sorted(scored, key=lambda item: (item[0].year, item[0].id))
    return tuple(
        TrendPoint(s.id, s.title, s.year, scores.overall, dict(scores.aim_scores))
        for s, scores in ordered
    )


def gather(workspace: Workspace) -> OverviewFacts:
    """Every fact of the overview, as the data folder holds them now: only the current
    assessment and the latest ``TREND_POINTS`` are scored, whatever the folder holds."""
    summaries = workspace.assessments.latest(TREND_POINTS)
    current = current_assessment(summaries)  # the newest in progress is among them
    latest = sorted(summaries, key=lambda s: (s.year, s.id))[-TREND_POINTS:]
    chosen = [*latest, current] if current is not None and current not in latest else latest
    scored = workspace.assessments.scored(chosen)
    standing: AssessmentStanding | None = None
    gaps: tuple[GapFact, ...] = ()
    for summary, scores, answers in scored:
        if current is not None and summary.id == current.id:
            framework = workspace.assessments.framework_of(summary)
            standing = standing_of(framework, summary, answers)
            gaps = top_gaps(framework, scores)
    counts = workspace.requests.stage_counts(workspace.current_user)
    person = workspace.current_person()
    waiting = waiting_for(
        counts, person.roles if person else frozenset(), workspace.requests.self_approval_allowed()
    )
    return OverviewFacts(
        standing=standing,
        top_gaps=gaps,
        requests_by_stage=requests_by_stage(counts),
        waiting_for_user=waiting,
        last_package=last_package(workspace),
        trend=trend_of([(summary, scores) for summary, scores, _a in scored if summary in latest]),
    )


def last_package(workspace: Workspace) -> PackageFact | None:
    """The package of highest sequence, with its latest receipt (None before any export)."""
    packages = Outbox(workspace.database).packages()
    if not packages:
        return None
    latest = max(packages, key=lambda p: p.sequence)
    receipts = [r for r in workspace.receipts.imported() if r.package_id == latest.package_id]
    receipt = max(receipts, key=lambda r: r.issued) if receipts else None
    return PackageFact(
        latest.package_id,
        latest.sequence,
        latest.created_at,
        latest.status,
        receipt.issued if receipt else None,
        receipt.verification if receipt else "",
    )
