"""The regions an offer's scope may name (UNHCR's regional bureaux) and where each country is."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from acsg_desktop.core.framework.model import Text
from acsg_desktop.paths import resources_dir


@cache
def _regions_document() -> dict[str, Any]:
    return dict(json.loads((resources_dir() / "regions.json").read_text("utf-8")))


def region_ids() -> list[str]:
    """Every region, in the file's order."""
    return list(_regions_document()["regions"])


def region_name(region_id: str) -> Text:
    """The region's name in every language (the id itself when unknown)."""
    names = _regions_document()["regions"].get(region_id)
    return Text(dict(names)) if names else Text({"en": region_id})


def region_of(country_code: str) -> str:
    """The region of ``country_code`` (ISO 3166 alpha-2), or "" when unknown."""
    return str(_regions_document()["countries"].get(country_code.upper(), ""))


def countries_in(region_id: str) -> tuple[str, ...]:
    """The countries (ISO 3166 alpha-2) ``region_of`` puts in ``region_id``."""
    countries = _regions_document()["countries"]
    return tuple(sorted(code for code, region in countries.items() if region == region_id))
