"""Whether a CMS SignedData is in DER, as the signatures we accept must be.

A lenient parse must not hide an altered byte, so a signature is accepted only when its DER
re-encoding gives back the same bytes. asn1crypto's ``dump(force=True)`` re-encodes a subtree
once for every level above it: on pyHanko's signature (an ESS certificate attribute nests a
dozen levels deep) the whole ContentInfo took 0.3-0.4 s, most of an export's own check. Here
each field of the SignedData and of each SignerInfo is re-encoded by asn1crypto on its own, and
the four structures around them (ContentInfo, its [0], SignedData, the SET of SignerInfos, each
SignerInfo) are put back with DER headers: the same bytes as the whole re-encoding, in a tenth
of the time (a test compares the two on real and on altered signatures).
"""

from __future__ import annotations

from typing import Any

SEQUENCE, SET, CONTEXT_0 = 0x30, 0x31, 0xA0  # constructed, universal or [0] explicit


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
