"""What an export changes, done inside the export's own transaction: the assessment is locked
and each request it carries becomes "exported", each change audited."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from acsg_desktop.core.assessment.model import AssessmentStatus
from acsg_desktop.core.requests.model import RequestStatus
from acsg_desktop.core.requests.workflow import can_move
from acsg_desktop.core.store.assessment_repository import AssessmentRepository
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.request_repository import RequestRepository

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

LOG = logging.getLogger(__name__)


def lock_assessment(session: Session, assessment_id: int, actor: str) -> None:
    """Lock a completed assessment; one already locked stays as it is."""
    if AssessmentRepository(session).status(assessment_id) is not AssessmentStatus.COMPLETED:
        return
    AssessmentRepository(session).update(assessment_id, status=AssessmentStatus.LOCKED)
    AuditRepository(session).append(
        actor, "assessment", str(assessment_id), "status", "completed", "locked"
    )


def mark_request_exported(session: Session, request_id: int, actor: str) -> None:
    """Move an approved request to "exported"; one that moved on since is left and logged."""
    request = RequestRepository(session).get(request_id)
    if request is None or not can_move(request.status, RequestStatus.EXPORTED):
        LOG.warning("request %s could not be marked exported", request_id)
        return
    RequestRepository(session).update(request_id, status=RequestStatus.EXPORTED)
    AuditRepository(session).append(
        actor, "request", str(request_id), "status", request.status.value, "exported"
    )
