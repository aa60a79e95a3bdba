"""The guide search reads both language versions, whatever the screen's language."""

from pathlib import Path

import pytest

from acsg_desktop.core.records.guides import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SEARCH_LIMIT,
    Guide,
    GuideFilters,
    GuideText,
)
from acsg_desktop.core.workspace import Workspace

MARKDOWN_BODY = """## Étapes du **registre**

| Mesure | Registre | Revue |
|---|---|---|
| Stock | le [registre national](https://example.org/registre) | mensuelle |

- `registre.code`: *le registre* tenu à jour
"""


def guide(guide_id: str, en: GuideText, fr: GuideText, area: str = "appeals") -> Guide:
    return Guide(guide_id, "tool", (area,), ("fairness",), "global", 2026, {"en": en, "fr": fr})


def text(title: str, summary: str = "Summary", body: str = "Nothing here.\n") -> GuideText:
    return GuideText(title, summary, body, "test")


GUIDES = [
    guide(
        "title-match",
        text("Backlog reduction", body="A plan.\n"),
        text("Réduire l'arriéré", body="Un plan pour résorber l'arriéré.\n"),
    ),
    guide(
        "summary-match",
        text("Planning", "How a backlog is cleared."),
        text("Planifier", "Comment un arriéré se résorbe."),
    ),
    guide(
        "body-match",
        text("Staffing", body="Staff numbers, and a backlog among many other words.\n"),
        text("Personnel", body="Effectifs, et un arriéré parmi beaucoup d'autres mots.\n"),
        area="registration",
    ),
    guide(
        "same-text",
        text("Quorum", body="Quorum rules apply.\n"),
        text("Quorum", body="Quorum rules apply.\n"),
    ),
    guide("markdown", text("Register", body=MARKDOWN_BODY), text("Registre", body=MARKDOWN_BODY)),
    guide("country", text("Côte d'Ivoire", body="Abidjan.\n"), text("Côte d'Ivoire")),
]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, module_backend: str | None):
    with Workspace.open(tmp_path_factory.mktemp("bilingual"), module_backend) as opened:
        opened.guides.install(GUIDES, 99)
        yield opened


def ids(hits) -> list[str]:
    return [hit.guide_id for hit in hits]


@pytest.mark.parametrize("screen", ["en", "fr"])
def test_each_language_is_found_from_either_screen(workspace: Workspace, screen: str) -> None:
    english = workspace.guides.search("backlog", screen, GuideFilters())
    french = workspace.guides.search("arriere", screen, GuideFilters())
    assert ids(english) == ids(french) == ["title-match", "summary-match", "body-match"]
    assert {hit.lang for hit in english} == {"en"} and {hit.lang for hit in french} == {"fr"}
    titles = {hit.title for hit in english}  # titled in the screen's language all the same
    assert titles == {g.texts[screen].title for g in GUIDES[:3]}


def test_one_hit_per_guide_from_the_best_ranked_language(workspace: Workspace) -> None:
    both = workspace.guides.search("quorum", "fr", GuideFilters())
    assert ids(both) == ["same-text"]
    assert both[0].lang == "fr"  # a tie: the screen's language
    assert workspace.guides.search("quorum", "en", GuideFilters())[0].lang == "en"
    # the English title holds the word, the French one does not: English ranks better
    plan = workspace.guides.search("reduction", "fr", GuideFilters())
    assert (ids(plan)[0], plan[0].lang) == ("title-match", "en")


@pytest.mark.parametrize("typed", ["cote", "COTE", "côte", "Côte d'Iv"])
def test_accents_and_case_do_not_matter(workspace: Workspace, typed: str) -> None:
    assert ids(workspace.guides.search(typed, "en", GuideFilters())) == ["country"]


@pytest.mark.parametrize("typed", ["resorber", "RÉSORBER", "Résorber"])
def test_french_words_without_accents_from_the_english_screen(
    workspace: Workspace, typed: str
) -> None:
    hits = workspace.guides.search(typed, "en", GuideFilters())
    assert ids(hits) == ["title-match"]
    assert f"{HIGHLIGHT_START}résorber{HIGHLIGHT_END}" in hits[0].snippet


def test_title_ranks_above_summary_above_body(workspace: Workspace) -> None:
    hits = workspace.guides.search("backlog", "en", GuideFilters())
    assert ids(hits) == ["title-match", "summary-match", "body-match"]
    assert [hit.rank for hit in hits] == sorted(hit.rank for hit in hits)


def test_filters_still_apply_to_both_languages(workspace: Workspace) -> None:
    narrowed = workspace.guides.search("arriere", "en", GuideFilters(area="registration"))
    assert ids(narrowed) == ["body-match"]


def test_snippets_carry_no_markdown(workspace: Workspace) -> None:
    [hit] = workspace.guides.search("registre", "en", GuideFilters())
    plain = hit.snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")
    for syntax in ("**", "#", "](", "|", "`", "---", "*le", "https://"):
        assert syntax not in plain, (syntax, plain)
    assert "registre national" in plain and "Mesure" in plain
    assert "\n" not in plain and "  " not in plain


def test_at_most_the_limit_of_guides_each_once(tmp_path: Path) -> None:
    many = [
        guide(f"g{n:02}", text(f"Appeal {n}"), text(f"Recours {n}", body="appeal\n"))
        for n in range(SEARCH_LIMIT + 5)
    ]
    with Workspace.open(tmp_path) as workspace:
        workspace.guides.install(many, 99)
        hits = workspace.guides.search("appeal", "fr", GuideFilters())
    assert len(hits) == SEARCH_LIMIT == len(set(ids(hits)))
