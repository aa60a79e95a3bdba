"""`acsg demo`: an invented authority with a completed 2025 baseline and a 2026 follow-up.

For training workshops and tests. The country (Valdoria, code XA) and its asylum commission are
fictional. The answers follow one script rather than chance, so that a trainer can tell the
story: a young first-instance commission with a law and a case register, a backlog, no country
of origin information unit, no quality assurance and almost no legal aid; a year later the
capacity plan and the backlog plan have moved, the rest has not. Indicators of one area share a
level unless EXCEPTIONS gives one its own level, evidence and note; related indicators of
different areas agree (second review, appeal feedback, allocation); the evidence named fits each
indicator, and nothing above level 1 goes without it.
"""

from __future__ import annotations

from dataclasses import dataclass

from acsg_desktop.core.demo.country import DEMO_AUTHORITY, DEMO_COUNTRY
from acsg_desktop.core.demo.requests import add_demo_officials, create_demo_requests
from acsg_desktop.core.demo.script import (
    CONTEXT_SCRIPT,
    PEOPLE,
    UNFINISHED_IN_FOLLOW_UP,
    UNKNOWN_IN_BASELINE,
    script_for,
    scripted_level,
    typeset,
)
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.framework.model import Framework, Indicator
from acsg_desktop.core.i18n import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, _, language_as
from acsg_desktop.core.records.assessment import Answer, AnswerKind, AssessmentSummary
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.records.requests import SupportRequest
from acsg_desktop.core.workspace import Workspace


@dataclass(frozen=True)
class DemoResult:
    baseline: AssessmentSummary
    follow_up: AssessmentSummary
    requests: list[SupportRequest]


def _answer(indicator: Indicator, position: int, language: str, follow_up: bool) -> Answer:
    if indicator.id in UNKNOWN_IN_BASELINE and not follow_up:
        return Answer(indicator.id, AnswerKind.INSUFFICIENT_INFORMATION, answered_by=PEOPLE[2])
    level = scripted_level(indicator, follow_up)
    area = script_for(indicator)  # the indicator's own texts where it has them
    return Answer(
        indicator_id=indicator.id,
        kind=AnswerKind.LEVEL,
        level=level,
        note=typeset(area.note[language], language),
        evidence=typeset(area.evidence[language], language) if level >= 2 else "",
        answered_by=PEOPLE[position % len(PEOPLE)],
    )


def _fill(
    workspace: Workspace,
    assessment: AssessmentSummary,
    framework: Framework,
    language: str,
    follow_up: bool,
) -> None:
    service = workspace.assessments
    contexts = {context.id: CONTEXT_SCRIPT.get(context.id, False) for context in framework.contexts}
    service.set_contexts(assessment.id, contexts, actor=PEOPLE[0])
    applicable = [i for i in framework.indicators if i.applies(contexts)]
    for position, indicator in enumerate(applicable):
        if follow_up and position >= len(applicable) - UNFINISHED_IN_FOLLOW_UP:
            break
        answer = _answer(indicator, position, language, follow_up)
        service.save_answer(assessment.id, answer, actor=answer.answered_by)


def create_demo(workspace: Workspace, language: str) -> DemoResult:
    """Fill an empty data folder with the demo authority and its two assessments, titled and
    annotated in ``language`` (English, French or Spanish; English for any other)."""
    language = language if language in SUPPORTED_LANGUAGES else SOURCE_LANGUAGE
    with language_as(language):
        return _create_demo(workspace, language)


def _create_demo(workspace: Workspace, language: str) -> DemoResult:
    if workspace.assessments.list() or workspace.people.needs_sign_in():
        raise AcsgError(
            _("This data folder already holds assessments; run the demo in an empty folder.")
        )
    if workspace.database.is_server:
        add_demo_officials(workspace)
    if workspace.profiles.get() is None:
        workspace.profiles.save(
            Profile(
                DEMO_COUNTRY,
                DEMO_AUTHORITY.get(language, DEMO_AUTHORITY["en"]),
                PEOPLE[0],
                "demo@example.org",
                language,
            )
        )
    service = workspace.assessments
    framework = service.shipped_framework()
    baseline = service.create(_("2025 baseline"), 2025, actor=PEOPLE[0])
    _fill(workspace, baseline, framework, language, follow_up=False)
    service.complete(baseline.id, actor=PEOPLE[0])
    follow_up = service.create(_("2026 follow-up"), 2026, actor=PEOPLE[0])
    _fill(workspace, follow_up, framework, language, follow_up=True)
    if workspace.offers.catalogue().version == 0:
        workspace.offers.load_example()
    requests = create_demo_requests(workspace, service.get(baseline.id), language)
    if not workspace.database.is_server:
        workspace.set_current_user(PEOPLE[0])
    return DemoResult(service.get(baseline.id), service.get(follow_up.id), requests)
