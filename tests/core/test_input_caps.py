"""Every free-text input is capped and cleaned when it is saved; a refusal changes nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from acsg_desktop.core.assessment.service import AssessmentError
from acsg_desktop.core.people.profile import ProfileInvalidError, validate_profile
from acsg_desktop.core.people.service import PersonError
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.requests.validation import completeness, request_problems
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD
from tests.core.requests.helpers import COMPLETE


@pytest.fixture
def workspace(tmp_path: Path):
    with Workspace.open(tmp_path) as opened:
        yield opened


def first_indicator(workspace: Workspace, assessment_id: int) -> str:
    service = workspace.assessments
    return service.framework_of(service.get(assessment_id)).indicators[0].id


def test_a_twenty_million_character_answer_is_refused_and_nothing_is_stored(
    workspace: Workspace,
) -> None:
    service = workspace.assessments
    created = service.create("2026 baseline", 2026, actor="Amina")
    indicator = first_indicator(workspace, created.id)
    huge = Answer(indicator, AnswerKind.LEVEL, level=3, evidence="e" * 20_000_000, answered_by="A")
    with pytest.raises(AssessmentError) as caught:
        service.save_answer(created.id, huge, actor="Amina")
    assert caught.value.message == ("Evidence is too long: 20,000,000 characters, at most 10,000.")
    with pytest.raises(AssessmentError, match="Note is too long: 10,001 characters"):
        service.save_answer(created.id, replace(huge, evidence="ok", note="n" * 10_001), actor="A")
    assert service.answers(created.id) == {}
    assert service.answer_history(created.id, indicator) == []


def test_answer_texts_at_their_cap_are_saved_without_their_control_characters(
    workspace: Workspace,
) -> None:
    service = workspace.assessments
    created = service.create("2026 baseline", 2026, actor="Amina")
    indicator = first_indicator(workspace, created.id)
    prefix = "Report\x1b[31m\u202e 2025\x00\n\tpage 3\x0c"
    pasted = prefix + "x" * (10_000 - len(prefix))
    answer = Answer(indicator, AnswerKind.LEVEL, level=3, note=pasted, evidence=pasted)
    saved = service.save_answer(created.id, replace(answer, answered_by="Amina"), actor="Amina")
    stored = service.answers(created.id)[indicator]
    assert stored.evidence.startswith("Report[31m 2025\n\tpage 3x")
    assert stored.evidence == stored.note == saved.evidence
    assert not {"\x1b", "\u202e", "\x00", "\x0c"} & set(stored.evidence)


def test_a_name_with_a_control_character_is_refused_not_cleaned(workspace: Workspace) -> None:
    service = workspace.assessments
    created = service.create("2026 baseline", 2026, actor="Amina")
    indicator = first_indicator(workspace, created.id)
    answer = Answer(indicator, AnswerKind.NOT_APPLICABLE, answered_by="Amina\x1b[2J")
    with pytest.raises(AssessmentError, match=r"Answered by contains .* \(U\+001B\)"):
        service.save_answer(created.id, answer, actor="Amina")
    assert service.answers(created.id) == {}


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("t" * 201, "Assessment title is too long: 201 characters, at most 200."),
        ("Baseline\u202e2026", r"Assessment title contains .* \(U\+202E\)"),
    ],
)
def test_assessment_titles_are_capped(workspace: Workspace, title: str, message: str) -> None:
    with pytest.raises(AssessmentError, match=message):
        workspace.assessments.create(title, 2026, actor="Amina")
    assert workspace.assessments.list() == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"authority_name": "a" * 201}, "authority_name", "Authority name is too long: 201"),
        ({"authority_name": "Office\x1b]0;x"}, "authority_name", "(U+001B)"),
        ({"contact_person": "p" * 300}, "contact_person", "Contact person is too long: 300"),
        ({"contact_person": "Amina\u2066"}, "contact_person", "(U+2066)"),
        ({"email": "a" * 250 + "@b.td"}, "email", "E-mail is too long: 255 characters"),
        ({"email": "amina\x00@example.org"}, "email", "(U+0000)"),
    ],
)
def test_profile_fields_are_capped_and_refuse_control_characters(
    workspace: Workspace, changes: dict[str, str], field: str, message: str
) -> None:
    assert message in validate_profile(replace(CHAD, **changes)).get(field, "")
    with pytest.raises(ProfileInvalidError):
        workspace.profiles.save(replace(CHAD, **changes))
    assert workspace.profiles.get() is None


@pytest.mark.parametrize(
    ("name", "message"),
    [("n" * 201, "Name is too long: 201 characters, at most 200."), ("Idriss\x9b", "(U+009B)")],
)
def test_people_names_are_capped(workspace: Workspace, name: str, message: str) -> None:
    with pytest.raises(PersonError) as caught:
        workspace.people.save(name, frozenset({"drafter"}), actor="Amina")
    assert message in caught.value.message
    assert workspace.people.list() == []


def test_request_texts_over_their_cap_keep_the_request_from_review() -> None:
    too_long = replace(
        COMPLETE,
        description="d" * 5_001,
        plan_reference="p" * 501,
        pledge_reference="Forum\x1b",
        title="Title\u202e",
    )
    problems = request_problems(too_long)
    assert problems["description"] == (
        "Description of the need is too long: 5,001 characters, at most 5,000."
    )
    assert "Capacity plan is too long: 501" in problems["plan_linked"]
    assert "(U+001B)" in problems["pledge_reference"] and "(U+202E)" in problems["title"]
    assert 0 <= completeness(too_long) < 1


def test_pasted_control_characters_in_request_texts_do_not_block_review() -> None:
    pasted = replace(COMPLETE, description=COMPLETE.description + "\x0c\x1b\u200b\r\n")
    assert request_problems(pasted) == {}
    assert completeness(pasted) == 1
