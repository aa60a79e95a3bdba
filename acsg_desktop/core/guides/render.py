"""Guides as HTML for the reading view: one language, or two side by side, paragraph by paragraph.

Both language versions have the same sections in the same order and the same number of
paragraphs per section, so pairing block n of section k in each gives aligned rows.
"""

from __future__ import annotations

import html
from functools import cache
from itertools import zip_longest
from typing import Any

from acsg_desktop.core.guides.reading_modes import LANGUAGES_IN_TEXT
from acsg_desktop.core.i18n import _, current_language
from acsg_desktop.core.records.guides import TYPE_LABELS, Guide

BADGE_STYLE = "background-color:#fff3cd; color:#5c4400; padding:4px;"


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def render_markdown(text: str) -> str:
    """Markdown (headings, lists, tables, emphasis; raw HTML is escaped) to HTML."""
    return str(_parser().render(text))


def sections(body: str) -> list[list[str]]:
    """The body as sections (a heading starts one) of blocks (runs of non-blank lines)."""
    result: list[list[str]] = [[]]
    block: list[str] = []

    def close_block() -> None:
        if block:
            result[-1].append("\n".join(block))
            block.clear()

    for line in body.splitlines():
        if line.startswith("#"):
            close_block()
            result.append([line])
        elif not line.strip():
            close_block()
        else:
            block.append(line)
    close_block()
    return [section for section in result if section]


def aligned_rows(left: str, right: str) -> list[tuple[str, str]]:
    """Pairs of Markdown blocks, section by section, block by block ("" where one is short)."""
    rows: list[tuple[str, str]] = []
    empty: list[str] = []
    pairs: zip_longest[tuple[list[str], list[str]]] = zip_longest(
        sections(left), sections(right), fillvalue=empty
    )
    for left_section, right_section in pairs:
        rows.extend(zip_longest(left_section, right_section, fillvalue=""))
    return rows


def _badge(guide: Guide, language: str) -> str:
    if guide.has(language):
        return ""
    shown = next(lang for lang in guide.texts)
    text = _("Not available in {missing} yet: shown in {shown}.").format(
        missing=_(LANGUAGES_IN_TEXT[language]), shown=_(LANGUAGES_IN_TEXT[shown])
    )
    return f'<p style="{BADGE_STYLE}">{html.escape(text)}</p>'


def _header(guide: Guide, language: str) -> str:
    text = guide.text(language)
    return (
        f"<h1>{html.escape(text.title)}</h1>{_badge(guide, language)}"
        f"<p><i>{html.escape(text.summary)}</i></p>"
    )


def single_html(guide: Guide, language: str) -> str:
    """The guide in one language (or the other one, with a visible badge)."""
    return _header(guide, language) + render_markdown(guide.text(language).body) + _source(guide)


def side_by_side_html(guide: Guide, left: str, right: str) -> str:
    """Two languages in aligned columns that scroll together (one document)."""
    rows = "".join(
        f'<tr><td width="50%" valign="top">{render_markdown(a)}</td>'
        f'<td width="50%" valign="top">{render_markdown(b)}</td></tr>'
        for a, b in aligned_rows(guide.text(left).body, guide.text(right).body)
    )
    heads = (
        f'<tr><td width="50%" valign="top">{_header(guide, left)}</td>'
        f'<td width="50%" valign="top">{_header(guide, right)}</td></tr>'
    )
    return f'<table width="100%" cellspacing="0" cellpadding="8">{heads}{rows}</table>' + _source(
        guide
    )


def _source(guide: Guide) -> str:
    text = _("{type}, {year}. Sources: {source}").format(
        type=_(TYPE_LABELS.get(guide.type, guide.type)),
        year=guide.year,
        source=guide.text(current_language()).source,
    )
    return f"<hr/><p><small>{html.escape(text)}</small></p>"
