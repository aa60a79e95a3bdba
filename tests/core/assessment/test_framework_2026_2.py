"""The real version change 2026.1 -> 2026.2: old assessments stay readable, and the answers that
still mean the same carry over, with a complete list of the others and why."""

from pathlib import Path

import pytest

from acsg_desktop.core.assessment.carry_over import Reason, carry_over
from acsg_desktop.core.framework.loader import (
    framework_folder,
    framework_from_source,
    load_framework,
    read_framework_source,
)
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.workspace import Workspace

FROZEN_2026_1 = Path(__file__).parent / "data" / "framework-2026.1"

REMOVED = {
    "interview-interpretation.interview-setting",
    "integrity.identity-documents",
    "case-management.system-data-quality",
    "statistics-monitoring.plan-monitoring",
    "legal-aid.provider-framework",
    "partnerships.bar-and-nhri",
    "appeals.independence",
}

# Answers at level 3 that stop fitting: the question, a level from 1 to 4 or the condition
# changed (merges, the three contradictions, independence in the remedy, neutral level 1 texts,
# the interview kept in emergencies, the paper-file check counted once, conflicts of interest
# left to the code of conduct, median times instead of averages).
REWORDED_FOR_LEVEL_3 = {
    "governance.independence",
    "access-registration.timely-registration",
    "statistics-monitoring.performance",
    "decision-quality.notification",
    "access-registration.reception-conditions",
    "legal-framework.modalities-legal-basis",
    "partnerships.capacity-support",
    "access-registration.documentation",
    "access-registration.identity-data",
    "appeals.effective-remedy",
    "appeals.full-examination",
    "appeals.members-and-case-law",
    "appeals.timeliness",
    "case-management.case-tracking",
    "confidentiality-data.breaches",
    "confidentiality-data.rules",
    "confidentiality-data.sharing",
    "contingency.emergency-measures",
    "evidence-coi.documents-medical",
    "integrity.internal-controls",
    "interview-interpretation.interpreters",
    "interview-interpretation.personal-interview",
    "legal-aid.appeal-legal-aid",
    "legal-aid.first-instance-counselling",
    "legal-framework.procedural-guarantees",
    "legal-framework.refugee-definition",
    "planning-resources.capacity-plan",
    "premises-equipment.interview-rooms",
    "processing-modalities.accelerated-simplified",
    "quality-assurance.pre-decision-review",
    "quality-assurance.qa-function",
    "staffing-training.code-of-conduct",
    "statistics-monitoring.data-quality",
}


@pytest.fixture(scope="module")
def old():
    return load_framework(FROZEN_2026_1)


@pytest.fixture(scope="module")
def new():
    return load_framework()


def answers_at(framework, level: int | None) -> dict[str, Answer]:
    kind = AnswerKind.NOT_APPLICABLE if level is None else AnswerKind.LEVEL
    return {
        i.id: Answer(i.id, kind, level=level, evidence="Report", answered_by="Amina")
        for i in framework.indicators
    }


def test_the_two_versions(old, new) -> None:
    assert (old.version, new.version) == ("2026.1", "2026.2")
    assert len(old.indicators) == 98
    assert {i.id for i in old.indicators} - {i.id for i in new.indicators} == REMOVED


def test_answers_at_level_3_carry_over_unless_what_they_rest_on_changed(old, new) -> None:
    answers = answers_at(old, 3)
    report = carry_over(old, new, answers)
    assert report.left_behind_ids == REMOVED | REWORDED_FOR_LEVEL_3
    assert report.carried_ids == set(answers) - REMOVED - REWORDED_FOR_LEVEL_3
    assert len(report.carried) == 58
    # every answer is listed exactly once, carried or not
    assert len(report.carried) + len(report.left_behind) == len(answers)
    assert report.carried_ids.isdisjoint(report.left_behind_ids)
    # the carried ones only had levels they do not rest on reworded (level 5 everywhere)
    assert all(set(item.changed_levels) <= {5} for item in report.carried)
    assert all(item.answer == answers[item.indicator_id] for item in report.carried)


