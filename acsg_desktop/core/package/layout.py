"""Names inside a submission package (`*.acsgpkg`, a ZIP file)."""

from __future__ import annotations

PACKAGE_JSON = "package.json"
REPORT = "report.pdf"
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.p7s"
SIGNER = "signer.pem"
VERIFY = "VERIFY.txt"
LISTED = (PACKAGE_JSON, REPORT, MANIFEST, SIGNER, VERIFY)  # everything SHA256SUMS covers
ENTRIES = (*LISTED, SUMS, SIGNATURE)
MANIFEST_FORMAT = "acsg-package-manifest/1"
MAX_ENTRY_BYTES = 50_000_000
MAX_SAFE_INTEGER = 2**53
