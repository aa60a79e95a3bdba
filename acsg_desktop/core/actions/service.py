"""The action plan over the store: actions made from gaps, edited, moved through their
statuses, deleted while planned; every change audited in the unit of work that makes it."""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields, replace
from datetime import date, timedelta
from typing import Any

from acsg_desktop.core.actions.labels import status_label, suggested_description
from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.assessment.service import AssessmentService
from acsg_desktop.core.audit.chain import AuditEntry, conflict_with
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.core.people.accounts import NotAllowed, roles_of
from acsg_desktop.core.records.actions import ActionContent, ActionStatus, PlannedAction
from acsg_desktop.core.records.list_rows import PageOrder
from acsg_desktop.core.store.action_repository import ActionRepository
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.text_rules import LONG_TEXT_CAP, NAME_CAP, TextField, clean, text_problem

ENTITY = "plan_action"
# Who may change the plan (an office's every working role).
PLANNER_ROLES = frozenset({"drafter", "reviewer", "signatory", "administrator"})
DESCRIPTION = TextField(N_("Action"), LONG_TEXT_CAP, multiline=True)
OWNER = TextField(N_("Owner"), NAME_CAP)
FIRST_DUE = timedelta(days=91)  # an action made from a gap is due in about three months
DEFAULT_ORDER = PageOrder()


