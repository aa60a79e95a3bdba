"""Guides in the database: replaced as a whole in one transaction, searched with FTS5."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES
from acsg_desktop.core.records.guides import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SEARCH_LIMIT,
    Guide,
    GuideFilters,
    GuideSummary,
    GuideText,
    SearchHit,
)
from acsg_desktop.core.store.dialect import SqlDialect, dialect_of
from acsg_desktop.core.store.guide_search_server import HEADLINE, SERVER_SEARCH, tsquery
from acsg_desktop.core.store.rows import GuideBookmarkRow, GuideDocumentRow
from acsg_desktop.core.store.sql_text import FOLD

SNIPPET_TOKENS = 14
NO_LIMIT = 2**62  # "LIMIT -1" is SQLite only
WORD = re.compile(r"\w+", re.UNICODE)
RANKING = "bm25(10.0, 4.0, 1.0)"  # a word in the title counts most, then the summary
# Every language version is searched. Ordering by the index's own rank column lets FTS5 sort
# the matches itself and stop at LIMIT, so snippets are made for the rows returned only.
_SEARCH = (
    "SELECT d.guide_id, coalesce(t.title, d.title), "
    "snippet(guide_fts, 2, :start, :end, '…', :tokens), guide_fts.rank, d.lang "
    "FROM guide_fts JOIN guide_document d ON d.id = guide_fts.rowid "
    "LEFT JOIN guide_document t ON t.guide_id = d.guide_id AND t.lang = :lang "
    "WHERE guide_fts MATCH :query AND guide_fts.rank MATCH :ranking"
)


def fts_query(user_text: str) -> str:
    """Words typed by the user as an FTS5 query: every word must match, the last as a prefix."""
    words = WORD.findall(user_text)
    if not words:
        return ""
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


# One version of each guide: the one in the language asked for, or else any.
_IN_LANGUAGE = (
    "WHERE (d.lang = :lang OR NOT EXISTS (SELECT 1 FROM guide_document o "
    "WHERE o.guide_id = d.guide_id AND o.lang = :lang))"
)


def _filter_sql(sql: SqlDialect, filters: GuideFilters) -> tuple[str, dict[str, Any]]:
    clauses, params = [], {}
    for name in ("area", "aim"):
        if getattr(filters, name):
            items = sql.json_elements(f"d.{name}s")
            clauses.append(f"EXISTS (SELECT 1 FROM {items} WHERE value = :{name})")
            params[name] = getattr(filters, name)
    for name in ("type", "region"):
        if getattr(filters, name):
            clauses.append(f"d.{name} = :{name}")
            params[name] = getattr(filters, name)
    if filters.bookmarked_only:
        clauses.append("d.guide_id IN (SELECT guide_id FROM guide_bookmark)")
    return "".join(f" AND {clause}" for clause in clauses), params


def best_per_guide(hits: list[SearchHit], language: str) -> list[SearchHit]:
    """One hit per guide, the best-ranked language (``language`` on a tie), best first."""
    best: dict[str, SearchHit] = {}
    for hit in hits:
        kept = best.get(hit.guide_id)
        if kept is None or (hit.rank, hit.lang != language) < (kept.rank, kept.lang != language):
            best[hit.guide_id] = hit
    return sorted(best.values(), key=lambda hit: (hit.rank, hit.lang != language))


class GuideRepository:
    """The installed guides of one database."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def replace_all(self, guides: list[Guide]) -> None:
        """Install ``guides`` in place of the current ones (the caller's transaction)."""
        self._session.execute(delete(GuideDocumentRow))
        for guide in guides:
            for lang, version in guide.texts.items():
                self._session.add(
                    GuideDocumentRow(
                        guide_id=guide.id,
                        lang=lang,
                        title=version.title,
                        summary=version.summary,
                        body=version.body,
                        type=guide.type,
                        areas=json.dumps(list(guide.areas)),
                        aims=json.dumps(list(guide.aims)),
                        region=guide.region,
                        year=guide.year,
                        source=version.source,
                    )
                )
        self._session.flush()

    def get(self, guide_id: str) -> Guide | None:
        rows = list(
            self._session.scalars(
                select(GuideDocumentRow).where(GuideDocumentRow.guide_id == guide_id)
            )
        )
        if not rows:
            return None
        first = rows[0]
        return Guide(
            first.guide_id,
            first.type,
            tuple(json.loads(first.areas)),
            tuple(json.loads(first.aims)),
            first.region,
            first.year,
            {row.lang: GuideText(row.title, row.summary, row.body, row.source) for row in rows},
        )

    def summaries(
        self, language: str, filters: GuideFilters, offset: int = 0, limit: int = -1
    ) -> list[GuideSummary]:
        """(id, title, type, year) of the guides matching ``filters``, titled in ``language``
        when that version exists, by title; ``limit`` of them from ``offset`` (-1: all)."""
        sql = dialect_of(self._session)
        where, params = _filter_sql(sql, filters)
        sql.use_text_functions(self._session)  # "État" sorts with "Etat", not after "Zone"
        rows = self._session.execute(
            text(
                "SELECT d.guide_id, min(d.title) AS title, min(d.type), min(d.year) "
                "FROM guide_document d "
                + _IN_LANGUAGE
                + where
                + f" GROUP BY d.guide_id ORDER BY {FOLD}(min(d.title)), d.guide_id "
                "LIMIT :limit OFFSET :offset"
            ),
            {
                "lang": language,
                "limit": limit if limit >= 0 else NO_LIMIT,
                "offset": offset,
                **params,
            },
        )
        return [GuideSummary(str(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]

    def summary_count(self, language: str, filters: GuideFilters) -> int:
        """How many guides ``summaries`` lists for ``filters``."""
        where, params = _filter_sql(dialect_of(self._session), filters)
        found = self._session.execute(
            text("SELECT count(DISTINCT d.guide_id) FROM guide_document d " + _IN_LANGUAGE + where),
            {"lang": language, **params},
        )
        return int(found.scalar_one())

    def search(
        self, user_text: str, language: str, filters: GuideFilters, limit: int = SEARCH_LIMIT
    ) -> list[SearchHit]:
        """Best matches first, one per guide whichever language matched, with a marked snippet.

        A guide has at most one row per language, so the best ``limit`` guides are among the
        best ``limit`` x languages rows.
        """
        sql = dialect_of(self._session)
        query = tsquery(user_text) if sql.postgres else fts_query(user_text)
        if not query:
            return []
        where, params = _filter_sql(sql, filters)
        if sql.postgres:
            search = SERVER_SEARCH.format(where=where)
        else:
            search = _SEARCH + where + " ORDER BY guide_fts.rank"
        rows = self._session.execute(
            text(search + " LIMIT :rows"),
            {
                "query": query,
                "ranking": RANKING,
                "headline": HEADLINE,
                "lang": language,
                "start": HIGHLIGHT_START,
                "end": HIGHLIGHT_END,
                "tokens": SNIPPET_TOKENS,
                "rows": limit * len(SUPPORTED_LANGUAGES),
                **params,
            },
        )
        hits = [SearchHit(str(r[0]), str(r[1]), str(r[2]), float(r[3]), str(r[4])) for r in rows]
        return best_per_guide(hits, language)[:limit]

    def bookmarks(self) -> set[str]:
        return set(self._session.scalars(select(GuideBookmarkRow.guide_id)))

    def set_bookmark(self, guide_id: str, on: bool) -> None:
        row = self._session.get(GuideBookmarkRow, guide_id)
        if on and row is None:
            now = datetime.now(UTC).replace(tzinfo=None)
            self._session.add(GuideBookmarkRow(guide_id=guide_id, created_at=now))
        elif not on and row is not None:
            self._session.delete(row)

    def count(self) -> int:
        return self.summary_count("en", GuideFilters())
