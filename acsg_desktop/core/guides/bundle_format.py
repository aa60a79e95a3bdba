"""The guide bundle format (`*.acsgguides`): a signed update holding bundle.json and guides."""

from __future__ import annotations

import re

from acsg_desktop.core.envelope.format import Caps
from acsg_desktop.core.i18n import N_
from acsg_desktop.core.updates.kind import UpdateKind, UpdateWords

GUIDE_NAME = re.compile(r"^[a-z0-9-]+\.(en|fr|es)\.md$")
GUIDES = UpdateKind(
    format="acsg-guides/1",
    schema="guide-bundle.schema.json",
    content=GUIDE_NAME,
    caps=Caps(
        max_entries=400, max_entry_bytes=2_000_000, max_total_bytes=40_000_000, max_ratio=100
    ),
    words=UpdateWords(
        same=N_("This guide set (version {version}) is already installed."),
        older=N_(
            "This guide set (version {new}) is older than the installed one ({old}); it was not "
            "installed."
        ),
        expired=N_("This guide set expired on {date}."),
        app_too_old=N_("This guide set needs ACSG Desktop {version} or newer."),
    ),
)
