"""A guide's front matter takes no YAML aliases: nested ones expand exponentially (the attack
review held `guides import` for minutes with a 2 KB signed bundle)."""

import pytest

from acsg_desktop.core.guides.loader import GuideError, split_front_matter

BOMB = (
    "---\nid: x\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    + "".join(f"c{n}: &c{n} [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" for n in range(1))
    + "---\nBody\n"
)


def test_front_matter_without_aliases_reads_as_before() -> None:
    meta, body = split_front_matter("---\nid: x\ntitle: A guide\n---\nBody\n", "x.en.md")
    assert meta == {"id": "x", "title": "A guide"} and body == "Body\n"


def test_an_alias_is_refused_with_the_file_named() -> None:
    with pytest.raises(GuideError) as caught:
        split_front_matter(BOMB, "bomb.en.md")
    assert "bomb.en.md" in str(caught.value) and "aliases" in str(caught.value)
