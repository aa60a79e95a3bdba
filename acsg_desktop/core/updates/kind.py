"""What differs between two kinds of signed update: its format, entry names, caps and words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from acsg_desktop.core.envelope.format import Caps
from acsg_desktop.core.envelope.signed import ENVELOPE

MANIFEST = "bundle.json"


@dataclass(frozen=True)
class UpdateWords:
    """The messages that name the kind of update (N_-marked; translated when shown)."""

    same: str
    older: str
    expired: str
    app_too_old: str


@dataclass(frozen=True)
class UpdateKind:
    """One kind of signed update: ``bundle.json`` plus content files named by ``content``."""

    format: str
    schema: str
    content: re.Pattern[str]
    caps: Caps
    words: UpdateWords

    def allowed_name(self, name: str) -> bool:
        """The entries an update of this kind may hold."""
        return bool(self.content.match(name)) or name in ENVELOPE or name == MANIFEST
