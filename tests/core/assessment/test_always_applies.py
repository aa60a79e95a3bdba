"""A guarantee every asylum system needs (the key indicators, the appeal indicators) is a gap
where it is missing, never "not applicable": such an answer is a problem the wizard shows, and
scoring and the list's SQL count it as unanswered."""

from __future__ import annotations

import copy

import pytest

from acsg_desktop.core.framework.loader import (
    FrameworkError,
    framework_folder,
    framework_from_source,
    load_framework,
    read_framework_source,
)
from acsg_desktop.core.records.assessment import Answer, AnswerKind, answer_problems, is_complete
from acsg_desktop.core.workspace import Workspace
from tests.core.requests.helpers import DRAFTER, staffed

REMEDY = "appeals.effective-remedy"


def test_the_key_and_appeal_indicators_always_apply() -> None:
    framework = load_framework()
    always = {i.id for i in framework.indicators if i.always_applies}
    assert {i.id for i in framework.indicators if i.weight == 2} <= always
    assert {i.id for i in framework.area("appeals").indicators} <= always
    assert not any(framework.indicator(i).condition for i in always)
    assert len(always) < len(framework.indicators) // 3  # the rest may still be "n/a"


def test_not_applicable_is_a_problem_only_where_the_indicator_always_applies() -> None:
    framework = load_framework()
    remedy = framework.indicator(REMEDY)
    other = next(i for i in framework.indicators if not i.always_applies)
    answer = Answer(REMEDY, AnswerKind.NOT_APPLICABLE, note="No appeal body", answered_by="A")
    assert "level 1" in answer_problems(answer, remedy)["kind"]
    assert not is_complete(answer, remedy)
    assert is_complete(answer, other) and is_complete(answer)  # elsewhere, a note suffices
    level_one = Answer(REMEDY, AnswerKind.LEVEL, level=1, answered_by="A")
    assert is_complete(level_one, remedy)


def test_a_framework_file_cannot_make_a_conditional_indicator_always_apply() -> None:
    source = copy.deepcopy(read_framework_source(framework_folder()))
    conditional = next(
        raw for area in source["areas"] for raw in area["indicators"] if raw.get("applies_if")
    )
    conditional["always_applies"] = True
    with pytest.raises(FrameworkError, match="always applies"):
        framework_from_source(source)


def test_no_appeal_body_marked_not_applicable_stays_unanswered(
    backend_workspace: Workspace,
) -> None:
    workspace = staffed(backend_workspace)
    created = workspace.assessments.create("2027 baseline", 2027, actor=DRAFTER)
    na = Answer(REMEDY, AnswerKind.NOT_APPLICABLE, note="No appeal body", answered_by=DRAFTER)
    workspace.assessments.save_answer(created.id, na, actor=DRAFTER)  # kept, as every draft
    assert workspace.assessments.answers(created.id)[REMEDY].kind is AnswerKind.NOT_APPLICABLE
    scores = workspace.assessments.scores(created.id)
    assert REMEDY in scores.incomplete and scores.answered == 0
    (row,) = workspace.assessments.page(0, 10)
    assert row.completion == scores.completion == 0
    level_one = Answer(REMEDY, AnswerKind.LEVEL, level=1, answered_by=DRAFTER)
    workspace.assessments.save_answer(created.id, level_one, actor=DRAFTER)
    scores = workspace.assessments.scores(created.id)
    (row,) = workspace.assessments.page(0, 10)
    assert scores.answered == 1 and row.completion == scores.completion > 0
    assert REMEDY in {gap.indicator_id for gap in scores.gaps}  # the gap it is
