"""The demo's invented country, under a code that ISO 3166 leaves to users (XA).

No real State is meant: training data must not suggest how a real authority scores. The code XA
is one of the user-assigned codes of ISO 3166-1 (AA, QM to QZ, XA to XZ, ZZ), so it can never be
given to a real country; Babel knows no country under it. Its names live with the other country
names, in ``core/i18n.py``.
"""

from __future__ import annotations

from acsg_desktop.core.i18n import FICTIONAL_COUNTRY

DEMO_COUNTRY = FICTIONAL_COUNTRY
DEMO_AUTHORITY = {
    "en": "National Asylum Commission of Valdoria (fictional)",
    "fr": "Commission nationale de l'asile de Valdorie (fictive)",
    "es": "Comisión Nacional de Asilo de Valdoria (ficticia)",
}
