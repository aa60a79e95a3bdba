import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from acsg_desktop.core.assessment.scoring import score
from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.records.request_codec import content_from_json, content_to_json
from acsg_desktop.core.records.requests import Focus, RequestContent
from acsg_desktop.core.requests.drafting import draft_from_gaps, plan_step, refers_back
from acsg_desktop.core.requests.validation import completeness, request_problems
from acsg_desktop.core.requests.voice_en import _EN_LEADS, plan_in_english
from acsg_desktop.core.requests.voice_fr import plan_in_french
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
def test_field_level_messages(changes: dict[str, Any], field: str, message: str) -> None:
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
    assert draft.title.startswith("Renforcement\u00a0: ")
    step = coi.next_step(1)
    assert step is not None
    assert plan_step(step) in draft.description
    assert step.get("fr") not in draft.description  # not the advice, copied
    assert draft.description.count("Nous prévoyons d") == 2
    assert (draft.assessment_id, draft.focus, draft.contact_person) == (
        7,
        Focus.INSTITUTIONAL,
        "Amina",
    )
    assert set(draft.indicators) == {coi.id, appeals.id}


def test_a_drafted_request_speaks_for_the_authority_in_english() -> None:
    framework = load_framework()
    indicator = framework.area("appeals").indicators[0]
    answers = {indicator.id: Answer(indicator.id, AnswerKind.LEVEL, level=2, answered_by="A")}
    draft = draft_from_gaps(framework, 3, list(score(framework, answers, {}).gaps), "Amina")
    assert "We plan to " in draft.description
    step = indicator.next_step(2)
    assert step is not None and step.get("en") not in draft.description


@pytest.mark.parametrize(
    ("advice", "plan"),
    [
        (
            "Map the instruments and ask UNHCR for a review of laws from your region.",
            "We plan to map the instruments and ask UNHCR for a review of laws from our region.",
        ),
        (
            "For each caseload, write a one-page SOP; review it every year.",
            "For each caseload, we plan to write a one-page SOP; we also plan to review it every "
            "year.",
        ),
        ("Do not wait for the law.", "We plan not to wait for the law."),
        (
            "Stop officers from choosing their own cases: have a supervisor allocate them.",
            "We plan to stop officers from choosing their own cases: we also plan to have a "
            "supervisor allocate them.",
        ),
        (
            "Write the procedure: access by role, record and checks; have it signed.",
            "We plan to write the procedure: access by role, record and checks; we also plan to "
            "have it signed.",
        ),
        (
            "Draft a rule (nothing that reveals a claim; checks only with consent).",
            "We plan to draft a rule (nothing that reveals a claim; checks only with consent).",
        ),
    ],
)
def test_english_advice_becomes_a_plan(advice: str, plan: str) -> None:
    assert plan_in_english(advice) == plan


@pytest.mark.parametrize(
    ("advice", "plan"),
    [
        (
            "Recensez les instruments ratifiés et dressez la liste de ce qui manque.",
            "Nous prévoyons de recenser les instruments ratifiés et de dresser la liste de ce qui "
            "manque.",
        ),
        (
            "Établissez où en est l'autorité, puis agissez.",
            "Nous prévoyons d'établir où en est l'autorité, puis d'agir.",
        ),
        (
            "Pour chaque flux, rédigez une procédure et partagez-la avec vos partenaires.",
            "Pour chaque flux, nous prévoyons de rédiger une procédure et de la partager avec nos "
            "partenaires.",
        ),
        (
            "Appuyez-vous sur le HCR, traduisez les guides et prenez les mesures que vous jugez "
            "utiles.",
            "Nous prévoyons de nous appuyer sur le HCR, de traduire les guides et de prendre les "
            "mesures que nous jugeons utiles.",
        ),
        (
            "N'attendez pas la loi ; convenez d'un calendrier et inscrivez-le au plan.",
            "Nous prévoyons de ne pas attendre la loi ; de convenir d'un calendrier et de "
            "l'inscrire au plan.",
        ),
        (
            "Mettez fin au choix des dossiers par les agents : confiez l'attribution à un "
            "superviseur.",
            "Nous prévoyons de mettre fin au choix des dossiers par les agents : de confier "
            "l'attribution à un superviseur.",
        ),
        (
            "Fixez des rendez-vous et choisissez un lieu.",
            "Nous prévoyons de fixer des rendez-vous et de choisir un lieu.",
        ),
    ],
)
def test_french_advice_becomes_a_plan(advice: str, plan: str) -> None:
    assert plan_in_french(advice) == plan


