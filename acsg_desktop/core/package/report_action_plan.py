"""The report's action plan: what the authority itself will do about its gaps, by whom, by when.

The gap of each action is named by its area and question as the package carries them (the
answers list every indicator of the framework version); an action due before the package was
made and still open is marked overdue, in words.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from acsg_desktop.core.actions.labels import status_label
from acsg_desktop.core.i18n import _, format_date
from acsg_desktop.core.package.model import ActionEntry, PackageDocument
from acsg_desktop.core.package.report_style import p, table
from acsg_desktop.core.records.actions import OPEN_STATUSES, ActionStatus

ACTION_WIDTHS: list[float] = [170, 130, 70, 55, 55]


def action_headers() -> list[str]:
    return [_("Action"), _("Gap (area)"), _("Owner"), _("Due"), _("Status")]


def _gap_names(document: PackageDocument) -> dict[str, str]:
    """Indicator id -> "question (area)" for every indicator the package answers."""
    areas = {area.id: area.title for area in document.scores.areas}
    return {
        answer.indicator: _("{question} ({area})").format(
            question=answer.question, area=areas.get(answer.area, answer.area)
        )
        for answer in document.assessment.answers
    }


def _made_on(document: PackageDocument) -> date:
    try:
        return datetime.fromisoformat(document.created).date()
    except ValueError:
        return date.today()


def _status(action: ActionEntry, due: date, made_on: date) -> str:
    status = ActionStatus(action.status)
    if status in OPEN_STATUSES and due < made_on:
        return _("{status}, overdue").format(status=status_label(status))
    return status_label(status)


def action_plan_flowables(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    """The heading and the plan's table; a sentence when the plan is empty."""
    flow: list[Any] = [p(_("Action plan"), s["h1"])]
    if not document.action_plan:
        return [*flow, p(_("No action has been planned for these gaps yet."), s["body"])]
    names, made_on = _gap_names(document), _made_on(document)
    rows = [[p(header, s["small"]) for header in action_headers()]]
    for action in document.action_plan:
        due = date.fromisoformat(action.due)
        gap = names.get(action.gap, action.gap) if action.gap else _("General (no single gap)")
        rows.append(
            [
                p(action.description, s["small"]),
                p(gap, s["small"]),
                p(action.owner or "–", s["small"]),
                p(format_date(due), s["small"]),
                p(_status(action, due, made_on), s["small"]),
            ]
        )
    return [*flow, table(rows, ACTION_WIDTHS)]
