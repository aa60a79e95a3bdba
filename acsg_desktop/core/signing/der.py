"""Whether a CMS SignedData is in DER, as the signatures we accept must be.

A lenient parse must not hide an altered byte, so a signature is accepted only when its DER
re-encoding gives back the same bytes. asn1crypto's ``dump(force=True)`` re-encodes a subtree
once for every level above it: on pyHanko's signature (an ESS certificate attribute nests a
dozen levels deep) the whole ContentInfo took 0.3-0.4 s, most of an export's own check. Here
each field of the SignedData and of each SignerInfo is re-encoded by asn1crypto on its own, and
the five structures around them (ContentInfo, its [0], SignedData, the SET of SignerInfos, each
SignerInfo) are put back with DER headers: the same bytes as the whole re-encoding, in a tenth
of the time (a test compares the two on real and on altered signatures).

asn1crypto keeps as they came the values it has no type for (an algorithm's parameters, for
one), so ``lengths_are_der`` first walks every tag and length of the whole input: each length
definite and in its shortest form, each tag in its shortest form, and the values of a
constructed one filling it exactly.
"""

from __future__ import annotations

from typing import Any

SEQUENCE, SET, CONTEXT_0 = 0x30, 0x31, 0xA0  # constructed, universal or [0] explicit


def _header(data: bytes, at: int, limit: int) -> tuple[bool, int, int] | None:
    """At ``at``: whether the value is constructed, where its contents start and end; None
    when its tag or length is not in DER or runs past ``limit``."""
    if at >= limit:
        return None
    constructed, at = bool(data[at] & 0x20), at + 1
    if data[at - 1] & 0x1F == 0x1F:  # a tag number of 31 or more, in base 128
        if at >= limit or data[at] == 0x80 or data[at] < 0x1F:
            return None  # a leading zero digit, or a number that fits the first byte
        while at < limit and data[at] & 0x80:
            at += 1
        at += 1
    if at >= limit:
        return None
    first, at = data[at], at + 1
    if first < 0x80:
        size = first
    else:
        count = first & 0x7F
        if count == 0 or count > 4 or at + count > limit or data[at] == 0:
            return None  # indefinite, too long, or a leading zero byte
        size, at = int.from_bytes(data[at : at + count], "big"), at + count
        if size < 0x80:
            return None  # would have fitted the short form
    if at + size > limit:
        return None
    return constructed, at, at + size


def sequence_length(data: bytes) -> int | None:
    """The length, header included, of the DER SEQUENCE at the start of ``data`` (what
    follows it, such as the zeros padding a PDF signature, is ignored); None when there is
    none there."""
    header = _header(data, 0, len(data))
    return header[2] if header and data[0] == SEQUENCE else None


def lengths_are_der(data: bytes) -> bool:
    """Whether ``data`` is one value whose every tag and length, at every depth, is DER."""
    top = _header(data, 0, len(data))
    if top is None or top[2] != len(data):
        return False
    pending = [top]
    while pending:
        constructed, start, end = pending.pop()
        if not constructed:
            continue
        at = start
        while at < end:
            inner = _header(data, at, end)
            if inner is None:
                return False
            pending.append(inner)
            at = inner[2]
    return True


def tlv(tag: int, contents: bytes) -> bytes:
    """``contents`` under a one-byte ``tag`` and its DER length (definite, shortest form)."""
    size = len(contents)
    if size < 0x80:
        return bytes((tag, size)) + contents
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(length))) + length + contents


def _fields(value: Any, replaced: dict[str, bytes] | None = None) -> bytes:
    """The present fields of a parsed SEQUENCE, each re-encoded on its own (or as
    ``replaced``), in their order."""
    from asn1crypto import core

    parts = []
    for name in value:
        if replaced and name in replaced:
            parts.append(replaced[name])
            continue
        child = value[name]
        if not isinstance(child, core.Void):
            parts.append(child.dump(force=True))
    return b"".join(parts)


def der_of_signed_data(info: Any) -> bytes:
    """The DER encoding of a parsed ContentInfo holding SignedData (asn1crypto's ``cms``)."""
    signed = info["content"]
    signer_infos = [tlv(SEQUENCE, _fields(signer)) for signer in signed["signer_infos"]]
    infos = tlv(SET, b"".join(sorted(signer_infos)))  # DER sorts a SET OF by encoding
    signed_data = tlv(SEQUENCE, _fields(signed, {"signer_infos": infos}))
    return tlv(SEQUENCE, info["content_type"].dump(force=True) + tlv(CONTEXT_0, signed_data))
