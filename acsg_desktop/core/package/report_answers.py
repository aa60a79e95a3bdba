"""The report's gap list (most pressing first, each with its area) and its appendix: every
answer, grouped by area, levels shown by their names ("3 · In place, not yet sustained")."""

from __future__ import annotations

from typing import Any

from acsg_desktop.core.assessment.labels import KIND_LABELS, level_with_name
from acsg_desktop.core.assessment.results import GapEntry
from acsg_desktop.core.framework.model import LEVELS
from acsg_desktop.core.i18n import _
from acsg_desktop.core.package.model import AnswerEntry, PackageDocument
from acsg_desktop.core.package.report_style import area_titles, headed_table, p
from acsg_desktop.core.records.assessment import AnswerKind

GAP_WIDTHS: list[float] = [24, 85, 236, 75, 75]
ANSWER_WIDTHS: list[float] = [170, 85, 120, 120]


def level_cell(level: int | None) -> str:
    """A level by its number and name, or a dash when there is none."""
    return level_with_name(level) if level else "–"


def level_names() -> list[str]:
    """Every level as a cell shows it (their words are kept whole in the tables)."""
    return [level_cell(level) for level in LEVELS]


def _question_and_step(gap: GapEntry, s: dict[str, Any]) -> list[Any]:
    cell = [p(gap.question, s["small"])]
    if gap.next_step:
        step = _("Next step: {step}").format(step=gap.next_step)
        cell.append(p(step, s["small_note"]))
    return cell


def gaps_section(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    """Every gap, most pressing first, with its area, level, target and next step."""
    titles = area_titles(document.scores.areas)
    rows = [
        [
            p(rank, s["small"]),
            p(titles.get(gap.area, gap.area), s["small"]),
            _question_and_step(gap, s),
            p(level_cell(gap.level), s["small"]),
            p(level_cell(gap.target_level), s["small"]),
        ]
        for rank, gap in enumerate(document.gaps, start=1)
    ]
    headers = ["#", _("Area"), _("Indicator and next step"), _("Level"), _("Target level")]
    flow = [p(_("Gaps, most pressing first"), s["h1"])]
    if not rows:
        return [*flow, p(_("No gap: every indicator is at or above its target level."), s["body"])]
    names = level_names()
    return [*flow, headed_table(headers, rows, GAP_WIDTHS, s, whole={3: names, 4: names})]


def shown_answer(answer: AnswerEntry) -> str:
    """How an answer reads in the appendix, in the report's language."""
    if not answer.applies:
        return _("Not applicable")
    if answer.kind is None:
        return _("Not answered")
    if answer.kind == AnswerKind.LEVEL.value:
        return level_cell(answer.level)
    return _(KIND_LABELS[AnswerKind(answer.kind)])


def _answer_rows(answers: list[AnswerEntry], s: dict[str, Any]) -> list[list[Any]]:
    return [
        [
            p(answer.question, s["small"]),
            p(shown_answer(answer), s["small"]),
            p(answer.note, s["small"]),
            p(answer.evidence, s["small"]),
        ]
        for answer in answers
    ]


def answers_section(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    """Every answer, area by area in the framework's order."""
    headers = [_("Indicator"), _("Answer"), _("Note"), _("Evidence")]
    flow: list[Any] = [p(_("Appendix: every answer, by area"), s["h1"])]
    titles = area_titles(document.scores.areas)
    answers = document.assessment.answers
    for area in dict.fromkeys(answer.area for answer in answers):
        in_area = [answer for answer in answers if answer.area == area]
        flow.append(p(titles.get(area, area), s["h2"]))
        rows = _answer_rows(in_area, s)
        flow.append(headed_table(headers, rows, ANSWER_WIDTHS, s, whole={1: level_names()}))
    return flow
