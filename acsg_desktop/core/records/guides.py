"""Practice guides as plain objects."""

from __future__ import annotations

from dataclasses import dataclass, field

from acsg_desktop.core.i18n import N_, SOURCE_LANGUAGE, SUPPORTED_LANGUAGES

TYPE_LABELS = {
    "good_practice": N_("Good practice"),
    "tool": N_("Tool"),
    "checklist": N_("Checklist"),
    "template": N_("Template"),
}
REGION_LABELS = {
    "global": N_("Global"),
    "africa": N_("Africa"),
    "americas": N_("Americas"),
    "asia-pacific": N_("Asia and the Pacific"),
    "europe": N_("Europe"),
    "middle-east-north-africa": N_("Middle East and North Africa"),
}


@dataclass(frozen=True)
class GuideText:
    """One language version of a guide."""

    title: str
    summary: str
    body: str
    source: str = ""  # where the facts come from, in this version's language


@dataclass(frozen=True)
class Guide:
    """A practice guide or tool, with its metadata and its language versions."""

    id: str
    type: str
    areas: tuple[str, ...]
    aims: tuple[str, ...]
    region: str
    year: int
    texts: dict[str, GuideText] = field(default_factory=dict)

    def text(self, language: str) -> GuideText:
        """The version in ``language``, else in another language (never nothing)."""
        for candidate in (language, SOURCE_LANGUAGE, *SUPPORTED_LANGUAGES):
            if candidate in self.texts:
                return self.texts[candidate]
        raise KeyError(self.id)

    def has(self, language: str) -> bool:
        return language in self.texts


@dataclass(frozen=True)
class GuideFilters:
    """What the list and the search are narrowed to ("" means any)."""

    area: str = ""
    aim: str = ""
    type: str = ""
    region: str = ""
    bookmarked_only: bool = False


@dataclass(frozen=True)
class GuideSummary:
    """A line of the guide list."""

    guide_id: str
    title: str
    type: str
    year: int


@dataclass(frozen=True)
class SearchHit:
    """A guide found by a search, with a snippet whose matches are marked.

    ``lang`` is the language version that matched best (the snippet's); the title is in the
    language asked for when that version exists.
    """

    guide_id: str
    title: str
    snippet: str
    rank: float
    lang: str


SEARCH_LIMIT = 20  # the best hits a search returns


HIGHLIGHT_START, HIGHLIGHT_END = "\ue000", "\ue001"
