from dataclasses import replace
from decimal import Decimal

import pytest

from acsg_desktop.core.assessment.model import Answer, AnswerKind
from acsg_desktop.core.assessment.scoring import score
from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.requests.codec import content_from_json, content_to_json
from acsg_desktop.core.requests.drafting import draft_from_gaps
from acsg_desktop.core.requests.model import Focus, RequestContent
from acsg_desktop.core.requests.validation import completeness, request_problems
from tests.core.requests.helpers import COMPLETE, incomplete


def test_complete_request_has_no_problems() -> None:
    assert request_problems(COMPLETE) == {}
    assert completeness(COMPLETE) == 1


def test_empty_request_lists_every_required_field() -> None:
    problems = request_problems(RequestContent())
    assert {"title", "areas", "support_types", "budget", "plan_linked", "contact_person"} <= set(
        problems
    )
    assert completeness(RequestContent()) == 0


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"plan_linked": True, "plan_reference": ""}, "plan_linked", "reference of the plan"),
        ({"budget": Decimal(-5)}, "budget", "cannot be negative"),
        ({"currency": "ZZZ"}, "budget", "currency"),
        ({"duration_months": 121}, "duration_months", "between 1 and 120"),
        ({"description": "short"}, "description", "at least 40"),
    ],
)
def test_field_level_messages(changes: dict, field: str, message: str) -> None:
    problems = request_problems(replace(COMPLETE, **changes))
    assert list(problems) == [field] and message in problems[field]


def test_messages_in_french(french: None) -> None:
    assert request_problems(incomplete())["budget"].startswith("Indiquez un budget estimatif")


def test_completeness_grows_as_fields_are_filled() -> None:
    assert 0 < completeness(incomplete()) < completeness(COMPLETE)


def test_json_round_trip_keeps_every_field() -> None:
    assert content_from_json(content_to_json(COMPLETE)) == COMPLETE


def test_draft_from_gaps_prefills_areas_aims_title_and_actions(french: None) -> None:
    framework = load_framework()
    coi, appeals = (
        framework.area("evidence-coi").indicators[0],
        framework.area("appeals").indicators[0],
    )
    answers = {
        indicator.id: Answer(indicator.id, AnswerKind.LEVEL, level=1, answered_by="A")
        for indicator in (coi, appeals)
    }
    gaps = list(score(framework, answers, {}).gaps)
    draft = draft_from_gaps(framework, 7, gaps, "Amina")
    assert set(draft.areas) == {"evidence-coi", "appeals"}
    assert set(draft.aims) == set(coi.aims) | set(appeals.aims)
    assert draft.title.startswith("Renforcement : ")
    assert coi.next_step(1).get("fr") in draft.description
    assert (draft.assessment_id, draft.focus, draft.contact_person) == (
        7,
        Focus.INSTITUTIONAL,
        "Amina",
    )
    assert set(draft.indicators) == {coi.id, appeals.id}
