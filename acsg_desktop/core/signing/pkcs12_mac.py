"""A PKCS#12 integrity MAC as costly as the key derivation.

`cryptography` lets us choose the PBKDF2 rounds of the key and certificate bags but writes the
MAC with 2,048 iterations of the PKCS#12 key derivation (RFC 7292, appendix B). The MAC is what
OpenSSL checks first, so a wrong passphrase was rejected about 6,000 times a second. We recompute
the MAC here with ``MAC_ITERATIONS``; OpenSSL then checks it at that cost. One iteration of this
derivation is a single short SHA-256, cheaper than a PBKDF2-HMAC round: measured here, three
times the bags' rounds make a wrong passphrase cost about what one bag's derivation costs.
"""

from __future__ import annotations

import hashlib
import hmac

from acsg_desktop.core.signing import keys

MAC_ITERATIONS = 3 * keys.KDF_ROUNDS
_BLOCK = 64  # SHA-256's input block (the derivation's "v")
_MAC_KEY_ID = 3


def _stretch(data: bytes) -> bytes:
    """``data`` repeated to a whole number of blocks (empty stays empty)."""
    if not data:
        return b""
    length = _BLOCK * -(-len(data) // _BLOCK)
    return (data * (length // len(data) + 1))[:length]


def _mac_key(passphrase: bytes, salt: bytes, iterations: int) -> bytes:
    """RFC 7292 B.2 with SHA-256 and ID 3: the 32-byte HMAC key."""
    password = passphrase.decode("utf-8").encode("utf-16-be") + b"\0\0" if passphrase else b""
    digest = hashlib.sha256(bytes([_MAC_KEY_ID]) * _BLOCK + _stretch(salt) + _stretch(password))
    value = digest.digest()
    for _round in range(iterations - 1):
        value = hashlib.sha256(value).digest()
    return value


def mac_iterations(data: bytes) -> int | None:
    """The MAC iteration count declared by a PKCS#12 file (None when it cannot be parsed)."""
    from asn1crypto import pkcs12

    try:
        pfx = pkcs12.Pfx.load(data)
        return int(pfx["mac_data"]["iterations"].native)
    except (ValueError, TypeError, KeyError):
        return None


def with_strong_mac(data: bytes, passphrase: bytes, iterations: int = MAC_ITERATIONS) -> bytes:
    """``data`` (a PKCS#12 file with an HMAC-SHA256 MAC) with its MAC redone at ``iterations``."""
    from asn1crypto import pkcs12

    pfx = pkcs12.Pfx.load(data)
    mac_data = pfx["mac_data"]
    salt = mac_data["mac_salt"].native
    content = pfx["auth_safe"]["content"].native
    mac = mac_data["mac"].copy()
    mac["digest"] = hmac.new(_mac_key(passphrase, salt, iterations), content, "sha256").digest()
    stronger = pkcs12.Pfx(
        {
            "version": pfx["version"].native,
            "auth_safe": pfx["auth_safe"].copy(),
            "mac_data": {"mac": mac, "mac_salt": salt, "iterations": iterations},
        }
    )
    return bytes(stronger.dump(force=True))
