"""Results as CSV, one row per indicator, with headers in the current language.

Cells are made safe for spreadsheets (OWASP, "CSV injection"): unprintable characters are
dropped (``text_rules.clean``), and a cell whose first non-space character is ``= + - @``, TAB or
CR, which a spreadsheet would run as a formula, starts with a single quote instead.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from acsg_desktop.core.assessment.labels import answer_label
from acsg_desktop.core.assessment.scoring import Scores, level_percent
from acsg_desktop.core.fileio import write_text_atomically
from acsg_desktop.core.framework.model import Framework, Indicator
from acsg_desktop.core.i18n import N_, _, current_language, format_number
from acsg_desktop.core.records.assessment import Answer, AnswerKind, AssessmentSummary
from acsg_desktop.core.text_rules import clean

FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")  # with the full-width forms spreadsheets fold

HEADERS = (
    N_("Area"),
    N_("Indicator"),
    N_("Question"),
    N_("Answer"),
    N_("Score (%)"),
    N_("Target level"),
    N_("Weight"),
    N_("Gap priority"),
    N_("Note"),
    N_("Evidence"),
    N_("Answered by"),
)


def delimiter() -> str:
    """Spreadsheets in French and Spanish use the comma for decimals, so fields are split by
    semicolons."""
    return ";" if current_language() in ("fr", "es") else ","


def spreadsheet_cell(value: str) -> str:
    """``value`` as a cell no spreadsheet runs as a formula, without unprintable characters.

    Args:
        value: the text of one cell, typed by a user or read from the database.

    Returns:
        The text without unprintable characters, prefixed with ``'`` when it would start a
        formula (OWASP's advice for CSV injection).
    """
    text = clean(value)
    if _first_visible(text) in FORMULA_STARTS:
        return "'" + text
    return text


def _first_visible(text: str) -> str:
    """The first character a spreadsheet looks at: spaces of any kind and invisible format
    characters (word joiner, zero-width) skipped."""
    for character in text:
        if character in "\t\r\n":
            return character
        if not (character.isspace() or unicodedata.category(character) == "Cf"):
            return character
    return ""


def _row(
    indicator: Indicator,
    area_title: str,
    answer: Answer | None,
    scores: Scores,
    contexts: dict[str, bool],
) -> list[str]:
    priorities = {gap.indicator_id: gap.priority for gap in scores.gaps}
    level = answer.level if answer is not None and answer.kind is AnswerKind.LEVEL else None
    label = answer_label(answer) if indicator.applies(contexts) else _("Not applicable")
    return [
        area_title,
        indicator.id,
        indicator.question.get(),
        label,
        format_number(round(level_percent(level), 1)) if level else "",
        str(indicator.target_level),
        str(indicator.weight),
        str(priorities.get(indicator.id, "")),
        answer.note if answer else "",
        answer.evidence if answer else "",
        answer.answered_by if answer else "",
    ]


def results_csv(
    framework: Framework, assessment: AssessmentSummary, answers: dict[str, Answer], scores: Scores
) -> str:
    """The CSV text of an assessment's results."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter(), lineterminator="\r\n")
    writer.writerow([spreadsheet_cell(_(header)) for header in HEADERS])
    for area in framework.areas:
        for indicator in area.indicators:
            row = _row(
                indicator, area.title.get(), answers.get(indicator.id), scores, assessment.contexts
            )
            writer.writerow([spreadsheet_cell(cell) for cell in row])
    return buffer.getvalue()


def export_csv(path: Path, text: str) -> None:
    """Write the CSV atomically, with a byte-order mark so that spreadsheets read it as UTF-8."""
    write_text_atomically(path, "\ufeff" + text)
