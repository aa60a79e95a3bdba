"""Names and caps of a submission package (`*.acsgpkg`, a signed envelope)."""

from __future__ import annotations

from acsg_desktop.core.envelope.format import SIGNATURE, SIGNER, SUMS, Caps

PACKAGE_JSON = "package.json"
REPORT = "report.pdf"
MANIFEST = "manifest.json"
VERIFY = "VERIFY.txt"
LISTED = (PACKAGE_JSON, REPORT, MANIFEST, SIGNER, VERIFY)  # everything SHA256SUMS covers
ENTRIES = (*LISTED, SUMS, SIGNATURE)
MANIFEST_FORMAT = "acsg-package-manifest/1"
CAPS = Caps(max_entries=16, max_entry_bytes=50_000_000, max_total_bytes=120_000_000)


def allowed_name(name: str) -> bool:
    """The entries a package may hold: exactly those of the format."""
    return name in ENTRIES