def test_every_answer_left_behind_says_why(old, new) -> None:
    report = carry_over(old, new, answers_at(old, 3))
    reasons = {item.indicator_id: item.reasons for item in report.left_behind}
    assert all(reasons.values())
    assert {i for i, why in reasons.items() if Reason.INDICATOR_REMOVED in why} == REMOVED
    assert all(why == (Reason.INDICATOR_REMOVED,) for i, why in reasons.items() if i in REMOVED)
    # appeals indicators no longer drop out without an appeal body: the condition changed
    for indicator_id in ("appeals.full-examination", "appeals.timeliness"):
        assert Reason.CONDITION_CHANGED in reasons[indicator_id]
    assert Reason.QUESTION_CHANGED in reasons["interview-interpretation.personal-interview"]
    assert reasons["legal-framework.refugee-definition"] == (Reason.LEVELS_CHANGED,)


def test_answers_that_rest_on_the_rewritten_level_5_are_left_behind(old, new) -> None:
    for answers in (answers_at(old, 4), answers_at(old, 5), answers_at(old, None)):
        report = carry_over(old, new, answers)
        assert report.carried == ()
        assert report.left_behind_ids == set(answers)


def test_new_indicators_and_contexts_are_listed(old, new) -> None:
    report = carry_over(old, new, {})
    assert report.carried == report.left_behind == ()
    assert set(report.new_indicators) == {i.id for i in new.indicators} - {
        i.id for i in old.indicators
    }
    assert "decision-quality.exclusion" in report.new_indicators
    assert set(report.new_contexts) == {
        "unhcr_mandate_rsd",
        "applicants_detained",
        "border_or_accelerated_procedure",
    }


def test_the_same_version_carries_everything(new) -> None:
    answers = answers_at(new, 4)
    report = carry_over(new, new, answers)
    assert report.carried_ids == set(answers) and report.left_behind == ()


def test_a_2026_1_assessment_opens_in_2026_2_with_its_carried_over_answers(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    with Workspace.open(data) as workspace:
        service = workspace.assessments
        service._load_shipped = lambda: load_framework(FROZEN_2026_1)
        service._shipped = None
        first = service.create("2026 baseline", 2026, actor="Amina")
        assert first.framework_version == "2026.1"
        for indicator in service.framework_of(first).indicators:
            answer = Answer(
                indicator.id, AnswerKind.LEVEL, 3, evidence="Report", answered_by="Amina"
            )
            service.save_answer(first.id, answer, actor="Amina")
    with Workspace.open(data) as workspace:
        service = workspace.assessments
        follow_up = service.create("2027 follow-up", 2027, carry_over_from=first.id, actor="Amina")
        assert follow_up.framework_version == "2026.2"
        # the old one still reads on its own framework
        kept = service.framework_of(service.get(first.id))
        assert kept.version == "2026.1" and len(service.answers(first.id)) == 98
        report = service.carry_over_report(follow_up.id)
        assert report is not None and report.source_version == "2026.1"
        assert set(service.answers(follow_up.id)) == report.carried_ids
        assert report.left_behind_ids == REMOVED | REWORDED_FOR_LEVEL_3
        assert service.carry_over_report(first.id) is None


def test_the_list_shown_after_creation_names_every_answer_left_behind(old, new) -> None:
    from acsg_desktop.core.assessment.carry_over import carry_over_lines

    report = carry_over(old, new, answers_at(old, 4))
    lines = carry_over_lines(report, old)
    assert len(lines) == len(report.left_behind) == 98
    roles = old.indicator("governance.mandate-roles").question.get("en")
    assert f"{roles} (The description of level 5 changed.)" in lines
    assert any("removed or merged" in line for line in lines)


def test_a_not_applicable_answer_to_what_now_always_applies_is_left_behind(new) -> None:
    """An answer "not applicable" given where the framework did not yet say that a guarantee
    always applies (a 2026.2 snapshot from before the flag) is listed, with why, instead of
    carried as an answer that would count unanswered."""
    source = read_framework_source(framework_folder())
    for area in source["areas"]:
        for raw in area["indicators"]:
            raw.pop("always_applies", None)
    before = framework_from_source(source)
    always = [i.id for i in new.indicators if i.always_applies]
    answers = {
        indicator_id: Answer(
            indicator_id, AnswerKind.NOT_APPLICABLE, note="None here", answered_by="Amina"
        )
        for indicator_id in [*always, "contingency.surge-capacity"]
        if indicator_id in {i.id for i in before.indicators}
    }
    report = carry_over(before, new, answers)
    assert {item.indicator_id for item in report.left_behind} == set(always)
    assert all(item.reasons == (Reason.ALWAYS_APPLIES,) for item in report.left_behind)
    assert [item.indicator_id for item in report.carried] == [i for i in answers if i not in always]
