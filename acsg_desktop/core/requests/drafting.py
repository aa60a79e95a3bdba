"""A first draft of a request from gaps found in a self-assessment."""

from __future__ import annotations

from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.framework.model import AIMS, Framework
from acsg_desktop.core.i18n import _
from acsg_desktop.core.requests.model import Focus, RequestContent

MAX_TITLE = 150


def _gap_paragraph(framework: Framework, gap: Gap) -> str:
    indicator = framework.indicator(gap.indicator_id)
    step = indicator.next_step(gap.level) if gap.level else None
    if gap.level:
        state = _("Now at level {level}, target {target}.").format(
            level=gap.level, target=gap.target_level
        )
    else:
        state = _("Not enough information to rate it yet.")
    action = step.get() if step else _("Find out where the authority stands, then act.")
    return f"• {indicator.question.get()}\n  {state} {action}"


def draft_from_gaps(
    framework: Framework, assessment_id: int, gaps: list[Gap], contact_person: str
) -> RequestContent:
    """Prefill areas, aims, title and description from ``gaps``, in the current language."""
    indicators = [framework.indicator(gap.indicator_id) for gap in gaps]
    area_ids = list(dict.fromkeys(indicator.area_id for indicator in indicators))
    aims = [aim for aim in AIMS if any(aim in indicator.aims for indicator in indicators)]
    area_titles = ", ".join(framework.area(area_id).title.get() for area_id in area_ids)
    title = _("Strengthening: {areas}").format(areas=area_titles)
    if len(title) > MAX_TITLE:
        title = title[: MAX_TITLE - 1] + "…"
    description = "\n".join(
        [_("Gaps found in our self-assessment, and the next steps we plan:")]
        + [_gap_paragraph(framework, gap) for gap in gaps]
    )
    return RequestContent(
        title=title,
        assessment_id=assessment_id,
        areas=tuple(area_ids),
        indicators=tuple(indicator.id for indicator in indicators),
        aims=tuple(aims),
        focus=Focus.INSTITUTIONAL,
        description=description,
        contact_person=contact_person,
    )
