"""A signature is accepted only in DER; the check re-encodes it in parts (see core.signing.der)
and must say exactly what asn1crypto's whole re-encoding says."""

from __future__ import annotations

import re

import pytest
from asn1crypto import cms

from acsg_desktop.core.signing.cms import SignatureError, signer_of_detached
from acsg_desktop.core.signing.der import (
    der_of_signed_data,
    lengths_are_der,
    sequence_length,
    tlv,
)
from tests.core.package.conftest import Exported


def pdf_signature(exported: Exported) -> tuple[bytes, bytes]:
    """The report's covered bytes and its CMS (pyHanko's: an ESS attribute nests deep)."""
    pdf = exported.entries()["report.pdf"]
    byte_range = [int(n) for n in re.search(rb"/ByteRange \[([\d ]+)\]", pdf).group(1).split()]
    start, first, second, rest = byte_range
    covered = pdf[start : start + first] + pdf[second : second + rest]
    hex_contents = pdf[start + first : second].strip(b"<>")
    padded = bytes.fromhex(hex_contents.decode())
    return covered, cms.ContentInfo.load(padded).dump()  # without the zeros that pad it


def signatures(exported: Exported) -> dict[str, bytes]:
    return {
        "SHA256SUMS.p7s": exported.entries()["SHA256SUMS.p7s"],
        "report.pdf": pdf_signature(exported)[1],
    }


def long_form(der: bytes) -> bytes:
    """The same value with its outer length in a four-byte long form: BER, not DER."""
    assert der[0] == 0x30
    head = 2 + (der[1] & 0x7F if der[1] & 0x80 else 0)
    return b"\x30\x84" + len(der[head:]).to_bytes(4, "big") + der[head:]


def test_a_length_is_written_in_its_shortest_form() -> None:
    assert tlv(0x30, b"") == b"\x30\x00"
    assert tlv(0x30, b"x" * 127)[:2] == b"\x30\x7f"
    assert tlv(0x30, b"x" * 128)[:3] == b"\x30\x81\x80"
    assert tlv(0x31, b"x" * 256)[:4] == b"\x31\x82\x01\x00"


@pytest.mark.parametrize("name", ["SHA256SUMS.p7s", "report.pdf"])
def test_the_parts_give_what_the_whole_re_encoding_gives(exported: Exported, name: str) -> None:
    signature = signatures(exported)[name]
    whole = cms.ContentInfo.load(signature).dump(force=True)
    assert der_of_signed_data(cms.ContentInfo.load(signature)) == whole == signature
    altered = long_form(signature)
    assert der_of_signed_data(cms.ContentInfo.load(altered)) == whole != altered


def test_a_signature_in_ber_is_refused_though_its_signature_holds(exported: Exported) -> None:
    covered, signature = pdf_signature(exported)
    assert signer_of_detached(covered, signature)  # the DER one holds
    with pytest.raises(SignatureError) as refused:
        signer_of_detached(covered, long_form(signature))
    assert refused.value.reason == "malformed"


def test_signer_infos_out_of_der_order_are_refused(exported: Exported) -> None:
    """DER sorts a SET OF by encoding: two SignerInfos in the other order are not DER."""
    covered, signature = pdf_signature(exported)
    info = cms.ContentInfo.load(signature)
    signer = info["content"]["signer_infos"][0].dump()
    twin = signer[:-1] + bytes((signer[-1] ^ 0x01,))  # a second SignerInfo, sorting apart
    first, second = sorted([signer, twin])
    own_set = tlv(0x31, signer)
    assert signature.endswith(own_set)  # the SET of SignerInfos ends the SignedData
    contents_start = len(signature) - len(info["content"].contents)
    fields_before = signature[contents_start : len(signature) - len(own_set)]
    swapped = tlv(0x31, second + first)
    inner = tlv(0x30, fields_before + swapped)
    altered = tlv(0x30, info["content_type"].dump() + tlv(0xA0, inner))
    assert cms.ContentInfo.load(altered).dump(force=True) != altered
    assert der_of_signed_data(cms.ContentInfo.load(altered)) != altered
    with pytest.raises(SignatureError):
        signer_of_detached(covered, altered)


@pytest.mark.parametrize(
    ("data", "is_der"),
    [
        (b"\x30\x00", True),
        (b"\x30\x03\x04\x01x", True),
        (b"\x04\x81\x80" + b"x" * 128, True),
        (b"\x30\x81\x00", False),  # a length that fits the short form
        (b"\x04\x82\x00\x05hello", False),  # a leading zero byte
        (b"\x30\x80\x04\x01x\x00\x00", False),  # indefinite
        (b"\x30\x03\x04\x02x", False),  # a value running past its container
        (b"\x30\x00\x00", False),  # a byte after the value
        (b"\x30\x03\x30\x81\x00", False),  # the same fault one level down
        (b"\x9f\x05\x00", False),  # a tag number under 31 written in the long form
        (b"\x9f\x1f\x00", True),
    ],
)
def test_every_tag_and_length_is_checked_at_every_depth(data: bytes, is_der: bool) -> None:
    assert lengths_are_der(data) is is_der


def sums_signature_with(exported: Exported, change) -> tuple[bytes, bytes]:  # type: ignore[no-untyped-def]
    """SHA256SUMS and its signature with ``change`` made to the parsed SignedData (parts the
    signature does not cover)."""
    entries = exported.entries()
    info = cms.ContentInfo.load(entries["SHA256SUMS.p7s"])
    change(info["content"])
    return entries["SHA256SUMS"], info.dump(force=True)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            lambda s: _set_parameters(s, b"\x05\x00"),
            "algorithm",
        ),  # present, though RFC 5758 bars it
        (lambda s: _set_parameters(s, b"\x30\x81\x02\x05\x00"), "malformed"),  # and not in DER
        (lambda s: s["signer_infos"][0].__setitem__("unsigned_attrs", []), "malformed"),
        (lambda s: s.__setitem__("crls", []), "malformed"),
    ],
)
def test_uncovered_parts_that_are_not_ours_are_refused(exported: Exported, change, reason) -> None:  # type: ignore[no-untyped-def]
    sums, signature = sums_signature_with(exported, change)
    assert signer_of_detached(*sums_signature_with(exported, lambda s: None))  # unchanged holds
    with pytest.raises(SignatureError) as refused:
        signer_of_detached(sums, signature)
    assert refused.value.reason == reason


def _set_parameters(signed, encoded: bytes) -> None:  # type: ignore[no-untyped-def]
    from asn1crypto import core

    signed["signer_infos"][0]["signature_algorithm"]["parameters"] = core.Any.load(encoded)


def test_the_padded_cms_of_a_pdf_is_cut_at_the_end_of_its_sequence() -> None:
    assert sequence_length(b"\x30\x03\x04\x01x\x00\x00\x00") == 5  # zeros pad /Contents
    assert sequence_length(b"\x30\x81\x03\x04\x01x") is None  # not its shortest length
    assert sequence_length(b"\x04\x01x") is None and sequence_length(b"") is None
