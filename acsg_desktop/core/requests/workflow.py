"""Which status changes are allowed, and who may make them."""

from __future__ import annotations

from acsg_desktop.core.requests.model import RequestStatus

S = RequestStatus
TRANSITIONS: dict[RequestStatus, frozenset[RequestStatus]] = {
    S.DRAFT: frozenset({S.IN_REVIEW, S.WITHDRAWN}),
    S.IN_REVIEW: frozenset({S.DRAFT, S.APPROVED, S.WITHDRAWN}),
    S.APPROVED: frozenset({S.IN_REVIEW, S.EXPORTED, S.WITHDRAWN}),
    S.EXPORTED: frozenset({S.MATCHED, S.NOT_MATCHED, S.WITHDRAWN}),
    S.MATCHED: frozenset(),
    S.NOT_MATCHED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
EDITABLE = frozenset({S.DRAFT, S.IN_REVIEW, S.APPROVED})
NEEDS_REASON_TO_EDIT = frozenset({S.APPROVED})
REVIEWER_ROLES = frozenset({"reviewer", "signatory"})


def can_move(current: RequestStatus, target: RequestStatus) -> bool:
    """Whether a request may go from ``current`` to ``target``."""
    return target in TRANSITIONS[current]
