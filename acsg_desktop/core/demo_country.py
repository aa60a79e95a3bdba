"""The demo's invented country, under a code that ISO 3166 leaves to users (XA).

No real State is meant: training data must not suggest how a real authority scores. The code XA
is one of the user-assigned codes of ISO 3166-1 (AA, QM to QZ, XA to XZ, ZZ), so it can never be
given to a real country; Babel knows no country under it.
"""

from __future__ import annotations

DEMO_COUNTRY = "XA"

_NAMES = {
    DEMO_COUNTRY: {
        "en": "Republic of Valdoria (fictional)",
        "fr": "République de Valdorie (fictive)",
    },
}
DEMO_AUTHORITY = {
    "en": "National Asylum Commission of Valdoria (fictional)",
    "fr": "Commission nationale de l'asile de Valdorie (fictive)",
}


def is_fictional_country(code: str) -> bool:
    """True for the user-assigned code the demo uses (``XA``)."""
    return code.strip().upper() in _NAMES


def fictional_country_name(code: str, language: str) -> str | None:
    """The invented name for ``code`` in ``language`` (English if not known), else None."""
    names = _NAMES.get(code.strip().upper())
    if names is None:
        return None
    return names.get(language, names["en"])
