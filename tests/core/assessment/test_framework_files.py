import copy
import json
import shutil
from pathlib import Path

import pytest

from acsg_desktop.core.framework.loader import (
    FrameworkError,
    framework_folder,
    load_framework,
    read_framework_source,
)
from acsg_desktop.core.framework.model import AIMS
from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES
from acsg_desktop.paths import resources_dir


@pytest.fixture(scope="module")
def framework():
    return load_framework()


def test_shipped_framework_is_big_enough(framework) -> None:
    assert len(framework.areas) >= 18
    assert len(framework.indicators) >= 70


def texts_of(framework):
    for area in framework.areas:
        yield area.id, area.title
        yield area.id, area.summary
        for indicator in area.indicators:
            yield indicator.id, indicator.question
            yield indicator.id, indicator.evidence_prompt
            yield from ((indicator.id, text) for text in indicator.levels + indicator.next_steps)
            if indicator.condition:
                yield indicator.id, indicator.condition.reason
    for context in framework.contexts:
        yield context.id, context.question


def test_every_text_exists_in_both_languages(framework) -> None:
    missing = [
        (owner, lang)
        for owner, text in texts_of(framework)
        for lang in SUPPORTED_LANGUAGES
        if text.is_missing(lang)
    ]
    assert missing == []


def test_french_is_not_a_copy_of_english(framework) -> None:
    same = [
        owner
        for owner, text in texts_of(framework)
        if text.get("fr") == text.get("en") and len(text.get("en")) > 30
    ]
    assert same == []


def test_indicators_are_well_formed(framework) -> None:
    for indicator in framework.indicators:
        assert len(indicator.levels) == 5 and len(indicator.next_steps) == 4
        assert set(indicator.aims) <= set(AIMS) and indicator.aims
        assert indicator.weight in (1, 2)
        assert 2 <= indicator.target_level <= 5
    assert {aim for i in framework.indicators for aim in i.aims} == set(AIMS)
    assert any(i.condition for i in framework.indicators)


def test_guides_named_by_indicators_exist(framework) -> None:
    guides = {path.name.split(".")[0] for path in (resources_dir() / "guides").glob("*.en.md")}
    named = {guide for indicator in framework.indicators for guide in indicator.guides}
    assert named - guides == set()


def test_appeal_indicators_depend_on_a_separate_appeal_body(framework) -> None:
    appeals = framework.area("appeals").indicators
    conditional = [i for i in appeals if i.condition]
    assert conditional and all(i.condition.context == "separate_appeal_body" for i in conditional)
    assert not any(i.applies({"separate_appeal_body": False}) for i in conditional)


def copy_framework(tmp_path: Path) -> Path:
    target = tmp_path / "framework"
    shutil.copytree(framework_folder(), target)
    return target


def rewrite(path: Path, change) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["indicators"][1]["levels"].pop(),
            "12-appeals.json: the field indicators[1].levels",
        ),
        (lambda d: d["indicators"][0]["question"].pop("fr"), "indicators[0].question"),
        (lambda d: d["indicators"][0].update(aims=["speed"]), "indicators[0].aims[0]"),
        (lambda d: d["indicators"][0].update(weight=3), "indicators[0].weight"),
        (lambda d: d["indicators"][1]["applies_if"].update(context="unknown"), "unknown context"),
    ],
)
def test_broken_file_is_named_with_its_field(tmp_path: Path, change, expected: str) -> None:
    folder = copy_framework(tmp_path)
    rewrite(folder / "areas" / "12-appeals.json", change)
    with pytest.raises(FrameworkError, match=expected.replace("[", r"\[").replace("]", r"\]")):
        load_framework(folder)


def test_invalid_json_is_named(tmp_path: Path) -> None:
    folder = copy_framework(tmp_path)
    (folder / "areas" / "03-planning-resources.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(FrameworkError, match=r"03-planning-resources\.json is not valid JSON"):
        load_framework(folder)


def test_fingerprint_changes_only_with_what_is_asked(tmp_path: Path) -> None:
    source = read_framework_source(framework_folder())
    changed = copy.deepcopy(source)
    changed["areas"][0]["indicators"][0]["evidence_prompt"]["en"] = "Other documents."
    changed["areas"][0]["indicators"][1]["levels"][2]["en"] = "A different level 3."
    from acsg_desktop.core.framework.loader import framework_from_source

    before, after = framework_from_source(source), framework_from_source(changed)
    first, second = before.areas[0].indicators[:2], after.areas[0].indicators[:2]
    assert first[0].fingerprint == second[0].fingerprint
    assert first[1].fingerprint != second[1].fingerprint
