"""Account passphrases, kept only as scrypt hashes (RFC 7914) with a random salt each.

The stored form is ``scrypt$<log2 n>$<r>$<p>$<salt>$<hash>`` (base64), so that the cost can be
raised later while old hashes still verify.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from acsg_desktop.core.i18n import _

MIN_LENGTH = 10
DEFAULT_LOG2_N = 15  # n = 2**15, r = 8: about 0.1 s and 32 MiB per check on an old laptop
_R, _P = 8, 1
# The cost new hashes are made with; the test suite lowers it to stay fast (hashes carry
# their own cost, so every hash still verifies).
log2_n = DEFAULT_LOG2_N
_SALT_BYTES, _KEY_BYTES = 16, 32


def passphrase_problem(passphrase: str) -> str | None:
    """Why ``passphrase`` cannot protect an account, or None when it can."""
    if len(passphrase.strip()) < MIN_LENGTH:
        return _("Choose a passphrase of at least {count} characters.").format(count=MIN_LENGTH)
    return None


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=salt,
        n=2**log2_n,
        r=r,
        p=p,
        maxmem=256 * 1024 * 1024,
        dklen=_KEY_BYTES,
    )


def hash_passphrase(passphrase: str) -> str:
    """A new salted hash of ``passphrase`` in the stored form."""
    salt = secrets.token_bytes(_SALT_BYTES)
    key = _derive(passphrase, salt, log2_n, _R, _P)
    encode = base64.b64encode
    return f"scrypt${log2_n}${_R}${_P}${encode(salt).decode()}${encode(key).decode()}"


def passphrase_matches(passphrase: str, stored: str) -> bool:
    """True when ``passphrase`` is the one ``stored`` was made from (constant-time compare)."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return False
    try:
        cost, r, p = (int(value) for value in parts[1:4])
        salt, key = base64.b64decode(parts[4]), base64.b64decode(parts[5])
    except ValueError:
        return False
    if not (4 <= cost <= 20 and 1 <= r <= 16 and 1 <= p <= 4):
        return False
    return hmac.compare_digest(_derive(passphrase, salt, cost, r, p), key)
