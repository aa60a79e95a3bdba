"""The overview's next action: each rule of core/overview/next_action.py, in its order."""

from dataclasses import replace

import pytest

from acsg_desktop.core.assessment.navigator import REVIEW_STEP
from acsg_desktop.core.overview.facts import (
    AreaStanding,
    AssessmentStanding,
    GapFact,
    OverviewFacts,
    PackageFact,
)
from acsg_desktop.core.overview.next_action import ActionKind, next_action
from acsg_desktop.core.records.assessment import AssessmentStatus, AssessmentSummary
from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.store.assessment_repository import utc_now

SUMMARY = AssessmentSummary(7, "2026 follow-up", 2026, "acsg", "2026.2", AssessmentStatus.COMPLETED)
DONE = (AreaStanding("a", "Appeals", 4, 4), AreaStanding("b", "Legal aid", 4, 4))
LEFT = (
    AreaStanding("a", "Appeals", 4, 4),
    AreaStanding("b", "Legal aid", 1, 4, "b.second"),
    AreaStanding("c", "Partnerships", 0, 5, "c.first"),
)
GAP = GapFact("Appeals", "a.one", "Is there an appeal?", 1, 3)


def facts(
    status: AssessmentStatus = AssessmentStatus.COMPLETED,
    areas: tuple[AreaStanding, ...] = DONE,
    **changes: object,
) -> OverviewFacts:
    standing = AssessmentStanding(replace(SUMMARY, status=status), areas, ())
    stages = {s: 0 for s in RequestStatus}
    stages.update(changes.pop("stages", {}))  # type: ignore[call-overload]
    return replace(OverviewFacts(standing=standing, requests_by_stage=stages), **changes)


def package(status: str, verification: str = "") -> PackageFact:
    return PackageFact(
        "p-1", 3, utc_now(), status, utc_now() if verification else None, verification
    )


def test_without_an_assessment_the_action_is_to_start_one() -> None:
    assert next_action(OverviewFacts()).kind is ActionKind.START_ASSESSMENT


def test_questions_left_lead_to_the_first_unfinished_area_at_its_first_unanswered_question() -> (
    None
):
    action = next_action(facts(AssessmentStatus.IN_PROGRESS, LEFT, waiting_for_user=2))
    assert action.kind is ActionKind.ANSWER_AREA  # before the reviews: requests come from it
    assert (action.count, action.area_title, action.step) == (3, "Legal aid", "b.second")
    assert action.assessment_id == 7
    assert action.text() == "Answer the 3 questions left in the area “Legal aid”."


def test_everything_answered_in_progress_leads_to_review_and_complete() -> None:
    action = next_action(facts(AssessmentStatus.IN_PROGRESS, DONE))
    assert (action.kind, action.step) == (ActionKind.COMPLETE_ASSESSMENT, REVIEW_STEP)


def test_requests_waiting_for_the_user_come_before_exporting() -> None:
    action = next_action(facts(waiting_for_user=2, stages={RequestStatus.APPROVED: 1}))
    assert (action.kind, action.count) == (ActionKind.REVIEW_REQUESTS, 2)
    assert action.text() == "Review the 2 support requests waiting for you."


def test_approved_requests_lead_to_an_export() -> None:
    action = next_action(facts(stages={RequestStatus.APPROVED: 1}, last_package=package("sent")))
    assert (action.kind, action.count) == (ActionKind.EXPORT_APPROVED, 1)
    assert action.text() == "Export the 1 approved support request in a signed package."


@pytest.mark.parametrize(
    ("status", "verification", "kind"),
    [
        ("exported", "", ActionKind.SEND_PACKAGE),
        ("sent", "", ActionKind.IMPORT_RECEIPT),
        ("acknowledged", "verified", ActionKind.SEE_RESULTS),
        ("held", "held", ActionKind.SEE_RESULTS),
    ],
)
def test_the_last_package_is_sent_then_its_receipt_imported(status, verification, kind) -> None:
    sent = {RequestStatus.EXPORTED: 1}
    action = next_action(facts(last_package=package(status, verification), stages=sent))
    assert action.kind is kind
    if kind is ActionKind.IMPORT_RECEIPT:
        assert action.text() == "Import the Secretariat's receipt for package 3 once it arrives."


def test_drafts_come_after_the_package_and_gaps_without_requests_lead_to_drafting() -> None:
    drafts = facts(stages={RequestStatus.DRAFT: 2}, top_gaps=(GAP,))
    assert (next_action(drafts).kind, next_action(drafts).count) == (ActionKind.FINISH_DRAFTS, 2)
    only_withdrawn = facts(stages={RequestStatus.WITHDRAWN: 3}, top_gaps=(GAP,))
    assert next_action(only_withdrawn).kind is ActionKind.DRAFT_FROM_GAPS
    exported = facts(stages={RequestStatus.EXPORTED: 1}, top_gaps=(GAP,))
    assert next_action(exported).kind is ActionKind.SEE_RESULTS
    assert next_action(facts()).kind is ActionKind.SEE_RESULTS  # no gap: nothing to draft


def test_the_sentence_and_the_button_are_in_french(french: None) -> None:
    action = next_action(facts(AssessmentStatus.IN_PROGRESS, LEFT))
    expected = "Il reste 3 questions dans le domaine «\u00a0Legal aid\u00a0»\u00a0: répondez-y."
    assert action.text() == expected
    assert action.button_text() == "&Répondre à ces questions"
