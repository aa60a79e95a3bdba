"""The Secretariat's side: sign content files into an update of one kind."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from acsg_desktop import __version__
from acsg_desktop.core.envelope.format import sha256_hex
from acsg_desktop.core.envelope.writer import envelope_bytes
from acsg_desktop.core.signing.keys import Identity
from acsg_desktop.core.updates.kind import MANIFEST, UpdateKind

DEFAULT_LIFETIME_DAYS = 365


def update_bytes(
    kind: UpdateKind,
    files: dict[str, bytes],
    identity: Identity,
    version: int,
    created: datetime | None = None,
    expires: datetime | None = None,
    min_app_version: str = __version__,
) -> bytes:
    """A signed update of ``kind`` holding ``files`` (name -> content), checked by the caller."""
    created = created or datetime.now(UTC)
    manifest = {
        "format": kind.format,
        "version": version,
        "created": created.isoformat(),
        "expires": (expires or created + timedelta(days=DEFAULT_LIFETIME_DAYS)).isoformat(),
        "min_app_version": min_app_version,
        "files": [
            {"name": name, "sha256": sha256_hex(data), "size": len(data)}
            for name, data in sorted(files.items())
        ],
    }
    return envelope_bytes({**files, MANIFEST: json.dumps(manifest, indent=2).encode()}, identity)
