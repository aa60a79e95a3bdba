"""A first draft of a request from gaps found in a self-assessment.

The framework's next steps are written as advice to the authority ("Adopt a written procedure…",
« Adoptez une procédure écrite… »). A request is the authority speaking, so the draft turns each
step into what the authority plans: "We plan to adopt a written procedure…", « Nous prévoyons
d'adopter une procédure écrite… ».
"""

from __future__ import annotations

import re

from acsg_desktop.core.assessment.rules import gap_next_step
from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.framework.model import AIMS, Framework, Text
from acsg_desktop.core.i18n import SOURCE_LANGUAGE, _, current_language
from acsg_desktop.core.records.requests import Focus, RequestContent
from acsg_desktop.core.requests.voice_en import plan_in_english
from acsg_desktop.core.requests.voice_es import plan_in_spanish
from acsg_desktop.core.requests.voice_fr import plan_in_french

MAX_TITLE = 150

PLANNERS = {"en": plan_in_english, "fr": plan_in_french, "es": plan_in_spanish}


def plan_step(step: Text) -> str:
    """The step in the current language, in the authority's voice."""
    language = current_language()
    if step.is_missing(language):
        language = next(
            (lang for lang in (SOURCE_LANGUAGE, *PLANNERS) if not step.is_missing(lang)), language
        )
    planner = PLANNERS.get(language)
    text = step.get(language)
    return planner(text) if planner else text


# --- The draft -------------------------------------------------------------------------------

# A step that starts from the one before ("Write triage criteria based on this analysis") names
# something with a demonstrative that the step itself has not introduced.
_BACK_REFERENCES = {
    "en": re.compile(
        r"\b(?:(?:this|that|these|those) (analysis|list|inventory|mapping|survey|review)"
        r"|the (list)(?! of))\b",
        re.I,
    ),
    "fr": re.compile(
        r"\b(?:cette|ce|cet|ces) (analyse|liste|inventaire|cartographie|enquête|recensement)\b",
        re.I,
    ),
    "es": re.compile(
        r"\b(?:esta|este|estos|estas|dicha|dicho) "
        r"(análisis|lista|inventario|mapeo|encuesta|censo)\b",
        re.I,
    ),
}


def refers_back(text: str, language: str) -> bool:
    """Whether ``text`` starts from an earlier step ("this analysis", « cette liste »)."""
    pattern = _BACK_REFERENCES.get(language)
    for match in pattern.finditer(text) if pattern else ():
        noun = re.escape(match.group(1) or match.group(2))
        if not re.search(rf"\b{noun}\b", text[: match.start()], re.I):
            return True
    return False


def _with_earlier_step(framework: Framework, gap: Gap, step: Text) -> Text:
    """``step``, preceded by the step before it when it refers back to that one."""
    level = gap.level or 0
    previous = framework.indicator(gap.indicator_id).next_step(level - 1) if level > 1 else None
    if previous is None:
        return step
    languages = set(step.by_language) | set(previous.by_language)
    joined = {}
    for language in languages:
        text, before = step.get(language), previous.get(language)
        joined[language] = f"{before} {text}" if refers_back(text, language) else text
    return Text(joined)


def _gap_paragraph(framework: Framework, gap: Gap) -> str:
    indicator = framework.indicator(gap.indicator_id)
    step = gap_next_step(framework, gap)
    if gap.level:
        state = _("Now at level {level}, target {target}.").format(
            level=gap.level, target=gap.target_level
        )
    else:
        state = _("Not enough information to rate it yet.")
    if step:
        action = plan_step(_with_earlier_step(framework, gap, step))
    else:
        action = PLANNERS.get(current_language(), plan_in_english)(
            _("Find out where the authority stands, then act.")
        )
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
