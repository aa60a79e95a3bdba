"""The Secretariat's side: sign a folder of guides into a bundle."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from acsg_desktop import __version__
from acsg_desktop.core.fileio import write_bytes_atomically
from acsg_desktop.core.guides.bundle_format import GUIDES
from acsg_desktop.core.guides.loader import guides_from_files
from acsg_desktop.core.signing.keys import Identity
from acsg_desktop.core.updates.build import update_bytes


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
    return update_bytes(GUIDES, files, identity, version, created, expires, min_app_version)


def build_bundle(folder: Path, identity: Identity, version: int, out: Path) -> None:
    """Sign every `<id>.<lang>.md` in ``folder`` into ``out`` (written atomically)."""
    files = {path.name: path.read_bytes() for path in sorted(folder.glob("*.*.md"))}
    write_bytes_atomically(out, bundle_bytes(files, identity, version))
