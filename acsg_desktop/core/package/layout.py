"""Names and caps of a submission package (`*.acsgpkg`, a signed envelope)."""

from __future__ import annotations

import re

from acsg_desktop.core.envelope.format import ENTRY_FOLDER, SIGNATURE, SIGNER, SUMS, Caps

PACKAGE_JSON = "package.json"
REPORT = "report.pdf"
MANIFEST = "manifest.json"
VERIFY = "VERIFY.txt"
LISTED = (PACKAGE_JSON, REPORT, MANIFEST, SIGNER, VERIFY)  # everything SHA256SUMS covers
ENTRIES = (*LISTED, SUMS, SIGNATURE)
MANIFEST_FORMAT = "acsg-package-manifest/1"
EVIDENCE_FOLDER = ENTRY_FOLDER  # included evidence files: evidence/<sha256>-<safe name>
MAX_EVIDENCE_FILES = 1000
# The report and JSON (120 MB at most), plus an assessment's evidence files (200 MB at most).
CAPS = Caps(
    max_entries=16 + MAX_EVIDENCE_FILES,
    max_entry_bytes=50_000_000,
    max_total_bytes=320_000_000,
)
_EVIDENCE_NAME = re.compile(r"evidence/[0-9a-f]{64}-[^/\\:]+")


def evidence_entry(sha256: str, safe_name: str) -> str:
    """Where an included evidence file goes in the package."""
    return f"{EVIDENCE_FOLDER}{sha256}-{safe_name}"


def is_evidence_entry(name: str) -> bool:
    return _EVIDENCE_NAME.fullmatch(name) is not None


def allowed_name(name: str) -> bool:
    """The entries a package may hold: exactly those of the format, and evidence files."""
    return name in ENTRIES or is_evidence_entry(name)