def test_every_next_step_of_the_framework_becomes_a_plan_in_both_languages() -> None:
    framework = load_framework()
    for area in framework.areas:
        for indicator in area.indicators:
            for step in indicator.next_steps:
                english, french = plan_in_english(step.get("en")), plan_in_french(step.get("fr"))
                assert "we plan" in english.lower() and "following:" not in english, english
                assert "nous prévoyons" in french.lower() and "mesure suivante" not in french, (
                    french
                )
                assert "vous" not in french.replace("rendez-vous", ""), french


def _step_openers(framework) -> set[str]:  # type: ignore[no-untyped-def]
    """Every verb a next step of ``framework`` opens a sentence with (all imperatives)."""
    openers = set()
    for indicator in framework.indicators:
        for step in indicator.next_steps:
            for sentence in re.split(r"(?<=[.!?])\s+", step.get("en")):
                openers.add(sentence.split(" ", 1)[0].lower().strip(","))
    return openers - _EN_LEADS - {"we", "the", "a", "don't", "do"}


def test_no_advice_is_left_in_the_imperative_after_a_colon_or_a_semicolon() -> None:
    framework = load_framework()
    openers = _step_openers(framework)
    for indicator in framework.indicators:
        for step in indicator.next_steps:
            english, french = plan_in_english(step.get("en")), plan_in_french(step.get("fr"))
            for word in re.findall(r"[:;] (\w+)", english):
                assert word not in openers, (indicator.id, english)
            for word in re.findall(r"[:;]\s(\w+)", french):
                assert not word.endswith("ez"), (indicator.id, french)
            assert not re.search(r"\b\w+ez\b", french.replace("rendez-vous", "")), french


def test_a_step_that_starts_from_an_earlier_one_is_drafted_with_it() -> None:
    framework = load_framework()
    referring = []
    for indicator in framework.indicators:
        for level, step in enumerate(indicator.next_steps, start=1):
            english, french = refers_back(step.get("en"), "en"), refers_back(step.get("fr"), "fr")
            assert english == french, (indicator.id, level)  # both languages agree
            if english:
                assert level > 1, indicator.id  # there is a step before it
                referring.append((indicator, level))
    assert referring
    for indicator, level in referring:
        answers = {
            indicator.id: Answer(indicator.id, AnswerKind.LEVEL, level=level, answered_by="A")
        }
        gaps = [g for g in score(framework, answers, {}).gaps if g.indicator_id == indicator.id]
        draft = draft_from_gaps(framework, 1, gaps, "Amina")
        step_before = indicator.next_step(level - 1)
        assert step_before is not None
        earlier = plan_in_english(step_before.get("en"))
        assert earlier.removeprefix("We plan to ")[:40] in draft.description, indicator.id
        assert "also plan to" in draft.description, indicator.id


def test_a_step_that_introduces_its_own_list_does_not_refer_back() -> None:
    assert not refers_back("Agree on a list of lawyers, and hand the list over.", "en")
    assert not refers_back("Convenez d'une liste d'avocats et remettez cette liste.", "fr")
    assert refers_back("Write triage criteria based on this analysis.", "en")
    assert refers_back("Rédigez des critères fondés sur cette analyse.", "fr")
