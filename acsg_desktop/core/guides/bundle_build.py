"""The Secretariat's side: sign a folder of guides into a bundle."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from acsg_desktop import __version__
from acsg_desktop.core.envelope.format import sha256_hex
from acsg_desktop.core.envelope.writer import envelope_bytes
from acsg_desktop.core.fileio import write_bytes_atomically
from acsg_desktop.core.guides.bundle_format import FORMAT, MANIFEST
from acsg_desktop.core.guides.loader import guides_from_files
from acsg_desktop.core.signing.keys import Identity

DEFAULT_LIFETIME_DAYS = 365


def bundle_bytes(
    files: dict[str, bytes],
    identity: Identity,
    version: int,
    created: datetime | None = None,
    expires: datetime | None = None,
    min_app_version: str = __version__,
) -> bytes:
    """A signed bundle of ``files`` (name -> content); the guides are checked first."""
    guides_from_files({name: data.decode("utf-8") for name, data in files.items()})
    created = created or datetime.now(UTC)
    manifest = {
        "format": FORMAT,
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


def build_bundle(folder: Path, identity: Identity, version: int, out: Path) -> None:
    """Sign every `<id>.<lang>.md` in ``folder`` into ``out`` (written atomically)."""
    files = {path.name: path.read_bytes() for path in sorted(folder.glob("*.*.md"))}
    write_bytes_atomically(out, bundle_bytes(files, identity, version))
