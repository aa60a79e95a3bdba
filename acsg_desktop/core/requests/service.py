"""Support requests over the store: drafting, editing, review, approval; every change audited."""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from typing import Any

from acsg_desktop.core.audit.chain import AuditEntry, conflict_with
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.people.accounts import require_administrator
from acsg_desktop.core.records.request_codec import content_to_dict
from acsg_desktop.core.records.requests import (
    MatchStage,
    RequestContent,
    RequestStatus,
    SupportRequest,
)
from acsg_desktop.core.requests.blank import is_blank_draft
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.requests.request_reads import RequestReads
from acsg_desktop.core.requests.validation import (
    checked_content,
    completeness,
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
from acsg_desktop.core.store.person_repository import PersonRepository
from acsg_desktop.core.store.request_repository import RequestRepository
from acsg_desktop.core.store.setting_repository import SettingRepository
from acsg_desktop.core.text_rules import REVIEW_TEXT, clean, text_problem

SELF_APPROVAL_SETTING = "allow_self_approval"
ENTITY = "request"
_UNAPPROVED = {"approved_by": "", "approved_at": None, "approval_waived": False}


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


class RequestService(RequestReads):
    """Everything the request screens and the CLI do with support requests."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def fill_completeness(self) -> int:
        """Work out the completeness of the requests stored before it was kept with them (once,
        after the migration that added it); returns how many."""
        with self._database.unit_of_work() as session:
            repository = RequestRepository(session)
            missing = repository.without_completeness()
            repository.set_completeness(
                {request_id: completeness(content) for request_id, content in missing}
            )
        return len(missing)

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
            new_id = RequestRepository(session).add(content, actor, completeness(content))
            AuditRepository(session).append(
                actor, ENTITY, str(new_id), "create", new_value=content.title
            )
        return self.get(new_id)

    @contextmanager
    def _changing(
        self, request_id: int, expected_version: int | None
    ) -> Iterator[tuple[Any, SupportRequest]]:
        """One unit of work in which the request is read (on a server, locked), checked to be
        the version the user saw, then changed: nothing is decided on a stale read."""
        with self._database.unit_of_work() as session:
            request = RequestRepository(session).get(request_id, for_update=True)
            if request is None:
                raise RequestError(_("There is no support request {id}.").format(id=request_id))
            if expected_version is not None and request.version != expected_version:
                raise conflict_with(AuditRepository(session).latest(ENTITY, str(request_id)))
            yield session, request

    def update(
        self,
        request_id: int,
        content: RequestContent,
        *,
        actor: str,
        reason: str = "",
        expected_version: int | None = None,
    ) -> SupportRequest:
        """Save edits. An approved request needs a reason, and goes back to review.

        Raises:
            RequestError: the request cannot be changed, or a text breaks its rules.
            ConflictError: someone changed it since ``expected_version``; nothing was saved.
        """
        content, reason = _checked(content), _review_text(reason)
        with self._changing(request_id, expected_version) as (session, current):
            if current.status not in EDITABLE:
                raise RequestError(_("This request was exported and can no longer be changed."))
            if current.status in NEEDS_REASON_TO_EDIT and not reason:
                raise RequestError(_("This request is approved: say why you are changing it."))
            changes = _changed_fields(current.content, content)
            if not changes:
                return current
            repository, audit = RequestRepository(session), AuditRepository(session)
            if current.status in NEEDS_REASON_TO_EDIT:
                repository.move(current, RequestStatus.IN_REVIEW, actor, reason, **_UNAPPROVED)
            repository.update(
                request_id, content=content, last_editor=actor, completeness=completeness(content)
            )
            for name, old, new in changes:
                audit.append(actor, ENTITY, str(request_id), f"edit:{name}", old, new, reason)
        return self.get(request_id)

    def _move(
        self,
        request_id: int,
        target: RequestStatus,
        actor: str,
        reason: str = "",
        expected_version: int | None = None,
        check: Callable[[Any, SupportRequest], dict[str, Any]] | None = None,
    ) -> SupportRequest:
        """Move the request to ``target`` in one unit of work; ``check`` may refuse (raise) or
        return more columns to change, reading in the same transaction."""
        with self._changing(request_id, expected_version) as (session, request):
            if not can_move(request.status, target):
                raise RequestError(
                    _("A request that is “{current}” cannot become “{target}”.").format(
                        current=label(request.status), target=label(target)
                    )
                )
            changes = check(session, request) if check else {}
            reason = changes.pop("reason", reason)
            RequestRepository(session).move(request, target, actor, reason, **changes)
        return self.get(request_id)

    def submit_for_review(
        self, request_id: int, *, actor: str, expected_version: int | None = None
    ) -> SupportRequest:
        """Send a complete draft to the reviewers; refused with every problem listed."""

        def complete(_session: Any, request: SupportRequest) -> dict[str, Any]:
            problems = request_problems(request.content)
            if problems:
                raise RequestError(
                    _("The request is not complete yet:") + "\n" + "\n".join(problems.values()),
                    problems,
                )
            return {}

        return self._move(
            request_id, RequestStatus.IN_REVIEW, actor, "", expected_version, complete
        )

    def send_back(
        self, request_id: int, *, actor: str, reason: str, expected_version: int | None = None
    ) -> SupportRequest:
        """A reviewer returns the request to its drafter."""
        return self._move(request_id, RequestStatus.DRAFT, actor, reason, expected_version)

    @staticmethod
    def _require_reviewer(session: Any, actor: str) -> None:
        roles = dict(PersonRepository(session).people()).get(actor, ())
        if not set(roles) & set(REVIEWER_ROLES):
            raise RequestError(
                _("{name} is not a reviewer or signatory; ask one to do this.").format(name=actor)
            )

    def comment(self, request_id: int, body: str, *, actor: str) -> SupportRequest:
        """A reviewer's comment; the drafter answers it before approval."""
        body = _review_text(body)
        with self._changing(request_id, None) as (session, request):
            self._require_reviewer(session, actor)
            if request.status not in (RequestStatus.DRAFT, RequestStatus.IN_REVIEW):
                raise RequestError(
                    _("Comments are made while the request is a draft or in review.")
                )
            if not body:
                raise RequestError(_("Write the comment first."))
            comment_id = RequestRepository(session).add_comment(request_id, actor, body)
            AuditRepository(session).append(
                actor, ENTITY, str(request_id), f"comment:{comment_id}", new_value=body
            )
        return self.get(request_id)

    def respond(
        self, request_id: int, comment_id: int, response: str, *, actor: str
    ) -> SupportRequest:
        """The drafter's response to one comment (never by the comment's own author)."""
        response = _review_text(response)
        with self._changing(request_id, None) as (session, request):
            comment = next((c for c in request.comments if c.id == comment_id), None)
            if comment is None:
                raise RequestError(_("There is no such comment on this request."))
            if not response:
                raise RequestError(_("Write the response first."))
            if actor == comment.author:
                raise RequestError(
                    _("{name} wrote this comment; someone else answers it.").format(name=actor)
                )
            RequestRepository(session).respond(comment_id, actor, response)
            AuditRepository(session).append(
                actor,
                ENTITY,
                str(request_id),
                f"response:{comment_id}",
                comment.response,
                response,
            )
        return self.get(request_id)

    def self_approval_allowed(self) -> bool:
        with self._database.unit_of_work() as session:
            return SettingRepository(session).get(SELF_APPROVAL_SETTING) == "yes"

    def allow_self_approval(self, allowed: bool, *, actor: str, proof: str | None = None) -> None:
        """The waiver for single-person offices, set by an administrator proving it with
        ``proof``; the change is recorded in the audit log."""
        value = "yes" if allowed else "no"
        with self._database.unit_of_work() as session:
            require_administrator(session, actor, proof)
            repository = SettingRepository(session)
            before = repository.get(SELF_APPROVAL_SETTING) or "no"
            repository.set(SELF_APPROVAL_SETTING, value)
            AuditRepository(session).append(
                actor, "setting", SELF_APPROVAL_SETTING, "set", before, value
            )

    def approve(
        self, request_id: int, *, actor: str, expected_version: int | None = None
    ) -> SupportRequest:
        """Approve a request in review: by a reviewer or signatory, every comment answered, and
        not by its last editor alone unless the single-person waiver is on (then recorded).
        Every rule is checked in the transaction that approves."""

        def approvable(session: Any, request: SupportRequest) -> dict[str, Any]:
            self._require_reviewer(session, actor)
            if any(not comment.answered for comment in request.comments):
                raise RequestError(_("Every review comment needs a response before approval."))
            waived = actor == request.last_editor
            allowed = SettingRepository(session).get(SELF_APPROVAL_SETTING) == "yes"
            if waived and not allowed:
                raise RequestError(
                    _(
                        "You edited this request last, so another person must approve it. A "
                        "single-person office can allow this in Settings."
                    )
                )
            return {
                "reason": "self-approval waiver" if waived else "",
                "approved_by": actor,
                "approved_at": utc_now(),
                "approval_waived": waived,
            }

        return self._move(
            request_id, RequestStatus.APPROVED, actor, "", expected_version, approvable
        )

    def mark_exported(self, request_id: int, *, actor: str) -> SupportRequest:
        return self._move(request_id, RequestStatus.EXPORTED, actor)

    def record_reply(
        self,
        request_id: int,
        stage: MatchStage,
        *,
        actor: str,
        message: str = "",
        expected_version: int | None = None,
    ) -> SupportRequest:
        """The Secretariat's reply to an exported request: its match stage and message, set by
        a reviewer or signatory and audited (later also from a signed receipt)."""
        message = _review_text(message)
        with self._changing(request_id, expected_version) as (session, request):
            self._require_reviewer(session, actor)
            if request.status is not RequestStatus.EXPORTED:
                raise RequestError(_("Only an exported request has a reply from the Secretariat."))
            if (request.match_stage, request.match_message) == (stage, message):
                return request
            RequestRepository(session).update(
                request_id, match_stage=stage.value, match_message=message
            )
            before = request.match_stage.value if request.match_stage else ""
            AuditRepository(session).append(
                actor, ENTITY, str(request_id), "match_stage", before, stage.value, message
            )
        return self.get(request_id)

    def delete_blank(
        self, request_id: int, *, actor: str, expected_version: int | None = None
    ) -> None:
        """Remove a draft nothing was written in yet (a "New request" made by mistake); the
        audit log keeps its creation and its deletion. A request with content is withdrawn,
        never deleted.

        Raises:
            RequestError: the request is not a blank draft.
            ConflictError: someone changed it since ``expected_version``; nothing was deleted.
        """
        with self._changing(request_id, expected_version) as (session, request):
            if not is_blank_draft(request):
                raise RequestError(
                    _("Only a draft with nothing written in it can be deleted: withdraw it.")
                )
            RequestRepository(session).delete(request_id)
            AuditRepository(session).append(actor, ENTITY, str(request_id), "delete")

    def withdraw(
        self, request_id: int, *, actor: str, reason: str, expected_version: int | None = None
    ) -> SupportRequest:
        reason = _review_text(reason)
        if not reason:
            raise RequestError(_("Say why the request is withdrawn."))
        return self._move(request_id, RequestStatus.WITHDRAWN, actor, reason, expected_version)
