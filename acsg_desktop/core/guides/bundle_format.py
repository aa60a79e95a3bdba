"""The guide bundle format (`*.acsgguides`, a ZIP file), shared by building and reading."""

from __future__ import annotations

import hashlib

FORMAT = "acsg-guides/1"
MANIFEST = "bundle.json"
SUMS = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.p7s"
SIGNER = "signer.pem"
ENVELOPE = (SUMS, SIGNATURE, SIGNER)

# Caps checked before anything is read or unpacked (zip bombs, absurd bundles).
MAX_ENTRIES = 400
MAX_ENTRY_BYTES = 2_000_000
MAX_TOTAL_BYTES = 40_000_000
MAX_RATIO = 100


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sums_text(files: dict[str, bytes]) -> bytes:
    """`sha256sum` format, one line per file, sorted by name."""
    return "".join(f"{sha256_hex(data)}  {name}\n" for name, data in sorted(files.items())).encode()


def parse_sums(text: bytes) -> dict[str, str]:
    """name -> hex digest; raises ValueError on a malformed line or a repeated name."""
    result: dict[str, str] = {}
    for line in text.decode("utf-8").splitlines():
        digest, separator, name = line.partition("  ")
        if not separator or len(digest) != 64 or name in result:
            raise ValueError(line)
        int(digest, 16)
        result[name] = digest
    return result