class ActionError(AcsgError):
    """An action-plan change was refused; nothing changed. ``problems`` maps fields to messages."""

    def __init__(self, message: str, problems: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or {}


def checked(content: ActionContent) -> ActionContent:
    """``content`` cleaned and stripped, or ActionError naming each field that cannot be saved."""
    content = replace(
        content, description=clean(content.description).strip(), owner=content.owner.strip()
    )
    problems = {
        name: problem
        for name, field, value in (
            ("description", DESCRIPTION, content.description),
            ("owner", OWNER, content.owner),
        )
        if (problem := text_problem(field, value))
    }
    if not content.description:
        problems["description"] = _("Say what will be done.")
    if problems:
        raise ActionError("\n".join(problems.values()), problems)
    return content


def _require_planner(session: Any, actor: str) -> None:
    if not roles_of(session, actor) & PLANNER_ROLES:
        raise NotAllowed(
            _("{name} holds no role that may change the action plan.").format(name=actor or "?")
        )


def _changes(before: ActionContent, after: ActionContent) -> list[tuple[str, str, str]]:
    return [
        (f.name, str(getattr(before, f.name)), str(getattr(after, f.name)))
        for f in fields(ActionContent)
        if getattr(before, f.name) != getattr(after, f.name)
    ]


class ActionPlanService:
    """Everything the action plan screens, the package and the report do with actions."""

    def __init__(self, database: Database, assessments: AssessmentService) -> None:
        self._database = database
        self._assessments = assessments

    def get(self, action_id: int) -> PlannedAction:
        with self._database.unit_of_work() as session:
            found = ActionRepository(session).get(action_id)
        if found is None:
            raise ActionError(_("There is no action {id} in the plan.").format(id=action_id))
        return found

    def page(
        self,
        assessment_id: int,
        offset: int,
        limit: int,
        order: PageOrder = DEFAULT_ORDER,
        status: ActionStatus | None = None,
    ) -> builtins.list[PlannedAction]:
        """One page of the plan, by due date unless ``order`` says otherwise."""
        with self._database.unit_of_work() as session:
            return ActionRepository(session).page(assessment_id, offset, limit, order, status)

    def list(self, assessment_id: int) -> builtins.list[PlannedAction]:
        """The whole plan, by due date."""
        with self._database.unit_of_work() as session:
            return ActionRepository(session).all_of(assessment_id)

    def history(self, action_id: int) -> builtins.list[AuditEntry]:
        with self._database.unit_of_work() as session:
            return AuditRepository(session).history(ENTITY, str(action_id))

    def create(self, assessment_id: int, content: ActionContent, *, actor: str) -> PlannedAction:
        """Add a planned action (``content.gap`` "" for a general one)."""
        return self.get(self._create_all(assessment_id, [checked(content)], actor)[0])

    def create_from_gaps(
        self,
        assessment_id: int,
        gaps: Sequence[Gap],
        *,
        actor: str,
        owner: str = "",
        due: date | None = None,
    ) -> builtins.list[PlannedAction]:
        """One planned action per gap, described by the framework's next step for it."""
        framework = self._assessments.framework_of(self._assessments.get(assessment_id))
        due = due or date.today() + FIRST_DUE
        contents = [
            checked(
                ActionContent(gap.indicator_id, suggested_description(framework, gap), owner, due)
            )
            for gap in gaps
        ]
        return [
            self.get(action_id) for action_id in self._create_all(assessment_id, contents, actor)
        ]

    def _create_all(
        self, assessment_id: int, contents: Sequence[ActionContent], actor: str
    ) -> builtins.list[int]:
        with self._database.unit_of_work() as session:
            _require_planner(session, actor)
            repository, audit = ActionRepository(session), AuditRepository(session)
            made = []
            for content in contents:
                action_id = repository.add(assessment_id, content, actor)
                audit.append(actor, ENTITY, str(action_id), "create", new_value=content.description)
                made.append(action_id)
            return made

    @contextmanager
    def _changing(
        self, action_id: int, actor: str, expected_version: int | None
    ) -> Iterator[tuple[Any, PlannedAction]]:
        """One unit of work in which the action is read (locked on a server), checked to be
        the version the user saw and the actor allowed, then changed."""
        with self._database.unit_of_work() as session:
            _require_planner(session, actor)
            action = ActionRepository(session).get(action_id, for_update=True)
            if action is None:
                raise ActionError(_("There is no action {id} in the plan.").format(id=action_id))
            if expected_version is not None and action.version != expected_version:
                raise conflict_with(AuditRepository(session).latest(ENTITY, str(action_id)))
            yield session, action

    def update(
        self,
        action_id: int,
        content: ActionContent,
        status: ActionStatus | None = None,
        *,
        actor: str,
        expected_version: int | None = None,
    ) -> PlannedAction:
        """Save edits (and a new status when given); each changed field audited.

        Raises:
            ActionError: a field cannot be saved.
            ConflictError: someone changed the action since ``expected_version``.
        """
        content = checked(content)
        with self._changing(action_id, actor, expected_version) as (session, action):
            changes = _changes(action.content, content)
            new_status = status if status is not None and status is not action.status else None
            if not changes and new_status is None:
                return action
            ActionRepository(session).save(action_id, content, new_status)
            audit = AuditRepository(session)
            for name, old, new in changes:
                audit.append(actor, ENTITY, str(action_id), f"edit:{name}", old, new)
            if new_status is not None:
                audit.append(
                    actor, ENTITY, str(action_id), "status", action.status.value, new_status.value
                )
        return self.get(action_id)

    def set_status(
        self,
        action_id: int,
        status: ActionStatus,
        *,
        actor: str,
        expected_version: int | None = None,
    ) -> PlannedAction:
        """Move the action to ``status`` (any of the four: work resumes, a dropped one returns)."""
        current = self.get(action_id)
        return self.update(
            action_id, current.content, status, actor=actor, expected_version=expected_version
        )

    def delete(self, action_id: int, *, actor: str, expected_version: int | None = None) -> None:
        """Remove an action made by mistake; only while planned (otherwise drop it). The audit
        log keeps its creation and its deletion."""
        with self._changing(action_id, actor, expected_version) as (session, action):
            if action.status is not ActionStatus.PLANNED:
                raise ActionError(
                    _(
                        "Only a planned action can be deleted; this one is “{status}”: "
                        "mark it dropped instead."
                    ).format(status=status_label(action.status))
                )
            ActionRepository(session).delete(action_id)
            AuditRepository(session).append(
                actor, ENTITY, str(action_id), "delete", old_value=action.content.description
            )
