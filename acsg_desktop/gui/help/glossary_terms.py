"""The ACSG glossary (resources/glossary.json) as rows for the glossary window. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from acsg_desktop.core.i18n import fold
from acsg_desktop.core.strict_json import strict_json
from acsg_desktop.paths import resources_dir


@dataclass(frozen=True)
class Term:
    """One concept: its preferred term and note in each language, and the variants not to use
    in each translation."""

    id: str
    term: dict[str, str]
    note: dict[str, str]
    avoid: dict[str, tuple[str, ...]]

    def matches(self, query: str) -> bool:
        """Whether ``query`` is in the term or its note, in any language (accents aside)."""
        needle = fold(query.strip())
        texts = (*self.term.values(), *self.note.values())
        return not needle or any(needle in fold(text) for text in texts)


@cache
def glossary() -> tuple[str, tuple[Term, ...]]:
    """The glossary's version and its terms, in the file's order."""
    document = strict_json((resources_dir() / "glossary.json").read_bytes())
    terms = tuple(
        Term(
            id=entry["id"],
            term=dict(entry["term"]),
            note=dict(entry.get("note", {})),
            avoid={lang: tuple(words) for lang, words in entry.get("forbidden", {}).items()},
        )
        for entry in document["terms"]
    )
    return str(document["version"]), terms
