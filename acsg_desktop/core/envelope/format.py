"""Names, caps and the ``sha256sum`` listing shared by every signed envelope."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

SUMS = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.p7s"
SIGNER = "signer.pem"
UNLISTED = (SUMS, SIGNATURE)  # the only entries SHA256SUMS cannot cover
MAX_NAME_LENGTH = 200
# The one folder an entry may be in (a package's included evidence files); entries elsewhere
# have no folder. Each envelope's own list of names still decides what it may hold.
ENTRY_FOLDER = "evidence/"


@dataclass(frozen=True)
class Caps:
    """Fixed limits checked while reading, whatever the ZIP's index declares.

    ``max_ratio`` applies to entries larger than ``ratio_floor`` bytes: small files compress
    well for honest reasons, large ones at that ratio are bombs.
    """

    max_entries: int
    max_entry_bytes: int
    max_total_bytes: int
    max_ratio: int = 100
    ratio_floor: int = 1_000_000


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in lower-case hex, as ``sha256sum`` prints it."""
    return hashlib.sha256(data).hexdigest()


def sums_text(files: dict[str, bytes]) -> bytes:
    """`sha256sum` format, one line per file, sorted by name."""
    return "".join(f"{sha256_hex(data)}  {name}\n" for name, data in sorted(files.items())).encode()


def has_hidden_character(name: str) -> bool:
    """Whether an entry name holds a control, format or separator character other than a plain
    space: such a name reads differently in one tool than in another."""
    return any(unicodedata.category(c)[0] in "CZ" and c != " " for c in name)


def parse_sums(text: bytes) -> dict[str, str]:
    """name -> hex digest.

    Raises:
        ValueError: on invalid UTF-8, a malformed line, an upper-case or short digest, a name
            with a control or line-breaking character (only LF ends a line, as for
            ``sha256sum``), or a name listed twice.
    """
    result: dict[str, str] = {}
    lines = text.decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final line feed
    for line in (line.removesuffix("\r") for line in lines):  # only LF ends a line there
        digest, separator, name = line.partition("  ")
        valid = len(digest) == 64 and all(c in "0123456789abcdef" for c in digest)
        if not separator or not valid or not name or has_hidden_character(name) or name in result:
            raise ValueError(line)
        result[name] = digest
    return result
