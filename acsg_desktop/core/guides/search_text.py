"""Search results as text: snippets without Markdown, the searched words marked in a guide.

Words are matched as the full-text index matches them: accents and case do not matter, every
word whole except the last one typed, which may be the start of a word (search as you type).
"""

from __future__ import annotations

import re

from acsg_desktop.core.i18n import fold
from acsg_desktop.core.records.guides import HIGHLIGHT_START

# The tokens of the index (unicode61): letters and digits; everything else separates.
TOKEN = re.compile(r"[^\W_]+")
# In rendered HTML: a tag, an entity (never split), or a token.
_HTML_PART = re.compile(r"(<[^>]*>)|(&#?\w+;)|([^\W_]+)")
MARK_START = '<span style="background-color:#ffe08a; color:#000000;">'
FIRST_HIT = "acsg-first-hit"  # the anchor the reader scrolls to

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
HEADING_END = " —"  # "The problem — Case officers...": a heading does not run into its text
_LINE_MARKUP = (
    re.compile(r"^\s{0,3}(?:>\s*)+"),  # a quotation
    re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+"),  # a list item
)
_TABLE_RULE = re.compile(r"^[\s|:-]*-{2,}[\s|:-]*$")
_INLINE_MARKUP = (
    (re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # [text](target) -> text
    (re.compile(r"\]\([^)\s]*\)?"), ""),  # the end of a link cut at the snippet's start
    (re.compile(r"[\[\]`]|\*+|(?<![^\W_])_+|_+(?![^\W_])"), ""),  # brackets, code, emphasis
    (re.compile(r"\s*\|\s*"), " · "),  # table cells
)


def search_terms(user_text: str) -> tuple[frozenset[str], str]:
    """The folded words typed: the whole ones, and the last one (matched as a prefix)."""
    words = [fold(word) for word in TOKEN.findall(user_text)]
    if not words:
        return frozenset(), ""
    return frozenset(words[:-1]), words[-1]


# An indicator's id in code (`case-management.backlog`: what it asks) is not words to read:
# left out of a snippet, unless it holds what was searched for.
_CODE = re.compile(r"`[^`\n]*`\s*:?\s*")


def _unless_searched(code: re.Match[str]) -> str:
    return code.group(0) if HIGHLIGHT_START in code.group(0) else ""


def _plain_line(line: str) -> str:
    if _TABLE_RULE.match(line):
        return ""
    heading = _HEADING.match(line)
    line = _CODE.sub(_unless_searched, line[heading.end() :] if heading else line)
    for pattern in _LINE_MARKUP:
        line = pattern.sub("", line, count=1)
    for pattern, replacement in _INLINE_MARKUP:
        line = pattern.sub(replacement, line)
    line = line.strip(" ·")
    return line + HEADING_END if heading and line else line


def plain_snippet(snippet: str) -> str:
    """A snippet of Markdown as one line of plain text (the match markers are kept)."""
    text = " ".join(" ".join(_plain_line(line) for line in snippet.splitlines()).split())
    return text.removesuffix(HEADING_END)


def mark_words(html_text: str, user_text: str) -> tuple[str, int]:
    """``html_text`` with each word of ``user_text`` marked; how many marks there are.

    Only text between tags is marked; the first mark carries the ``FIRST_HIT`` anchor.
    """
    whole, prefix = search_terms(user_text)
    if not prefix:
        return html_text, 0
    marks = 0

    def mark(match: re.Match[str]) -> str:
        nonlocal marks
        token = match.group(3)
        if token is None:
            return match.group(0)
        folded = fold(token)
        if folded not in whole and not folded.startswith(prefix):
            return token
        marks += 1
        marked = f"{MARK_START}{token}</span>"
        return f'<a name="{FIRST_HIT}">{marked}</a>' if marks == 1 else marked

    return _HTML_PART.sub(mark, html_text), marks
