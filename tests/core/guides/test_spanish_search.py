"""The guide search reads the three language versions, accents optional, on both backends."""

import pytest

from acsg_desktop.core.records.guides import HIGHLIGHT_END, HIGHLIGHT_START, Guide, GuideFilters
from acsg_desktop.core.workspace import Workspace
from tests.core.guides.test_bilingual_search import text


def three(guide_id: str, en: str, fr: str, es: str) -> Guide:
    texts = {
        code: text(title, body=f"{title}.\n")
        for code, title in (("en", en), ("fr", fr), ("es", es))
    }
    return Guide(guide_id, "tool", ("appeals",), ("fairness",), "global", 2026, texts)


GUIDES = [
    three("backlog", "Backlog reduction", "Réduire l'arriéré", "Reducir el rezago"),
    three("modalities", "Processing modalities", "Modalités", "Modalidades de tramitación"),
    three("other", "Registration", "Enregistrement", "Registro"),
]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, module_backend: str | None):
    with Workspace.open(tmp_path_factory.mktemp("three"), module_backend) as opened:
        opened.guides.install(GUIDES, 99)
        yield opened


@pytest.mark.parametrize("screen", ["en", "fr", "es"])
def test_a_spanish_word_is_found_from_any_screen(workspace: Workspace, screen: str) -> None:
    hits = workspace.guides.search("rezago", screen, GuideFilters())
    assert [(hit.guide_id, hit.lang) for hit in hits] == [("backlog", "es")]
    assert hits[0].title == GUIDES[0].texts[screen].title  # titled in the screen's language


@pytest.mark.parametrize("typed", ["tramitacion", "TRAMITACIÓN", "Tramitación"])
def test_spanish_accents_and_case_do_not_matter(workspace: Workspace, typed: str) -> None:
    [hit] = workspace.guides.search(typed, "es", GuideFilters())
    assert hit.guide_id == "modalities"
    assert f"{HIGHLIGHT_START}tramitación{HIGHLIGHT_END}" in hit.snippet


def test_the_spanish_list_is_titled_in_spanish(workspace: Workspace) -> None:
    titles = [row.title for row in workspace.guides.list("es", GuideFilters())]
    assert sorted(titles) == ["Modalidades de tramitación", "Reducir el rezago", "Registro"]
