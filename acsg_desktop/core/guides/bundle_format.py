"""The guide bundle format (`*.acsgguides`): a signed envelope holding bundle.json and guides."""

from __future__ import annotations

import re

from acsg_desktop.core.envelope.format import Caps
from acsg_desktop.core.envelope.signed import ENVELOPE

FORMAT = "acsg-guides/1"
MANIFEST = "bundle.json"
GUIDE_NAME = re.compile(r"^[a-z0-9-]+\.(en|fr)\.md$")
CAPS = Caps(max_entries=400, max_entry_bytes=2_000_000, max_total_bytes=40_000_000, max_ratio=100)


def allowed_name(name: str) -> bool:
    """The entries a guide bundle may hold."""
    return bool(GUIDE_NAME.match(name)) or name in ENVELOPE or name == MANIFEST
