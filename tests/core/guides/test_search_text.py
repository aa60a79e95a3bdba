"""Snippets as plain text, and the searched words marked in a rendered guide."""

import pytest

from acsg_desktop.core.guides.render import single_html
from acsg_desktop.core.guides.search_text import FIRST_HIT, MARK_START, mark_words, plain_snippet
from acsg_desktop.core.records.guides import HIGHLIGHT_END, HIGHLIGHT_START, Guide, GuideText

S, E = HIGHLIGHT_START, HIGHLIGHT_END


@pytest.mark.parametrize(
    ("snippet", "plain"),
    [
        (f"## The {S}problem{E}\n\nA backlog", f"The {S}problem{E} — A backlog"),
        (f"## The {S}problem{E}", f"The {S}problem{E}"),
        (
            f"the {S}backlog{E}.\n\n- `case-management.backlog`: old cases",
            f"the {S}backlog{E}. old cases",
        ),
        (f"1. **{S}Inventory{E}.** Count", f"{S}Inventory{E}. Count"),
        (f"| Old {S}stock{E} | pending | monthly |", f"Old {S}stock{E} · pending · monthly"),
        ("|---|:---:|\n| a | b |", "a · b"),
        (f"see [the {S}guide{E}](https://x.org/a_b) now", f"see the {S}guide{E} now"),
        (f"…{S}guide{E}](https://x.org/a) and", f"…{S}guide{E} and"),
        (f"- `{S}case{E}-management.backlog`: known", f"{S}case{E}-management.backlog: known"),
        (f"> _{S}quoted{E}_ *text*", f"{S}quoted{E} text"),
        ("keeps snake_case and 3 - 1", "keeps snake_case and 3 - 1"),
    ],
)
def test_markdown_leaves_the_snippet(snippet: str, plain: str) -> None:
    assert plain_snippet(snippet) == plain


def marked(html_text: str, typed: str) -> list[str]:
    result, count = mark_words(html_text, typed)
    words = [part.split("</span>")[0] for part in result.split(MARK_START)[1:]]
    assert len(words) == count
    return words


def test_the_last_word_is_a_prefix_the_others_whole_accents_ignored() -> None:
    html_text = "<p>Équité des entretiens; l'equite, un entretien, l'entre-deux.</p>"
    assert marked(html_text, "entretien equi") == ["Équité", "equite", "entretien"]
    assert marked(html_text, "EQUITE entre") == [
        "Équité",
        "entretiens",
        "equite",
        "entretien",
        "entre",
    ]


def test_tags_and_entities_are_never_marked() -> None:
    html_text = '<p style="amp">Fish &amp; chips &#39;x&#39;</p>'
    result, count = mark_words(html_text, "amp 39")
    assert (result, count) == (html_text, 0)
    assert marked('<td width="50%">width</td>', "width") == ["width"]


def test_the_first_mark_is_the_anchor_and_no_words_mark_nothing() -> None:
    result, count = mark_words("<p>appeal, appeals</p>", "appeal")
    assert count == 2 and result.count(f'name="{FIRST_HIT}"') == 1
    assert result.index(FIRST_HIT) < result.index("appeals")
    assert mark_words("<p>appeal</p>", " ;- ") == ("<p>appeal</p>", 0)


def test_a_rendered_guide_is_marked_in_title_and_body() -> None:
    guide = Guide(
        "g",
        "tool",
        (),
        (),
        "global",
        2026,
        {"fr": GuideText("L'arriéré", "Résumé", "Un **arriéré**.\n")},
    )
    assert marked(single_html(guide, "fr"), "arriere") == ["arriéré", "arriéré"]
