"""Action statuses and suggested descriptions in the current language."""

from __future__ import annotations

from acsg_desktop.core.assessment.rules import gap_next_step
from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _, pgettext
from acsg_desktop.core.records.actions import ActionStatus


def status_label(status: ActionStatus) -> str:
    """The status of an action in the current language (its own context: in French an action
    is feminine, "Terminée", where other "Done" labels are not)."""
    labels = {
        ActionStatus.PLANNED: pgettext("action status", "Planned"),
        ActionStatus.IN_PROGRESS: pgettext("action status", "In progress"),
        ActionStatus.DONE: pgettext("action status", "Done"),
        ActionStatus.DROPPED: pgettext("action status", "Dropped"),
    }
    return labels[status]


def suggested_description(framework: Framework, gap: Gap) -> str:
    """The framework's next step for the gap's level, or, for a gap without one ("insufficient
    information", the top level), what the indicator asks, to find out."""
    step = gap_next_step(framework, gap)
    if step is not None and step.get().strip():
        return step.get().strip()
    question = framework.indicator(gap.indicator_id).question.get()
    return _("Gather what is needed to answer: {question}").format(question=question)


def gap_label(framework: Framework, indicator_id: str) -> str:
    """The gap an action answers, as a list shows it: its area and question; "General" for
    an action that answers no single gap."""
    if not indicator_id:
        return _("General (no single gap)")
    try:
        indicator = framework.indicator(indicator_id)
    except KeyError:
        return indicator_id
    area = framework.area(indicator.area_id).title.get()
    return _("{area}: {question}").format(area=area, question=indicator.question.get())
