import html
import re
from pathlib import Path

import pytest

from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.guides.loader import (
    GuideError,
    guides_from_files,
    load_shipped_guides,
    split_front_matter,
)
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


FURTHER_READING = {
    "en": "## Further reading",
    "fr": "## Pour aller plus loin",
    "es": "## Lecturas complementarias",
}
RELATED = {
    "en": "## Related indicators",
    "fr": "## Indicateurs liés",
    "es": "## Indicadores relacionados",
}
TRANSLATED = [code for code in SUPPORTED_LANGUAGES if code != "en"]
ADDRESS = re.compile(r"https?://[^\s,;)]+[^\s,;).]")
# A language in an address (a publisher's French page of the same document) is not a difference.
LANGUAGE_IN_ADDRESS = re.compile(r"(?<=[/=_.-])(?:en|fr|es|eng|fre|spa)(?=[/&._-]|$)", re.I)
INDICATOR_ID = re.compile(r"^- `([a-z0-9-]+\.[a-z0-9-]+)`", re.MULTILINE)
SHIPPED = Path(__file__).resolve().parents[3] / "resources" / "guides"


def same_document(address: str) -> str:
    return LANGUAGE_IN_ADDRESS.sub("..", address)


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def section(body: str, heading: str) -> str:
    """The text under a ``##`` heading, up to the next one ("" when the heading is absent)."""
    match = re.search(rf"^{re.escape(heading)}[ \t]*\n(.*?)(?=^## |\Z)", body, re.M | re.S)
    return match.group(1) if match else ""


def without_references(body: str, language: str) -> str:
    """The body without its Further reading list (references are not counted as prose)."""
    references = section(body, FURTHER_READING[language])
    return body.replace(references, "") if references else body


def list_items(text: str) -> list[str]:
    return re.findall(r"^[-*] (.+)$", text, re.MULTILINE)


def test_at_least_24_guides_covering_the_required_topics() -> None:
    assert len(GUIDES) >= 24
    assert {guide.id for guide in GUIDES} >= REQUIRED_TOPICS


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.id)
def test_each_guide_is_complete_in_both_languages(guide) -> None:
    framework_areas = {area.id for area in load_framework().areas}
    assert set(guide.texts) == set(SUPPORTED_LANGUAGES)
    for language in SUPPORTED_LANGUAGES:
        prose = without_references(guide.texts[language].body, language)
        assert 400 <= words(prose) <= 1300, language
    assert set(guide.areas) <= framework_areas
    english = guide.texts["en"].body
    for language in TRANSLATED:
        other = guide.texts[language].body
        assert [len(s) for s in sections(english)] == [len(s) for s in sections(other)], language
        assert all(bool(a) == bool(b) for a, b in aligned_rows(english, other)), language


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.id)
def test_each_guide_has_further_reading_with_the_same_entries_in_both_languages(guide) -> None:
    entries = {
        language: list_items(section(guide.texts[language].body, FURTHER_READING[language]))
        for language in SUPPORTED_LANGUAGES
    }
    assert entries["en"], "no Further reading list in English"
    assert all(len(entries[code]) == len(entries["en"]) for code in TRANSLATED), {
        code: len(found) for code, found in entries.items()
    }
    addresses = {
        code: [[same_document(url) for url in ADDRESS.findall(entry)] for entry in found]
        for code, found in entries.items()
    }
    for code in TRANSLATED:  # the same document in each language: the same address, in order
        assert addresses[code] == addresses["en"], code


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.id)
def test_related_indicators_name_indicators_of_the_framework(guide) -> None:
    known = {indicator.id for area in load_framework().areas for indicator in area.indicators}
    named = {
        language: INDICATOR_ID.findall(section(guide.texts[language].body, RELATED[language]))
        for language in SUPPORTED_LANGUAGES
    }
    assert named["en"], "Related indicators must list indicator ids as - `area.indicator`: ..."
    assert all(named[code] == named["en"] for code in TRANSLATED)
    assert set(named["en"]) <= known, sorted(set(named["en"]) - known)


def test_no_guide_says_facts_drawn_from() -> None:
    offenders = [
        path.name
        for path in sorted(SHIPPED.glob("*.*.md"))
        if "facts drawn from" in path.read_text(encoding="utf-8").lower()
    ]
    assert offenders == []


# Words of each language a source line holds, and what it points to.
SOURCE_LANGUAGE = {
    "fr": (re.compile(r"\b(du|des|de la|et|sur|pour|voir|portail|loi|HCR)\b|« "), "Pour aller"),
    "es": (
        re.compile(r"\b(del|de la|los|las|y|sobre|para|véase|ley|ACNUR)\b"),
        "«Lecturas complementarias»",
    ),
}
ENGLISH_MARKERS = re.compile(r"\b(the|and|see|Further reading|drawn from)\b")


@pytest.mark.parametrize("language", list(SOURCE_LANGUAGE))
def test_translated_guides_give_their_source_in_their_language(language: str) -> None:
    markers, pointer = SOURCE_LANGUAGE[language]
    for path in sorted(SHIPPED.glob(f"*.{language}.md")):
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"), path.name)
        source = str(meta["source"])
        assert markers.search(source), path.name
        assert not ENGLISH_MARKERS.search(source), path.name
        assert pointer in source, path.name


def test_front_matter_holds_plain_text_as_the_reader_shows_it() -> None:
    """Title, summary and source are shown as text, not Markdown: no emphasis marks there."""
    marked = []
    for path in sorted(SHIPPED.glob("*.*.md")):  # the guides, not the folder's README
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"), path.name)
        for field in ("title", "summary", "source"):
            if re.search(r"(?<!\w)[*_`]|[*_`](?!\w)", str(meta.get(field, ""))):
                marked.append(f"{path.name}: {field}")
    assert marked == []


def test_side_by_side_pairs_paragraphs_and_renders_lists_and_tables() -> None:
    guide = next(g for g in GUIDES if "|" in g.texts["en"].body)
    page = side_by_side_html(guide, "en", "fr")
    assert html.escape(guide.texts["en"].title) in page
    assert html.escape(guide.texts["fr"].title) in page
    assert "<table" in page and "<li>" in page and "<h2>" in page


def test_a_missing_language_shows_the_other_with_a_badge(french: None) -> None:
    files = {"solo.en.md": FRONT.format(lang="en") + BODY}
    guide = guides_from_files(files)[0]
    page = single_html(guide, "fr")
    assert "Only in English" in page
    assert "Pas encore disponible en français\u00a0: affiché en anglais." in page.replace(
        " :", "\u00a0:"
    )


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
