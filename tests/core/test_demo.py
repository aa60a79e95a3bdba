"""The demo teaches the right lesson: an invented country, a script, four distinct requests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import DemoResult, create_demo
from acsg_desktop.core.demo.country import DEMO_AUTHORITY, DEMO_COUNTRY
from acsg_desktop.core.demo.requests import EXCHANGES, PLAN, PLEDGE, REQUESTS
from acsg_desktop.core.demo.script import (
    DEFAULT_SCRIPT,
    EXCEPTIONS,
    PEOPLE,
    SCRIPT,
    UNKNOWN_IN_BASELINE,
    script_for,
    scripted_level,
)
from acsg_desktop.core.demo.script_es import EXCEPTIONS_ES, SCRIPT_ES
from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES, fictional_country_name, is_country
from acsg_desktop.core.people.profile import validate_profile
from acsg_desktop.core.records.assessment import AnswerKind
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.records.requests import PartnerKind, RequestStatus
from acsg_desktop.core.workspace import Workspace


@pytest.fixture(scope="module", params=["en", "fr"])
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Workspace, DemoResult, str]]:
    folder: Path = tmp_path_factory.mktemp(f"demo-{request.param}") / "data"
    with Workspace.open(folder) as workspace:
        yield workspace, create_demo(workspace, request.param), request.param


def test_the_country_is_invented_under_a_user_assigned_code(
    demo: tuple[Workspace, DemoResult, str],
) -> None:
    workspace, _result, language = demo
    profile = workspace.profiles.get()
    assert profile is not None and profile.country_code == DEMO_COUNTRY == "XA"
    assert not is_country("XA")  # no real country can ever have it
    assert "fictional" in fictional_country_name("XA", "en")  # type: ignore[operator]
    assert "fictive" in fictional_country_name("XA", "fr")  # type: ignore[operator]
    assert ("fictional" if language == "en" else "fictive") in profile.authority_name
    assert profile.contact_person in PEOPLE


def test_a_profile_may_use_the_demo_code_but_not_any_unknown_code() -> None:
    valid = Profile("xa", "Commission", "Amina Mahamat", "a@example.org", "en")
    assert "country_code" not in validate_profile(valid)
    assert "country_code" in validate_profile(Profile("XQ", "C", "A", "a@example.org", "en"))


def test_levels_follow_the_script_and_an_area_agrees_with_itself(
    demo: tuple[Workspace, DemoResult, str],
) -> None:
    workspace, result, _language = demo
    framework = workspace.assessments.framework_of(result.baseline)
    answers = workspace.assessments.answers(result.baseline.id)
    by_area: dict[str, set[int]] = {}
    for indicator in framework.indicators:
        answer = answers.get(indicator.id)
        if answer is None or answer.kind is not AnswerKind.LEVEL:
            continue
        assert answer.level is not None
        assert answer.level == script_for(indicator).baseline
        if indicator.id not in EXCEPTIONS:
            by_area.setdefault(indicator.area_id, set()).add(answer.level)
        # Evidence named from level 2 up, and only evidence written for this area.
        assert bool(answer.evidence) == (answer.level >= 2)
    assert all(len(levels) == 1 for levels in by_area.values())
    unknown = [answers[i] for i in UNKNOWN_IN_BASELINE if i in answers]
    assert unknown and all(a.kind is AnswerKind.INSUFFICIENT_INFORMATION for a in unknown)


def test_the_follow_up_never_falls_behind_the_baseline(
    demo: tuple[Workspace, DemoResult, str],
) -> None:
    workspace, result, _language = demo
    before = workspace.assessments.answers(result.baseline.id)
    after = workspace.assessments.answers(result.follow_up.id)
    moved = 0
    for indicator_id, answer in after.items():
        old = before.get(indicator_id)
        if old and old.level and answer.level:
            assert answer.level >= old.level
            moved += answer.level > old.level
    assert moved > 0


def test_four_requests_differ_in_state_results_and_partners(
    demo: tuple[Workspace, DemoResult, str],
) -> None:
    _workspace, result, language = demo
    requests = result.requests
    assert [r.status for r in requests] == [
        RequestStatus.DRAFT,
        RequestStatus.IN_REVIEW,
        RequestStatus.APPROVED,
        RequestStatus.WITHDRAWN,
    ]
    assert len({r.content.expected_results for r in requests}) == 4
    assert len({r.content.partner_kinds for r in requests}) == 4
    assert len({r.content.areas for r in requests}) == 4
    assert any(
        {PartnerKind.CIVIL_SOCIETY, PartnerKind.REFUGEE_LED} & set(r.content.partner_kinds)
        for r in requests
    )
    voice = "We plan to" if language == "en" else "Nous prévoyons d"
    assert all(voice in r.content.description for r in requests)


def _levels(workspace: Workspace, result: DemoResult, follow_up: bool) -> dict[str, int]:
    framework = workspace.assessments.framework_of(result.baseline)
    return {i.id: scripted_level(i, follow_up) for i in framework.indicators}


@pytest.mark.parametrize("follow_up", [False, True])
def test_related_indicators_of_different_areas_agree(
    demo: tuple[Workspace, DemoResult, str], follow_up: bool
) -> None:
    workspace, result, _language = demo
    level = _levels(workspace, result, follow_up)
    # Level 3 of internal controls has the drafts listed in the pre-decision review rule read
    # by a second person; level 2 has some drafts read with no rule: the review is as far.
    assert level["quality-assurance.pre-decision-review"] >= min(
        level["integrity.internal-controls"], 3
    )
    # Written allocation rules are level 3 of both allocation indicators.
    assert (level["case-management.workload-allocation"] >= 3) == (
        level["integrity.internal-controls"] >= 3
    )
    # The authority receives every appeal decision (external feedback 3) exactly when the appeal
    # body sends them all (members and case law 3); some reach it (2) when sent on request.
    feedback, appeals = (
        level["quality-assurance.external-feedback"],
        level["appeals.members-and-case-law"],
    )
    assert (feedback >= 3) == (appeals >= 3) and (feedback == 1) == (appeals == 1)
    # A code signed by interpreters (level 3) and interpreters bound by none (level 2) exclude
    # each other.
    assert not (
        level["staffing-training.code-of-conduct"] >= 3
        and level["interview-interpretation.interpreters"] <= 2
    )
    # The script says fraud risks are not mapped: no written risk assessment (level 3).
    assert level["integrity.risk-assessment"] <= 2
    assert "not been mapped" in script_for_id(workspace, result, "integrity.risk-assessment")


def script_for_id(workspace: Workspace, result: DemoResult, indicator_id: str) -> str:
    framework = workspace.assessments.framework_of(result.baseline)
    return script_for(framework.indicator(indicator_id)).note["en"]


def test_an_indicator_that_stands_apart_has_evidence_of_its_own_where_its_area_has_none() -> None:
    for indicator_id, own in EXCEPTIONS.items():
        area = SCRIPT[indicator_id.split(".", 1)[0]]
        if max(own.baseline, own.follow_up) >= 2 and not area.evidence["en"]:
            assert own.evidence["en"] and own.evidence["fr"], indicator_id
        assert bool(own.evidence["en"]) == bool(own.evidence["fr"]), indicator_id
        assert bool(own.note["en"]) == bool(own.note["fr"]), indicator_id


def test_the_backlog_request_starts_from_the_latest_count(
    demo: tuple[Workspace, DemoResult, str],
) -> None:
    _workspace, result, language = demo
    backlog = result.requests[1]
    assert "case-management" in backlog.content.areas
    assert "900" in backlog.content.expected_results
    assert "1 400" not in backlog.content.expected_results
    assert backlog.content.start is not None and backlog.content.start.year > 2026
    # A step that starts from an earlier one ("this analysis") comes with it.
    analysis = "this analysis" if language == "en" else "cette analyse"
    if analysis in backlog.content.description:
        before = backlog.content.description.split(analysis)[0]
        assert ("analyse" if language == "en" else "d'analyser") in before


def _demo_texts() -> list[tuple[str, dict[str, str]]]:
    """Every text the demo writes, as (where, language -> text)."""
    scripts = {**SCRIPT, **EXCEPTIONS, "default": DEFAULT_SCRIPT}
    texts = [(f"{key} evidence", s.evidence) for key, s in scripts.items()]
    texts += [(f"{key} note", s.note) for key, s in scripts.items()]
    texts += [
        (f"{r.activity} {k}", {lang: t[k] for lang, t in r.texts.items()})
        for r in REQUESTS
        for k in r.texts["en"]
    ]
    texts += [(k, {lang: e[k] for lang, e in EXCHANGES.items()}) for k in EXCHANGES["en"]]
    return [*texts, ("plan", PLAN), ("pledge", PLEDGE), ("authority", DEMO_AUTHORITY)]


def test_every_demo_text_has_a_spanish_version_that_is_not_the_english() -> None:
    # A Spanish entry under a key the script does not have would never be used.
    assert set(SCRIPT_ES) <= set(SCRIPT) and set(EXCEPTIONS_ES) <= set(EXCEPTIONS)
    for where, text in _demo_texts():
        assert set(text) == set(SUPPORTED_LANGUAGES), where
        assert bool(text["es"]) == bool(text["en"]), where
        if text["en"]:
            assert text["es"] not in (text["en"], text["fr"]), where
            assert "\u202f" not in text["es"] and " ;" not in text["es"], where


@pytest.fixture(scope="module")
def spanish_demo(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Workspace, DemoResult]]:
    folder: Path = tmp_path_factory.mktemp("demo-es") / "data"
    with Workspace.open(folder) as workspace:
        yield workspace, create_demo(workspace, "es")


def test_the_spanish_demo_stores_spanish_evidence_notes_and_requests(
    spanish_demo: tuple[Workspace, DemoResult],
) -> None:
    workspace, result = spanish_demo
    profile = workspace.profiles.get()
    assert profile is not None and profile.preferred_language == "es"
    assert "ficticia" in profile.authority_name
    framework = workspace.assessments.framework_of(result.baseline)
    answers = workspace.assessments.answers(result.baseline.id)
    leveled = [(i, answers[i.id]) for i in framework.indicators if i.id in answers]
    leveled = [(i, a) for i, a in leveled if a.kind is AnswerKind.LEVEL]
    assert leveled
    for indicator, answer in leveled:
        script = script_for(indicator)
        assert answer.note == script.note["es"], indicator.id
        evidence = script.evidence["es"] if (answer.level or 0) >= 2 else ""
        assert answer.evidence == evidence, indicator.id
    assert any("registro de casos" in a.evidence for _i, a in leveled)
    backlog = result.requests[1]
    assert "900" in backlog.content.expected_results
    assert "solicitudes pendientes" in backlog.content.expected_results
    assert backlog.content.plan_reference.startswith("Plan nacional de desarrollo")
    assert "Foro Mundial sobre los Refugiados" in backlog.content.pledge_reference
    comment = result.requests[2].comments[0]
    assert (comment.body, comment.response) == (
        EXCHANGES["es"]["comment"],
        EXCHANGES["es"]["response"],
    )
    assert result.requests[1].comments[0].body.startswith("¿")
