from pathlib import Path

import pytest

from acsg_desktop.core.records.guides import HIGHLIGHT_END, HIGHLIGHT_START, GuideFilters
from acsg_desktop.core.store.guide_repository import fts_query
from acsg_desktop.core.workspace import Workspace


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, module_backend: str | None):
    with Workspace.open(tmp_path_factory.mktemp("guides"), module_backend) as opened:
        yield opened


def ids(hits) -> list[str]:
    return [hit.guide_id for hit in hits]


@pytest.mark.parametrize("query", ["equite", "EQUITE", "équité", "Équité"])
def test_accents_and_case_do_not_matter_in_french(workspace: Workspace, query: str) -> None:
    hits = workspace.guides.search(query, "fr", GuideFilters())
    assert hits
    assert HIGHLIGHT_START in hits[0].snippet and HIGHLIGHT_END in hits[0].snippet


def test_both_languages_are_searched_separately(workspace: Workspace) -> None:
    english = workspace.guides.search("interpreter", "en", GuideFilters())
    french = workspace.guides.search("interprete", "fr", GuideFilters())
    assert ids(english)[0] == ids(french)[0] == "working-with-interpreters"
    for hit in french:
        assert hit.title == workspace.guides.get(hit.guide_id).texts["fr"].title


def test_a_title_match_ranks_first(workspace: Workspace) -> None:
    assert ids(workspace.guides.search("backlog", "en", GuideFilters()))[0] == (
        "backlog-reduction-plan"
    )
    assert ids(workspace.guides.search("arriere", "fr", GuideFilters()))[0] == (
        "backlog-reduction-plan"
    )


def test_search_as_you_type_matches_prefixes(workspace: Workspace) -> None:
    assert "coi-unit-setup" in ids(workspace.guides.search("country of orig", "en", GuideFilters()))


def test_filters_combine_with_search_and_listing(workspace: Workspace) -> None:
    everything = workspace.guides.search("interview", "en", GuideFilters())
    appeals = workspace.guides.search(
        "interview", "en", GuideFilters(area="interview-interpretation")
    )
    assert 0 < len(appeals) < len(everything)
    assert all(
        "interview-interpretation" in workspace.guides.get(h.guide_id).areas for h in appeals
    )
    listed = workspace.guides.list("en", GuideFilters(type="checklist"))
    assert listed and all(workspace.guides.get(g.guide_id).type == "checklist" for g in listed)
    africa = workspace.guides.list("en", GuideFilters(region="africa", aim="fairness"))
    assert all(workspace.guides.get(g.guide_id).region == "africa" for g in africa)


def test_bookmarks_filter(workspace: Workspace) -> None:
    workspace.guides.set_bookmark("decision-writing", True)
    marked = workspace.guides.list("fr", GuideFilters(bookmarked_only=True))
    assert [g.guide_id for g in marked] == ["decision-writing"]
    workspace.guides.set_bookmark("decision-writing", False)
    assert workspace.guides.list("fr", GuideFilters(bookmarked_only=True)) == []


@pytest.mark.parametrize("typed", ['"', "AND", "NEAR(", "-", "a OR", "*", "équité)"])
def test_any_typed_text_is_a_safe_query(workspace: Workspace, typed: str) -> None:
    hits = workspace.guides.search(typed, "fr", GuideFilters())  # no FTS5 syntax error
    assert isinstance(hits, list)
    assert all(part.startswith('"') for part in fts_query(typed).split())


def test_shipped_guides_are_installed_once(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as first:
        assert first.guides.installed_version() >= 1
        assert first.guides.install_shipped_if_newer() is False


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_list_is_in_a_readers_order_in_each_language(workspace: Workspace, language) -> None:
    from acsg_desktop.core.i18n import fold

    titles = [guide.title for guide in workspace.guides.list(language, GuideFilters())]
    assert len(titles) > 20
    assert [fold(title) for title in titles] == sorted(fold(title) for title in titles)
    if language == "fr":  # "Établir..." among the E, not after "Travailler..."
        assert any(title.startswith("É") for title in titles)
        first_after_e = next(t for t in titles if fold(t) > "f")
        assert titles.index(first_after_e) > max(
            n for n, t in enumerate(titles) if t.startswith("É")
        )
