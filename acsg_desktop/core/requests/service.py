"""Support requests over the store: drafting, editing, review, approval; every change audited."""

from __future__ import annotations

import builtins
import json
from dataclasses import fields

from acsg_desktop.core.audit import AuditEntry
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.people import PeopleService
from acsg_desktop.core.requests.codec import content_to_dict
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.requests.model import RequestContent, RequestStatus, SupportRequest
from acsg_desktop.core.requests.validation import (
    checked_content,
    request_problems,
    text_problems_of,
)
from acsg_desktop.core.requests.workflow import (
    EDITABLE,
    NEEDS_REASON_TO_EDIT,
    REVIEWER_ROLES,
    can_move,
)
from acsg_desktop.core.store.assessment_repository import utc_now
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.request_repository import RequestRepository
from acsg_desktop.core.store.setting_repository import SettingRepository
from acsg_desktop.core.text_rules import REVIEW_TEXT, clean, text_problem

SELF_APPROVAL_SETTING = "allow_self_approval"
ENTITY = "request"


class RequestError(AcsgError):
    """A request action was refused; nothing changed. ``problems`` maps fields to messages."""

    def __init__(self, message: str, problems: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or {}


def _checked(content: RequestContent) -> RequestContent:
    """``content`` cleaned (multi-line texts), or RequestError naming each text over its cap."""
    content = checked_content(content)
    problems = text_problems_of(content)
    if problems:
        raise RequestError("\n".join(problems.values()), problems)
    return content


def _review_text(text: str) -> str:
    """A comment, response or reason, cleaned and stripped; RequestError when over its cap."""
    text = clean(text).strip()
    problem = text_problem(REVIEW_TEXT, text)
    if problem:
        raise RequestError(problem)
    return text


def _changed_fields(before: RequestContent, after: RequestContent) -> list[tuple[str, str, str]]:
    old, new = content_to_dict(before), content_to_dict(after)
    return [
        (name, json.dumps(old[name], ensure_ascii=False), json.dumps(new[name], ensure_ascii=False))
        for name in (f.name for f in fields(RequestContent))
        if old[name] != new[name]
    ]


class RequestService:
    """Everything the request screens and the CLI do with support requests."""

    def __init__(self, database: Database, people: PeopleService) -> None:
        self._database = database
        self._people = people

    def list(self) -> list[SupportRequest]:
        with self._database.unit_of_work() as session:
            return RequestRepository(session).list()

    def get(self, request_id: int) -> SupportRequest:
        with self._database.unit_of_work() as session:
            found = RequestRepository(session).get(request_id)
        if found is None:
            raise RequestError(_("There is no support request {id}.").format(id=request_id))
        return found

    def history(self, request_id: int) -> builtins.list[AuditEntry]:
        """Every recorded change to the request, oldest first."""
        with self._database.unit_of_work() as session:
            return AuditRepository(session).history(ENTITY, str(request_id))

    def create(self, content: RequestContent, *, actor: str) -> SupportRequest:
        """Store a new draft (it may be incomplete, but no text may be over its cap)."""
        content = _checked(content)
        with self._database.unit_of_work() as session:
            new_id = RequestRepository(session).add(content, actor)
            AuditRepository(session).append(
                actor, ENTITY, str(new_id), "create", new_value=content.title
            )
        return self.get(new_id)

    def update(
        self, request_id: int, content: RequestContent, *, actor: str, reason: str = ""
    ) -> SupportRequest:
        """Save edits. An approved request needs a reason, and goes back to review."""
        current = self.get(request_id)
        if current.status not in EDITABLE:
            raise RequestError(_("This request was exported and can no longer be changed."))
        if current.status in NEEDS_REASON_TO_EDIT and not reason.strip():
            raise RequestError(_("This request is approved: say why you are changing it."))
        content, reason = _checked(content), _review_text(reason)
        changes = _changed_fields(current.content, content)
        if not changes:
            return current
        with self._database.unit_of_work() as session:
            repository, audit = RequestRepository(session), AuditRepository(session)
            extra = {}
            if current.status in NEEDS_REASON_TO_EDIT:
                extra = {
                    "status": RequestStatus.IN_REVIEW,
                    "approved_by": "",
                    "approved_at": None,
                    "approval_waived": False,
                }
                audit.append(
                    actor,
                    ENTITY,
                    str(request_id),
                    "status",
                    current.status.value,
                    RequestStatus.IN_REVIEW.value,
                    reason,
                )
            repository.update(request_id, content=content, last_editor=actor, **extra)
            for name, old, new in changes:
                audit.append(actor, ENTITY, str(request_id), f"edit:{name}", old, new, reason)
        return self.get(request_id)

    def _move(
        self,
        request: SupportRequest,
        target: RequestStatus,
        actor: str,
        reason: str = "",
        **changes: object,
    ) -> SupportRequest:
        if not can_move(request.status, target):
            raise RequestError(
                _("A request that is “{current}” cannot become “{target}”.").format(
                    current=label(request.status), target=label(target)
                )
            )
        with self._database.unit_of_work() as session:
            RequestRepository(session).move(request, target, actor, reason, **changes)
        return self.get(request.id)

    def submit_for_review(self, request_id: int, *, actor: str) -> SupportRequest:
        """Send a complete draft to the reviewers; refused with every problem listed."""
        request = self.get(request_id)
        problems = request_problems(request.content)
        if problems:
            raise RequestError(
                _("The request is not complete yet:") + "\n" + "\n".join(problems.values()),
                problems,
            )
        return self._move(request, RequestStatus.IN_REVIEW, actor)

    def send_back(self, request_id: int, *, actor: str, reason: str) -> SupportRequest:
        """A reviewer returns the request to its drafter."""
        return self._move(self.get(request_id), RequestStatus.DRAFT, actor, reason)

    def _require_reviewer(self, actor: str) -> None:
        person = self._people.get(actor)
        if person is None or not person.has_any(REVIEWER_ROLES):
            raise RequestError(
                _("{name} is not a reviewer or signatory; ask one to do this.").format(name=actor)
            )

    def comment(self, request_id: int, body: str, *, actor: str) -> SupportRequest:
        """A reviewer's comment; the drafter answers it before approval."""
        self._require_reviewer(actor)
        request = self.get(request_id)
        if request.status not in (RequestStatus.DRAFT, RequestStatus.IN_REVIEW):
            raise RequestError(_("Comments are made while the request is a draft or in review."))
        body = _review_text(body)
        if not body:
            raise RequestError(_("Write the comment first."))
        with self._database.unit_of_work() as session:
            comment_id = RequestRepository(session).add_comment(request_id, actor, body.strip())
            AuditRepository(session).append(
                actor, ENTITY, str(request_id), f"comment:{comment_id}", new_value=body.strip()
            )
        return self.get(request_id)

    def respond(
        self, request_id: int, comment_id: int, response: str, *, actor: str
    ) -> SupportRequest:
        """The drafter's response to one comment."""
        request = self.get(request_id)
        comment = next((c for c in request.comments if c.id == comment_id), None)
        if comment is None:
            raise RequestError(_("There is no such comment on this request."))
        response = _review_text(response)
        if not response:
            raise RequestError(_("Write the response first."))
        with self._database.unit_of_work() as session:
            RequestRepository(session).respond(comment_id, actor, response.strip())
            AuditRepository(session).append(
                actor,
                ENTITY,
                str(request_id),
                f"response:{comment_id}",
                comment.response,
                response.strip(),
            )
        return self.get(request_id)

    def self_approval_allowed(self) -> bool:
        with self._database.unit_of_work() as session:
            return SettingRepository(session).get(SELF_APPROVAL_SETTING) == "yes"

    def allow_self_approval(self, allowed: bool, *, actor: str) -> None:
        """The waiver for single-person offices; the change is recorded in the audit log."""
        value = "yes" if allowed else "no"
        with self._database.unit_of_work() as session:
            repository = SettingRepository(session)
            before = repository.get(SELF_APPROVAL_SETTING) or "no"
            repository.set(SELF_APPROVAL_SETTING, value)
            AuditRepository(session).append(
                actor, "setting", SELF_APPROVAL_SETTING, "set", before, value
            )

    def approve(self, request_id: int, *, actor: str) -> SupportRequest:
        """Approve a request in review: by a reviewer or signatory, every comment answered, and
        not by its last editor alone unless the single-person waiver is on (then recorded)."""
        self._require_reviewer(actor)
        request = self.get(request_id)
        if any(not comment.answered for comment in request.comments):
            raise RequestError(_("Every review comment needs a response before approval."))
        waived = actor == request.last_editor
        if waived and not self.self_approval_allowed():
            raise RequestError(
                _(
                    "You edited this request last, so another person must approve it. A "
                    "single-person office can allow this in Settings."
                )
            )
        return self._move(
            request,
            RequestStatus.APPROVED,
            actor,
            "self-approval waiver" if waived else "",
            approved_by=actor,
            approved_at=utc_now(),
            approval_waived=waived,
        )

    def mark_exported(self, request_id: int, *, actor: str) -> SupportRequest:
        return self._move(self.get(request_id), RequestStatus.EXPORTED, actor)

    def record_outcome(
        self, request_id: int, matched: bool, *, actor: str, note: str = ""
    ) -> SupportRequest:
        """The Secretariat's reply: matched with an offer, or not."""
        target = RequestStatus.MATCHED if matched else RequestStatus.NOT_MATCHED
        return self._move(self.get(request_id), target, actor, note)

    def withdraw(self, request_id: int, *, actor: str, reason: str) -> SupportRequest:
        if not reason.strip():
            raise RequestError(_("Say why the request is withdrawn."))
        return self._move(self.get(request_id), RequestStatus.WITHDRAWN, actor, reason)
