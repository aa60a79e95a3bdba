"""The guide list as a Qt model: titles a page at a time, or the few search results."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from acsg_desktop.core.display import escape_controls, escape_line
from acsg_desktop.core.guides.reading_modes import LANGUAGES_IN_TEXT
from acsg_desktop.core.i18n import N_, _, format_number, ngettext
from acsg_desktop.core.records.guides import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SEARCH_LIMIT,
    GuideSummary,
    SearchHit,
)
from acsg_desktop.gui.widgets.html_delegate import HTML_ROLE
from acsg_desktop.gui.widgets.paged_model import PagedTableModel

GUIDE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class GuideLine:
    """One line of the list: the guide, its plain text and its rich text."""

    guide_id: str
    text: str
    rich: str


def _shown(text: str) -> str:
    """``text`` with unprintable characters made visible, the highlight marks kept."""
    return HIGHLIGHT_START.join(
        HIGHLIGHT_END.join(escape_controls(piece) for piece in part.split(HIGHLIGHT_END))
        for part in text.split(HIGHLIGHT_START)
    )


def _snippet_html(snippet: str) -> str:
    escaped = html.escape(" ".join(_shown(snippet).split()))
    return escaped.replace(HIGHLIGHT_START, "<b><u>").replace(HIGHLIGHT_END, "</u></b>")


def _plain(snippet: str) -> str:
    return " ".join(snippet.replace(HIGHLIGHT_START, "«").replace(HIGHLIGHT_END, "»").split())


def summary_line(guide: GuideSummary) -> GuideLine:
    title = escape_line(guide.title)
    return GuideLine(guide.guide_id, title, html.escape(title))


def hit_line(hit: SearchHit, language: str) -> GuideLine:
    """The hit's title, then its snippet, which names its language when not ``language``."""
    tag = ""
    if hit.lang != language:
        name = _(LANGUAGES_IN_TEXT.get(hit.lang, hit.lang))
        tag = _("{language} text:").format(language=name) + " "
    title = escape_line(hit.title)
    rich = f"<b>{html.escape(title)}</b><br/><i>{html.escape(tag)}</i>{_snippet_html(hit.snippet)}"
    return GuideLine(hit.guide_id, f"{title}\n{tag}{_plain(_shown(hit.snippet))}", rich)


def found_text(count: int) -> str:
    """How many guides a search found (it keeps the best ``SEARCH_LIMIT``)."""
    if count >= SEARCH_LIMIT:
        return _("The {count} best matches").format(count=format_number(count))
    return ngettext("{count} guide found", "{count} guides found", count).format(
        count=format_number(count)
    )


def listed_text(count: int) -> str:
    return ngettext("{count} guide", "{count} guides", count).format(count=format_number(count))


class GuideListModel(PagedTableModel[GuideLine]):
    """One column; the guide id under ``GUIDE_ROLE``, the rich text under ``HTML_ROLE``."""

    headers = (N_("Title"),)
    one_line_cells = False  # a search result's title, then its snippet on a line of its own

    def display(self, row: GuideLine, column: int) -> str:
        return row.text

    def extra(self, row: GuideLine, column: int, role: int) -> Any:
        if role == GUIDE_ROLE:
            return row.guide_id
        return row.rich if role == HTML_ROLE else None
