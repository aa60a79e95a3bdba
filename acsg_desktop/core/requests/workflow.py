"""Which status changes are allowed, and who may make them."""

from __future__ import annotations

from enum import StrEnum

from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.records.roles import REVIEWER_ROLES

__all__ = ["REVIEWER_ROLES"]  # where request code has always found it

S = RequestStatus
TRANSITIONS: dict[RequestStatus, frozenset[RequestStatus]] = {
    S.DRAFT: frozenset({S.IN_REVIEW, S.WITHDRAWN}),
    S.IN_REVIEW: frozenset({S.DRAFT, S.APPROVED, S.WITHDRAWN}),
    S.APPROVED: frozenset({S.IN_REVIEW, S.EXPORTED, S.WITHDRAWN}),
    S.EXPORTED: frozenset({S.WITHDRAWN}),
    S.WITHDRAWN: frozenset(),
}
EDITABLE = frozenset({S.DRAFT, S.IN_REVIEW, S.APPROVED})
NEEDS_REASON_TO_EDIT = frozenset({S.APPROVED})


def can_move(current: RequestStatus, target: RequestStatus) -> bool:
    """Whether a request may go from ``current`` to ``target``."""
    return target in TRANSITIONS[current]


class RequestAction(StrEnum):
    """What a person can do to a request's status, from the editor or the command line."""

    SUBMIT = "submit"
    SEND_BACK = "send_back"
    APPROVE = "approve"
    RECORD_REPLY = "record_reply"
    WITHDRAW = "withdraw"


ACTION_TARGETS: dict[RequestAction, frozenset[RequestStatus]] = {
    RequestAction.SUBMIT: frozenset({S.IN_REVIEW}),
    RequestAction.SEND_BACK: frozenset({S.DRAFT}),
    RequestAction.APPROVE: frozenset({S.APPROVED}),
    RequestAction.RECORD_REPLY: frozenset(),  # the status stays; the match stage changes
    RequestAction.WITHDRAW: frozenset({S.WITHDRAWN}),
}
# An approved request goes back to review only through an edit with a reason, never "submit".
# The Secretariat's reply changes the match stage of an exported request, not its status.
ACTION_SOURCES: dict[RequestAction, frozenset[RequestStatus]] = {
    RequestAction.SUBMIT: frozenset({S.DRAFT}),
    RequestAction.RECORD_REPLY: frozenset({S.EXPORTED}),
}


def available_actions(current: RequestStatus) -> frozenset[RequestAction]:
    """The status actions a request that is ``current`` offers (the editor's buttons).

    Args:
        current: the request's status now.

    Returns:
        Each action whose every target status is allowed from ``current``; the service still
        checks roles, comments and texts when the action is taken.
    """
    return frozenset(
        action
        for action, targets in ACTION_TARGETS.items()
        if all(can_move(current, target) for target in targets)
        and current in ACTION_SOURCES.get(action, frozenset(RequestStatus))
    )


def is_editable(current: RequestStatus) -> bool:
    """Whether the content of a request that is ``current`` may still be changed."""
    return current in EDITABLE
