"""Guide search on PostgreSQL: the same behaviour as FTS5 on SQLite (every word, the last as a
prefix, accents and case ignored, ranked title first, a marked snippet), with PostgreSQL's own
full-text search: the ``search`` tsvector of revision 0015, in the ``acsg_english`` or
``acsg_french`` configuration of each text (unaccented whole words, as FTS5's tokenizer)."""

from __future__ import annotations

import re

from acsg_desktop.core.records.guides import HIGHLIGHT_END, HIGHLIGHT_START

WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_WORDS = 14
HEADLINE = (
    f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_END}, MaxWords={SNIPPET_WORDS}, "
    "MinWords=5, ShortWord=2, MaxFragments=1, FragmentDelimiter=…"
)
_CONFIG = "(CASE d.lang WHEN 'fr' THEN 'acsg_french' ELSE 'acsg_english' END)::regconfig"
# The rank is negated so that, as with FTS5's bm25, lower is better; title words weigh most.
SERVER_SEARCH = (
    "SELECT d.guide_id, coalesce(t.title, d.title), "
    "ts_headline(k.config, d.body, k.q, :headline), "
    "-ts_rank(d.search, k.q) AS rank, d.lang "
    "FROM guide_document d "
    f"CROSS JOIN LATERAL (SELECT {_CONFIG} AS config, "
    f"to_tsquery({_CONFIG}, :query) AS q) k "
    "LEFT JOIN guide_document t ON t.guide_id = d.guide_id AND t.lang = :lang "
    "WHERE d.search @@ k.q{where} ORDER BY rank, d.id"
)


def tsquery(user_text: str) -> str:
    """Words typed by the user as a ``to_tsquery`` text: every word, the last as a prefix.

    Only word characters are kept, each quoted, so no operator typed by the user reaches
    PostgreSQL's query parser.
    """
    words = WORD.findall(user_text)
    if not words:
        return ""
    quoted = [f"'{word}'" for word in words]
    quoted[-1] += ":*"
    return " & ".join(quoted)
