"""The request rules the GUI and the CLI ask from the core: actions, filter, whole-request data."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from acsg_desktop.core.records.request_codec import request_to_dict
from acsg_desktop.core.records.requests import (
    Comment,
    RequestStatus,
    SupportRequest,
    SupportType,
)
from acsg_desktop.core.requests.filters import RequestFilter, filter_requests
from acsg_desktop.core.requests.workflow import RequestAction, available_actions, is_editable
from tests.core.requests.helpers import COMPLETE, DRAFTER, REVIEWER

S, A = RequestStatus, RequestAction
NOW = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)


def request(status: RequestStatus = S.DRAFT, **changes: object) -> SupportRequest:
    made = SupportRequest(
        id=7,
        content=COMPLETE,
        status=status,
        created_by=DRAFTER,
        created_at=NOW,
        last_editor=DRAFTER,
        updated_at=NOW,
    )
    return replace(made, **changes)


@pytest.mark.parametrize(
    ("status", "actions"),
    [
        (S.DRAFT, {A.SUBMIT, A.WITHDRAW}),
        (S.IN_REVIEW, {A.SEND_BACK, A.APPROVE, A.WITHDRAW}),
        (S.APPROVED, {A.WITHDRAW}),
        (S.EXPORTED, {A.RECORD_REPLY, A.WITHDRAW}),
        (S.WITHDRAWN, set()),
    ],
)
def test_the_actions_offered_follow_the_transitions(
    status: RequestStatus, actions: set[RequestAction]
) -> None:
    assert available_actions(status) == actions


def test_only_drafts_in_review_and_approved_requests_can_be_edited() -> None:
    assert {s for s in S if is_editable(s)} == {S.DRAFT, S.IN_REVIEW, S.APPROVED}


def test_the_filter_keeps_what_meets_every_criterion() -> None:
    coi = request(S.IN_REVIEW)
    other = request(
        id=8,
        content=replace(COMPLETE, title="Appeals training", areas=("appeals",), support_types=()),
    )
    both = [coi, other]
    assert filter_requests(both, RequestFilter()) == both
    assert filter_requests(both, RequestFilter(status=S.IN_REVIEW)) == [coi]
    assert filter_requests(both, RequestFilter(area="appeals")) == [other]
    assert filter_requests(both, RequestFilter(support_type=SupportType.TECHNICAL)) == [coi]
    assert filter_requests(both, RequestFilter(text="  APPEALS ")) == [other]
    assert filter_requests(both, RequestFilter(status=S.DRAFT, area="evidence-coi")) == []


def test_the_filter_from_plain_values_refuses_an_unknown_status() -> None:
    assert RequestFilter.from_values("draft", "", "technical") == RequestFilter(
        status=S.DRAFT, support_type=SupportType.TECHNICAL
    )
    assert RequestFilter.from_values() == RequestFilter()
    with pytest.raises(ValueError):
        RequestFilter.from_values(status="lost")


def test_a_request_not_yet_approved_has_nobody_as_its_approver() -> None:
    document = request_to_dict(request())
    assert document["approved_by"] is None and document["approved_at"] is None
    assert document["content"]["title"] == COMPLETE.title
    json.dumps(document)


def test_an_approved_request_names_its_approver_and_keeps_the_comments() -> None:
    comment = Comment(id=1, author=REVIEWER, body="How many?", created_at=NOW, response="Twelve.")
    approved = request(S.APPROVED, approved_by=REVIEWER, approved_at=NOW, comments=(comment,))
    document = request_to_dict(approved)
    assert (document["status"], document["approved_by"]) == ("approved", REVIEWER)
    assert document["approved_at"] == NOW.isoformat()
    assert document["comments"] == [
        {"author": REVIEWER, "body": "How many?", "response": "Twelve.", "responded_by": ""}
    ]
