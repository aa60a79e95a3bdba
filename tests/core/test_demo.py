"""The demo teaches the right lesson: an invented country, a script, four distinct requests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import (
    EXCEPTIONS,
    PEOPLE,
    UNKNOWN_IN_BASELINE,
    DemoResult,
    create_demo,
    script_for,
)
from acsg_desktop.core.demo.country import DEMO_COUNTRY
from acsg_desktop.core.i18n import fictional_country_name, is_country
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
        if indicator.id not in EXCEPTIONS:
            by_area.setdefault(indicator.area_id, set()).add(answer.level)
            assert answer.level == script_for(indicator).baseline
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
