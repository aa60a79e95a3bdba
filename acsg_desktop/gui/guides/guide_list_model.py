"""The guide list as a Qt model: titles a page at a time, or the few search results."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from acsg_desktop.core.i18n import N_
from acsg_desktop.core.records.guides import HIGHLIGHT_END, HIGHLIGHT_START, GuideSummary, SearchHit
from acsg_desktop.gui.widgets.html_delegate import HTML_ROLE
from acsg_desktop.gui.widgets.paged_model import PagedTableModel

GUIDE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class GuideLine:
    """One line of the list: the guide, its plain text and its rich text."""

    guide_id: str
    text: str
    rich: str


def _snippet_html(snippet: str) -> str:
    escaped = html.escape(" ".join(snippet.split()))
    return escaped.replace(HIGHLIGHT_START, "<b><u>").replace(HIGHLIGHT_END, "</u></b>")


def _plain(snippet: str) -> str:
    return " ".join(snippet.replace(HIGHLIGHT_START, "«").replace(HIGHLIGHT_END, "»").split())


def summary_line(guide: GuideSummary) -> GuideLine:
    return GuideLine(guide.guide_id, guide.title, html.escape(guide.title))


def hit_line(hit: SearchHit) -> GuideLine:
    rich = f"<b>{html.escape(hit.title)}</b><br/>{_snippet_html(hit.snippet)}"
    return GuideLine(hit.guide_id, f"{hit.title}\n{_plain(hit.snippet)}", rich)


class GuideListModel(PagedTableModel[GuideLine]):
    """One column; the guide id under ``GUIDE_ROLE``, the rich text under ``HTML_ROLE``."""

    headers = (N_("Title"),)

    def display(self, row: GuideLine, column: int) -> str:
        return row.text

    def extra(self, row: GuideLine, column: int, role: int) -> Any:
        if role == GUIDE_ROLE:
            return row.guide_id
        return row.rich if role == HTML_ROLE else None
