import re

import pytest

from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.guides.loader import GuideError, guides_from_files, load_shipped_guides
from acsg_desktop.core.guides.render import aligned_rows, sections, side_by_side_html, single_html
from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES

GUIDES = load_shipped_guides()
REQUIRED_TOPICS = {
    "differentiated-case-processing",
    "backlog-reduction-plan",
    "triage-and-case-prioritisation",
    "registration-and-identity",
    "personal-interview-techniques",
    "working-with-interpreters",
    "coi-unit-setup",
    "decision-writing",
    "quality-assurance-system",
    "appeals-body-effectiveness",
    "legal-aid-and-information",
    "specific-needs-identification",
    "children-in-asylum-procedure",
    "case-management-system-and-data",
    "case-officer-training",
    "integrity-and-anti-fraud",
    "contingency-planning",
    "asylum-system-needs-assessment",
    "civil-society-and-rlo-partnerships",
    "designing-a-matchable-support-request",
    "prima-facie-and-group-recognition",
}


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def test_at_least_24_guides_covering_the_required_topics() -> None:
    assert len(GUIDES) >= 24
    assert {guide.id for guide in GUIDES} >= REQUIRED_TOPICS


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.id)
def test_each_guide_is_complete_in_both_languages(guide) -> None:
    framework_areas = {area.id for area in load_framework().areas}
    assert set(guide.texts) == set(SUPPORTED_LANGUAGES)
    for language in SUPPORTED_LANGUAGES:
        assert 400 <= words(guide.texts[language].body) <= 1300, language
    assert set(guide.areas) <= framework_areas
    english, french = (sections(guide.texts[lang].body) for lang in ("en", "fr"))
    assert [len(s) for s in english] == [len(s) for s in french]
    assert all(
        bool(a) == bool(b) for a, b in aligned_rows(guide.texts["en"].body, guide.texts["fr"].body)
    )


def test_side_by_side_pairs_paragraphs_and_renders_lists_and_tables() -> None:
    guide = next(g for g in GUIDES if "|" in g.texts["en"].body)
    page = side_by_side_html(guide, "en", "fr")
    assert guide.texts["en"].title in page and guide.texts["fr"].title in page
    assert "<table" in page and "<li>" in page and "<h2>" in page


def test_a_missing_language_shows_the_other_with_a_badge(french: None) -> None:
    files = {"solo.en.md": FRONT.format(lang="en") + BODY}
    guide = guides_from_files(files)[0]
    page = single_html(guide, "fr")
    assert "Only in English" in page
    assert "Pas encore disponible en français : affiché en anglais." in page


FRONT = """---
id: solo
lang: {lang}
title: Only in English
summary: A guide written in one language so far.
type: tool
areas: [appeals]
aims: [fairness]
region: global
year: 2026
source: Our own experience
---
"""
BODY = "## The problem\n\nSome text.\n"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"solo.en.md": BODY}, "solo.en.md has no front matter"),
        (
            {"solo.en.md": FRONT.format(lang="en").replace("type: tool", "type: poem") + BODY},
            r"solo.en.md: the field type is invalid",
        ),
        ({"other.en.md": FRONT.format(lang="en") + BODY}, "must match the file name"),
        (
            {
                "solo.en.md": FRONT.format(lang="en") + BODY,
                "solo.fr.md": FRONT.format(lang="fr").replace("year: 2026", "year: 2025") + BODY,
            },
            "metadata differs",
        ),
        ({"solo.en.md": "---\ntitle: [unclosed\n---\n" + BODY}, "not valid YAML"),
    ],
)
def test_broken_guide_files_are_named(files: dict, message: str) -> None:
    with pytest.raises(GuideError, match=message):
        guides_from_files(files)
