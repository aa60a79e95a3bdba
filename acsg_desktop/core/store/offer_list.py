"""The offers list, one page at a time: filtered and sorted in SQL over the stored offers.json
items (``json_extract``/``json_each``); an offer of the page is decoded when the list first
reads it (``ListedOffer``).

Text columns sort as a reader expects (case and accents folded, see :mod:`sql_text`); coded
columns (partner kind, support type, status, places) sort by their label in the current
language, which the caller passes in (``OfferQuery.labels``). Offers that sort alike keep the
catalogue's order.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from acsg_desktop.core.i18n import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES
from acsg_desktop.core.records.list_rows import ListedOffer, OfferQuery, PageOrder
from acsg_desktop.core.records.offer_codec import offer_from_dict
from acsg_desktop.core.records.offers import Offer
from acsg_desktop.core.store.column_types import json_value
from acsg_desktop.core.store.dialect import SqlDialect, dialect_of
from acsg_desktop.core.store.sql_text import FOLD, labelled

ANY_REGION = "*"  # the key of "any region" in OfferQuery.labels


def _in_language(sql: SqlDialect, key: str) -> str:
    """The text at ``key`` in the query's language, else in English, else in any other."""
    keys = tuple(key.split("."))
    fallbacks = ", ".join(
        f"nullif(trim({sql.json_text('document', *keys, code)}), '')"
        for code in (":lang", SOURCE_LANGUAGE, *SUPPORTED_LANGUAGES)
    )
    return f"coalesce({fallbacks}, '')"


def _coded(sql: SqlDialect, key: str) -> str:
    """The code a coded column sorts by."""
    if key == "kind":
        return sql.json_text("document", "party", "kind")
    if key == "types":
        return sql.json_text("document", "support_types", 0)
    if key == "status":
        return "status"
    return (
        f"CASE WHEN {sql.json_flag('document', 'scope', 'any_region')} THEN '{ANY_REGION}' "
        f"ELSE coalesce({sql.json_text('document', 'scope', 'regions', 0)}, "
        f"upper({sql.json_text('document', 'scope', 'countries', 0)}), '') END"
    )


_CODED = ("kind", "types", "status", "where")
_TEXTS = {"title": "title", "party": "party.name"}


def _has(sql: SqlDialect, key: str, name: str) -> str:
    items = sql.json_elements("document", *key.split("."))
    return f"EXISTS (SELECT 1 FROM {items} WHERE value = :{name})"


def filter_sql(sql: SqlDialect, query: OfferQuery) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (" WHERE ..." or "") and its values for ``query.filters``."""
    filters, clauses, params = query.filters, [], {}
    if filters.status is not None:
        clauses.append("status = :status")
        params["status"] = filters.status.value
    if filters.support_type is not None:
        clauses.append(_has(sql, "support_types", "type"))
        params["type"] = filters.support_type.value
    if filters.party_kind is not None:
        clauses.append(f"{_coded(sql, 'kind')} = :kind")
        params["kind"] = filters.party_kind.value
    for name, key, value in (
        ("area", "areas", filters.area),
        ("lang_of", "languages", filters.language),
    ):
        if value:
            clauses.append(_has(sql, key, name))
            params[name] = value
    if filters.region:
        countries = sql.json_elements("document", "scope", "countries", alias="c")
        wanted = sql.json_elements(":region_countries", alias="w")
        clauses.append(
            f"({sql.json_flag('document', 'scope', 'any_region')} OR "
            f"{_has(sql, 'scope.regions', 'region')} OR EXISTS (SELECT 1 FROM "
            f"{countries} WHERE upper(c.value) IN (SELECT w.value FROM {wanted})))"
        )
        params["region"] = filters.region
        params["region_countries"] = json.dumps(list(query.region_countries))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _order_sql(sql: SqlDialect, query: OfferQuery, order: PageOrder) -> tuple[str, dict[str, Any]]:
    direction = " DESC" if order.descending else ""
    if order.key == "id":  # a reference: plain ASCII, unique
        return f"id{direction}", {}
    if order.key in _TEXTS:
        key = _in_language(sql, _TEXTS[order.key])
        return f"{FOLD}({key}){direction}, position", {"lang": query.language}
    if order.key in _CODED:
        labels, params = labelled(_coded(sql, order.key), query.labels)
        return f"{labels}{direction}, position", params
    return "position", {}


def offer_page(
    session: Session, query: OfferQuery, offset: int, limit: int, order: PageOrder
) -> list[ListedOffer]:
    """Offers ``offset`` to ``offset + limit`` of the filtered list in ``order``."""
    sql = dialect_of(session)
    where, params = filter_sql(sql, query)
    order_sql, order_params = _order_sql(sql, query, order)
    sql.use_text_functions_for(session, order_sql)
    rows = session.execute(
        text(
            f"SELECT id, document FROM offer{where} ORDER BY {order_sql} "
            "LIMIT :limit OFFSET :offset"
        ),
        {**params, **order_params, "limit": limit, "offset": offset},
    )
    return [ListedOffer(offer_id, _decoder(document)) for offer_id, document in rows]


def _decoder(document: Any) -> Callable[[], Offer]:
    return lambda: offer_from_dict(json_value(document))


def offer_count(session: Session, query: OfferQuery) -> int:
    """How many offers ``query`` lets through."""
    where, params = filter_sql(dialect_of(session), query)
    return int(session.execute(text(f"SELECT count(*) FROM offer{where}"), params).scalar_one())


def offer_languages(session: Session) -> tuple[str, ...]:
    """Every language some installed offer works in, sorted by code."""
    languages = dialect_of(session).json_elements("offer.document", "languages")
    rows = session.execute(
        text(f"SELECT DISTINCT e.value FROM offer, {languages} ORDER BY e.value")
    )
    return tuple(str(value) for (value,) in rows)
