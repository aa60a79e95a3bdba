"""A file sealed with a passphrase: AES-256-GCM in chunks, the key derived with scrypt.

Layout: a 48-byte header (magic, format version, scrypt cost, salt, nonce prefix, and a tag
that proves the passphrase), then chunks, each a 4-byte length and its ciphertext. Chunk ``i``
is encrypted with the nonce ``prefix || i || last`` and the header as associated data, so a
chunk changed, dropped, swapped or cut off at the end fails its tag. A wrong passphrase is told
apart from a changed file by the header's tag, checked before any chunk.
"""

from __future__ import annotations

import hmac
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _

MAGIC = b"ACSGMOVE"
FORMAT_VERSION = 1
CHUNK = 1024 * 1024
# 2^17 x 8 x 128 bytes = 128 MB and about a second on an old laptop, once per move.
log2_n = 17
SCRYPT_R, SCRYPT_P = 8, 1
MAX_LOG2_N = 20  # a hostile header must not make us allocate gigabytes
_HEADER = struct.Struct(">8sBBBB16s7s16s")
_LENGTH = struct.Struct(">I")
_TAG_SIZE = 16
_CHECK_COUNTER = 0xFFFFFFFF

Progress = Callable[[int], None]  # told each time how many more bytes are done


class SealError(AcsgError):
    """A sealed file could not be opened; ``reason`` says why: passphrase, damaged, foreign."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class _Header:
    log2_n: int
    salt: bytes
    prefix: bytes
    check: bytes = b""

    def packed(self, check: bytes) -> bytes:
        return _HEADER.pack(
            MAGIC, FORMAT_VERSION, self.log2_n, SCRYPT_R, SCRYPT_P, self.salt, self.prefix, check
        )

    def nonce(self, counter: int, last: bool) -> bytes:
        return self.prefix + struct.pack(">IB", counter, 1 if last else 0)


def _key(passphrase: bytes, header: _Header) -> AESGCM:
    kdf = Scrypt(salt=header.salt, length=32, n=2**header.log2_n, r=SCRYPT_R, p=SCRYPT_P)
    return AESGCM(kdf.derive(passphrase))


def _check_tag(cipher: AESGCM, header: _Header) -> bytes:
    """A tag over nothing, with a nonce no chunk uses: it proves the passphrase."""
    return cipher.encrypt(header.nonce(_CHECK_COUNTER, True), b"", header.packed(b"\0" * 16))


def seal(
    source: BinaryIO, size: int, target: BinaryIO, passphrase: bytes, progress: Progress
) -> None:
    """Encrypt the ``size`` bytes of ``source`` into ``target`` under ``passphrase``."""
    header = _Header(log2_n, os.urandom(16), os.urandom(7))
    cipher = _key(passphrase, header)
    packed = header.packed(_check_tag(cipher, header))
    target.write(packed)
    done, counter = 0, 0
    while True:
        block = source.read(CHUNK)
        done += len(block)
        last = done >= size or not block
        sealed = cipher.encrypt(header.nonce(counter, last), block, packed)
        target.write(_LENGTH.pack(len(sealed)) + sealed)
        progress(len(block))
        if last:
            return
        counter += 1


def _foreign() -> SealError:
    return SealError("foreign", _("This is not a file written by “Move to another computer”."))


def _damaged() -> SealError:
    return SealError(
        "damaged",
        _(
            "The file was changed or damaged after it was written (or it is incomplete): it "
            "was refused, and nothing was changed. Copy it again from the other computer."
        ),
    )


def _read_header(source: BinaryIO) -> tuple[_Header, bytes]:
    packed = source.read(_HEADER.size)
    if len(packed) < _HEADER.size:
        raise _foreign()
    magic, version, cost, r, p, salt, prefix, check = _HEADER.unpack(packed)
    if magic != MAGIC:
        raise _foreign()
    if version != FORMAT_VERSION or (r, p) != (SCRYPT_R, SCRYPT_P) or not 1 <= cost <= MAX_LOG2_N:
        raise SealError("foreign", _("This file was written by a newer version of ACSG Desktop."))
    return _Header(cost, salt, prefix, check), packed


def open_key(source: BinaryIO, passphrase: bytes) -> tuple[AESGCM, _Header, bytes]:
    """Read the header of ``source`` and prove ``passphrase`` against it."""
    header, packed = _read_header(source)
    cipher = _key(passphrase, header)
    if not hmac.compare_digest(_check_tag(cipher, header), header.check):
        raise SealError(
            "passphrase", _("Wrong passphrase: the file was not opened. Type it again.")
        )
    return cipher, header, packed


def unseal(source: BinaryIO, target: BinaryIO, passphrase: bytes, progress: Progress) -> None:
    """Decrypt ``source`` into ``target``, checking every chunk and the end of the file.

    Raises:
        SealError: a wrong passphrase, a foreign file, or one changed, cut or extended.
    """
    cipher, header, packed = open_key(source, passphrase)
    counter = 0
    while True:
        length_bytes = source.read(_LENGTH.size)
        if len(length_bytes) < _LENGTH.size:
            raise _damaged()  # cut off before its last chunk
        (length,) = _LENGTH.unpack(length_bytes)
        sealed = source.read(length) if _TAG_SIZE <= length <= CHUNK + _TAG_SIZE else b""
        if len(sealed) != length or not sealed:
            raise _damaged()
        block, last = _open_chunk(cipher, header, counter, sealed, packed)
        target.write(block)
        progress(_LENGTH.size + length)
        if last:
            if source.read(1):
                raise _damaged()  # something was added after the last chunk
            return
        counter += 1


def _open_chunk(
    cipher: AESGCM, header: _Header, counter: int, sealed: bytes, packed: bytes
) -> tuple[bytes, bool]:
    for last in (False, True):
        try:
            return cipher.decrypt(header.nonce(counter, last), sealed, packed), last
        except InvalidTag:
            continue
    raise _damaged()
