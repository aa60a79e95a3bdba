"""What an export reads, in one transaction, and the typed package document made from it.

Which requests go in: the approved requests drafted for the exported assessment (their
``assessment_id``), and approved requests that name no assessment (drafted by hand: they stand
alone and go with the next package made). Requests drafted for another assessment wait for that
assessment's package.

When none is waiting and the assessment was exported before (it is locked, so its answers are
those of that package), the export repeats its latest package: the same requests again, so that
a report in another language is the same content in a new package (see docs/domain.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from acsg_desktop import __version__
from acsg_desktop.core.assessment.results import gap_entry, rounded
from acsg_desktop.core.assessment.scoring import Scores, score
from acsg_desktop.core.assessment.service import AssessmentService
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.package.model import (
    FORMAT,
    ActionEntry,
    AnswerEntry,
    AreaScore,
    AssessmentEntry,
    Authority,
    CommentEntry,
    FrameworkRef,
    PackageDocument,
    PreviousEntry,
    RequestEntry,
    ScoreEntry,
)
from acsg_desktop.core.package.offers_source import (
    OffersSource,
    catalogue_entry,
    interest_entries,
    read_offers,
    unmet_needs,
)
from acsg_desktop.core.package.previous import EarlierAssessment, read_earlier, with_framework
from acsg_desktop.core.records.actions import PlannedAction
from acsg_desktop.core.records.assessment import Answer, AssessmentSummary
from acsg_desktop.core.records.evidence import EvidenceFile
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.records.request_codec import request_to_dict
from acsg_desktop.core.records.requests import RequestStatus, SupportRequest
from acsg_desktop.core.store.action_repository import ActionRepository
from acsg_desktop.core.store.assessment_repository import AssessmentRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.evidence_repository import EvidenceRepository
from acsg_desktop.core.store.offer_repository import OfferRepository
from acsg_desktop.core.store.package_repository import PackageRecord, PackageRepository
from acsg_desktop.core.store.profile_repository import ProfileRepository
from acsg_desktop.core.store.request_repository import RequestRepository

CARRIED_AGAIN = frozenset({RequestStatus.APPROVED, RequestStatus.EXPORTED})


@dataclass(frozen=True)
class ExportSource:
    """Everything one package is made of, read together."""

    summary: AssessmentSummary
    framework: Framework
    answers: dict[str, Answer]
    profile: Profile | None
    requests: tuple[SupportRequest, ...]
    offers: OffersSource
    repeats: PackageRecord | None = None  # the earlier package whose requests are carried again
    actions: tuple[PlannedAction, ...] = ()  # the assessment's action plan, by due date
    earlier: EarlierAssessment | None = None  # the completed assessment before it, compared with
    evidence: tuple[EvidenceFile, ...] = ()  # the files attached to its answers


def read_source(
    database: Database, assessments: AssessmentService, assessment_id: int
) -> ExportSource:
    """The assessment, its answers, the profile, the requests that go with it and the offers
    (catalogue, offers of interest), in one transaction (the framework snapshot, which never
    changes, is read after)."""
    with database.unit_of_work() as session:
        summary = AssessmentRepository(session).get(assessment_id)
        if summary is None:
            raise KeyError(assessment_id)
        answers = AssessmentRepository(session).answers(assessment_id)
        profile = ProfileRepository(session).get()
        requests = RequestRepository(session).approved_for(assessment_id)
        packages = PackageRepository(session)
        repeats = None if requests else packages.for_assessment(assessment_id)
        if repeats is not None:
            ids = packages.request_ids(repeats.package_id)
            requests = _still_standing(RequestRepository(session).with_ids(ids))
        offers = read_offers(
            OfferRepository(session),
            RequestRepository(session),
            assessment_id,
            [request.id for request in requests],
        )
        actions = tuple(ActionRepository(session).all_of(assessment_id))
        earlier = read_earlier(AssessmentRepository(session), summary)
        evidence = tuple(EvidenceRepository(session).files(assessment_id))
    framework = assessments.framework_of(summary)
    return ExportSource(
        summary,
        framework,
        answers,
        profile,
        requests,
        offers,
        repeats,
        actions,
        earlier=with_framework(earlier, assessments),
        evidence=evidence,
    )


def _still_standing(carried: tuple[SupportRequest, ...]) -> tuple[SupportRequest, ...]:
    """The requests an earlier package carried, but not those withdrawn since."""
    return tuple(request for request in carried if request.status in CARRIED_AGAIN)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _answers(source: ExportSource) -> tuple[AnswerEntry, ...]:
    entries = []
    for indicator in source.framework.indicators:
        answer = source.answers.get(indicator.id)
        entries.append(
            AnswerEntry(
                indicator=indicator.id,
                area=indicator.area_id,
                question=indicator.question.get(),
                applies=indicator.applies(source.summary.contexts),
                kind=answer.kind.value if answer else None,
                level=answer.level if answer else None,
                note=answer.note if answer else "",
                evidence=answer.evidence if answer else "",
                answered_by=answer.answered_by if answer else "",
                saved_at=_iso(answer.saved_at) if answer else None,
            )
        )
    return tuple(entries)


def _scores(framework: Framework, scores: Scores) -> ScoreEntry:
    return ScoreEntry(
        completion=round(scores.completion * 100, 1),
        overall=rounded(scores.overall),
        aims={aim: rounded(value) for aim, value in scores.aim_scores.items()},
        areas=tuple(
            AreaScore(area.id, area.title.get(), rounded(scores.area_scores[area.id]))
            for area in framework.areas
        ),
    )


def _previous(earlier: EarlierAssessment | None) -> PreviousEntry | None:
    """The earlier assessment's scores, in its own framework version."""
    if earlier is None:
        return None
    summary, framework = earlier.summary, earlier.framework
    scores = _scores(framework, score(framework, earlier.answers, summary.contexts))
    return PreviousEntry(
        summary.id, summary.title, summary.year, scores.overall, scores.aims, scores.areas
    )


