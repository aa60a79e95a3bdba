"""A "not applicable" answer needs a justification in its note: without one it is a problem
(shown by the wizard, counted as unanswered by scoring and by the list's SQL); old answers
without a note still load."""

from acsg_desktop.core.records.assessment import Answer, AnswerKind, answer_problems, is_complete
from acsg_desktop.core.workspace import Workspace
from tests.core.requests.helpers import DRAFTER, staffed


def test_not_applicable_without_a_note_is_a_problem() -> None:
    bare = Answer("I1", AnswerKind.NOT_APPLICABLE, answered_by=DRAFTER)
    assert "justification" in answer_problems(bare)["note"]
    assert not is_complete(bare)
    justified = Answer("I1", AnswerKind.NOT_APPLICABLE, note="No border", answered_by=DRAFTER)
    assert answer_problems(justified) == {}
    assert answer_problems(Answer("I1", AnswerKind.NOT_APPLICABLE, note="  ", answered_by="A"))


def test_the_list_counts_a_bare_not_applicable_as_unanswered(backend_workspace: Workspace) -> None:
    workspace = staffed(backend_workspace)
    created = workspace.assessments.create("2027 baseline", 2027, actor=DRAFTER)
    indicators = workspace.assessments.framework_of(created).indicators
    first, second = [i for i in indicators if not i.always_applies][:2]  # may be "n/a"
    for indicator, note in ((first, ""), (second, "No land border")):
        answer = Answer(indicator.id, AnswerKind.NOT_APPLICABLE, note=note, answered_by=DRAFTER)
        workspace.assessments.save_answer(created.id, answer, actor=DRAFTER)
    stored = workspace.assessments.answers(created.id)
    assert stored[first.id].kind is AnswerKind.NOT_APPLICABLE  # saved and read back
    scores = workspace.assessments.scores(created.id)
    (row,) = workspace.assessments.page(0, 10)
    assert row.completion == scores.completion == 1 / scores.applicable
