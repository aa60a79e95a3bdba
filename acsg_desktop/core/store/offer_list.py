"""The offers list, one page at a time: filtered and sorted in SQL over the stored offers.json
items (``json_extract``/``json_each``); only the offers of the page are decoded.

Text columns sort as a reader expects (case and accents folded, see :mod:`sql_text`); coded
columns (partner kind, support type, status, places) sort by their label in the current
language, which the caller passes in (``OfferQuery.labels``). Offers that sort alike keep the
catalogue's order.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from acsg_desktop.core.records.list_rows import OfferQuery, PageOrder
from acsg_desktop.core.records.offer_codec import offer_from_dict
from acsg_desktop.core.records.offers import Offer
from acsg_desktop.core.store.sql_text import FOLD, labelled, use_text_functions

ANY_REGION = "*"  # the key of "any region" in OfferQuery.labels


def _in_language(path: str) -> str:
    """The text at ``path`` in the query's language, else in English, else in French."""
    return (
        f"coalesce(nullif(trim(json_extract(document, '{path}.' || :lang)), ''), "
        f"nullif(trim(json_extract(document, '{path}.en')), ''), "
        f"json_extract(document, '{path}.fr'), '')"
    )


_CODED = {
    "kind": "json_extract(document, '$.party.kind')",
    "types": "json_extract(document, '$.support_types[0]')",
    "status": "status",
    "where": (
        f"CASE WHEN json_extract(document, '$.scope.any_region') THEN '{ANY_REGION}' "
        "ELSE coalesce(json_extract(document, '$.scope.regions[0]'), "
        "upper(json_extract(document, '$.scope.countries[0]')), '') END"
    ),
}
_TEXTS = {"title": _in_language("$.title"), "party": _in_language("$.party.name")}


def _has(path: str, name: str) -> str:
    return f"EXISTS (SELECT 1 FROM json_each(document, '{path}') WHERE value = :{name})"


def filter_sql(query: OfferQuery) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (" WHERE ..." or "") and its values for ``query.filters``."""
    filters, clauses, params = query.filters, [], {}
    if filters.status is not None:
        clauses.append("status = :status")
        params["status"] = filters.status.value
    if filters.support_type is not None:
        clauses.append(_has("$.support_types", "type"))
        params["type"] = filters.support_type.value
    if filters.party_kind is not None:
        clauses.append(f"{_CODED['kind']} = :kind")
        params["kind"] = filters.party_kind.value
    for name, path, value in (
        ("area", "$.areas", filters.area),
        ("lang_of", "$.languages", filters.language),
    ):
        if value:
            clauses.append(_has(path, name))
            params[name] = value
    if filters.region:
        clauses.append(
            "(json_extract(document, '$.scope.any_region') OR "
            f"{_has('$.scope.regions', 'region')} OR EXISTS (SELECT 1 FROM "
            "json_each(document, '$.scope.countries') AS c WHERE upper(c.value) IN "
            "(SELECT value FROM json_each(:region_countries))))"
        )
        params["region"] = filters.region
        params["region_countries"] = json.dumps(list(query.region_countries))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _order_sql(query: OfferQuery, order: PageOrder) -> tuple[str, dict[str, Any]]:
    direction = " DESC" if order.descending else ""
    if order.key == "id":  # a reference: plain ASCII, unique
        return f"id{direction}", {}
    if order.key in _TEXTS:
        key = _TEXTS[order.key]
        return f"{FOLD}({key}){direction}, position", {"lang": query.language}
    if order.key in _CODED:
        labels, params = labelled(_CODED[order.key], query.labels)
        return f"{labels}{direction}, position", params
    return "position", {}


def offer_page(
    session: Session, query: OfferQuery, offset: int, limit: int, order: PageOrder
) -> list[Offer]:
    """Offers ``offset`` to ``offset + limit`` of the filtered list in ``order``."""
    where, params = filter_sql(query)
    order_sql, order_params = _order_sql(query, order)
    if FOLD in order_sql:
        use_text_functions(session)
    rows = session.execute(
        text(f"SELECT document FROM offer{where} ORDER BY {order_sql} LIMIT :limit OFFSET :offset"),
        {**params, **order_params, "limit": limit, "offset": offset},
    )
    return [offer_from_dict(json.loads(document)) for (document,) in rows]


def offer_count(session: Session, query: OfferQuery) -> int:
    """How many offers ``query`` lets through."""
    where, params = filter_sql(query)
    return int(session.execute(text(f"SELECT count(*) FROM offer{where}"), params).scalar_one())


def offer_languages(session: Session) -> tuple[str, ...]:
    """Every language some installed offer works in, sorted by code."""
    rows = session.execute(
        text(
            "SELECT DISTINCT value FROM offer, json_each(offer.document, '$.languages') "
            "ORDER BY value"
        )
    )
    return tuple(str(value) for (value,) in rows)