def _request(request: SupportRequest, offers: OffersSource) -> RequestEntry:
    """The request as ``request show --json`` gives it (one codec), typed, with its offers of
    interest."""
    data = request_to_dict(request)
    comments = tuple(CommentEntry(**comment) for comment in data.pop("comments"))
    return RequestEntry(
        **data, comments=comments, offers_of_interest=interest_entries(offers, request.id)
    )


def action_entry(action: PlannedAction) -> ActionEntry:
    content = action.content
    return ActionEntry(
        content.gap,
        content.description,
        content.owner,
        content.due.isoformat(),
        action.status.value,
    )


def _assessment(source: ExportSource) -> AssessmentEntry:
    summary, framework = source.summary, source.framework
    return AssessmentEntry(
        id=summary.id,
        title=summary.title,
        year=summary.year,
        status=summary.status.value,
        framework=FrameworkRef(framework.id, framework.version),
        contexts=dict(summary.contexts),
        completed_at=_iso(summary.completed_at),
        answers=_answers(source),
    )


def package_document(
    source: ExportSource,
    profile: Profile,
    prepared_by: str,
    language: str,
    package_id: str,
    created: str,
) -> PackageDocument:
    """Everything the Secretariat needs, with texts in the current language."""
    framework = source.framework
    scores = score(framework, source.answers, source.summary.contexts)
    return PackageDocument(
        format=FORMAT,
        package_id=package_id,
        created=created,
        language=language,
        app_version=__version__,
        prepared_by=prepared_by,
        authority=Authority(
            profile.country_code, profile.authority_name, profile.contact_person, profile.email
        ),
        assessment=_assessment(source),
        scores=_scores(framework, scores),
        gaps=tuple(gap_entry(framework, gap) for gap in scores.gaps),
        insufficient_information=tuple(gap_entry(framework, gap) for gap in scores.insufficient),
        requests=tuple(_request(request, source.offers) for request in source.requests),
        offers_catalogue=catalogue_entry(source.offers),
        unmet_needs=unmet_needs(source.offers, framework, scores.gaps, profile),
        action_plan=tuple(action_entry(action) for action in source.actions),
        previous=_previous(source.earlier),
    )
