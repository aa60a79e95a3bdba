"""The user guide's text (resources/help/user-guide.<lang>.md) cut into sections, and which
sections a search finds (words matched as in the practice guides). No Qt here.

Each ``##`` or ``###`` heading starts a section; ``{#id}`` at the end of a ``##`` heading gives
its part a stable name in both languages (the desk opens the guide at ``desk``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from acsg_desktop.core.guides.search_text import TOKEN, search_terms
from acsg_desktop.core.i18n import SOURCE_LANGUAGE, fold
from acsg_desktop.paths import resources_dir

_HEADING = re.compile(r"^(#{1,3})\s+(.*?)\s*(?:\{#([a-z0-9-]+)\})?\s*$")


@dataclass(frozen=True)
class Section:
    """One part of the guide: its heading level (1 to 3), title, the id of the ``##`` part it
    belongs to, and its Markdown without the ``{#id}`` marker."""

    level: int
    title: str
    part: str
    markdown: str


def guide_path(language: str) -> Path:
    """The guide in ``language``, else in English."""
    folder = resources_dir() / "help"
    path = folder / f"user-guide.{language}.md"
    return path if path.is_file() else folder / f"user-guide.{SOURCE_LANGUAGE}.md"


@cache
def _sections_of(path: Path) -> tuple[Section, ...]:
    sections: list[Section] = []
    part, lines, heading = "", [], (1, "")
    for line in path.read_text(encoding="utf-8").splitlines():
        found = _HEADING.match(line)
        if found is None:
            lines.append(line)
            continue
        if lines or heading[1]:
            sections.append(Section(heading[0], heading[1], part, "\n".join(lines)))
        level, title, marker = len(found.group(1)), found.group(2), found.group(3)
        if level == 2 and marker:
            part = marker
        heading, lines = (level, title), [f"{found.group(1)} {title}"]
    sections.append(Section(heading[0], heading[1], part, "\n".join(lines)))
    return tuple(section for section in sections if section.title)


def load_sections(language: str) -> list[Section]:
    """The guide's sections in ``language`` (read once per language)."""
    return list(_sections_of(guide_path(language)))


def matches(section: Section, query: str) -> bool:
    """Whether ``section`` holds every word of ``query`` as the guides' search matches them:
    accents and case aside, each word whole except the last one typed, which may be the start
    of a word (search as you type)."""
    whole, prefix = search_terms(query)
    if not prefix:
        return False
    words = {fold(word) for word in TOKEN.findall(section.markdown)}
    return whole <= words and any(word.startswith(prefix) for word in words)
