"""Fuzzing the signed envelope: a real signed ZIP damaged in its headers, central directory,
end record and data, its declared sizes lying, its entries rewritten with any size and
compression, and garbage certificates and signatures. The only outcomes allowed are the entries
or an EnvelopeError; the signature check gives a signer or a SignatureError."""

from __future__ import annotations

import io
import random
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from hypothesis import given
from hypothesis import strategies as st

from acsg_desktop.core.envelope.format import SIGNATURE, SIGNER, SUMS, Caps
from acsg_desktop.core.envelope.reader import EnvelopeError, read_envelope
from acsg_desktop.core.envelope.signed import check_signature, listing_problems, read_sums
from acsg_desktop.core.envelope.writer import envelope_bytes
from acsg_desktop.core.signing.cms import (
    SignatureError,
    load_certificates,
    sign_detached,
    verify_detached,
)
from acsg_desktop.core.signing.keys import create_identity
from tests.core.fuzz.zips import byte_edits, fuzz, lying_fields, rezipped, zip_map

SIGNATORY = create_identity("Fuzz Signer", "ACSG fuzzing (test only)", "CH")
STRANGER = create_identity("Mallory", "Not trusted", "FR")
LISTED = {
    "a.txt": b"hello, world\n" * 40,
    "b.bin": random.Random(9).randbytes(1500),
    "c.txt": b"",
    "d.txt": b"\0" * 2500,
}
ENVELOPE = envelope_bytes(LISTED, SIGNATORY)
CAPS = Caps(
    max_entries=8, max_entry_bytes=6000, max_total_bytes=15000, max_ratio=20, ratio_floor=3000
)
NAMES = {*LISTED, SUMS, SIGNATURE, SIGNER}
REASON = re.compile(r"^[a-z0-9_]+$")


def original_entries() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(ENVELOPE)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


ORIGINAL = original_entries()


def allowed(name: str) -> bool:
    return name in NAMES


def typed(error: EnvelopeError | SignatureError) -> None:
    """A typed error carries a stable reason code and a message for people."""
    assert REASON.match(error.reason), error.reason
    assert isinstance(error.message, str) and error.message
    if isinstance(error, EnvelopeError):
        assert isinstance(error.entry, str) and error.entry


def read(path: Path, data: bytes, caps: Caps = CAPS) -> dict[str, bytes] | None:
    """The entries, or None once an EnvelopeError refused the file (any other error escapes)."""
    path.write_bytes(data)
    try:
        entries = read_envelope(path, caps, allowed)
    except EnvelopeError as error:
        typed(error)
        return None
    assert set(entries) <= NAMES
    assert len(entries) <= caps.max_entries
    assert all(len(value) <= caps.max_entry_bytes for value in entries.values())
    assert sum(map(len, entries.values())) <= caps.max_total_bytes
    return entries


def accepted(entries: dict[str, bytes]) -> bool:
    """Whether the whole envelope holds: signature by SIGNATORY, and every entry listed."""
    try:
        signer = check_signature(entries, [SIGNATORY.certificate], datetime.now(UTC))
        problems = listing_problems(entries, read_sums(entries))
    except (EnvelopeError, SignatureError) as error:
        typed(error)
        return False
    for problem in problems:
        typed(problem)
    assert signer == SIGNATORY.certificate
    return not problems


def check_damaged(path: Path, data: bytes) -> None:
    entries = read(path, data)
    if entries is not None and accepted(entries):
        assert entries == ORIGINAL  # whatever was damaged, no signed byte changed


def test_the_fuzzed_envelope_is_valid_to_start_with(tmp_path: Path) -> None:
    entries = read(tmp_path / "e", ENVELOPE)
    assert entries == ORIGINAL and accepted(entries)


@fuzz(600)
@given(data=byte_edits(ENVELOPE))
def test_bytes_flipped_inserted_or_deleted(tmp_path: Path, data: bytes) -> None:
    check_damaged(tmp_path / "e", data)


@fuzz(400)
@given(
    data=byte_edits(
        ENVELOPE, [p for r in zip_map(ENVELOPE).records for p in range(r.data[0], r.data[1])]
    )
)
def test_bytes_changed_in_the_compressed_data(tmp_path: Path, data: bytes) -> None:
    check_damaged(tmp_path / "e", data)


@fuzz(600)
@given(data=lying_fields(ENVELOPE))
def test_declared_sizes_crc_methods_and_offsets_that_lie(tmp_path: Path, data: bytes) -> None:
    check_damaged(tmp_path / "e", data)


def sized(size: int, seed: int, kind: str) -> bytes:
    if kind == "zeros":
        return bytes(size)
    return random.Random(seed).randbytes(size)


CAP_SIZES = st.sampled_from(
    [0, 1, CAPS.ratio_floor, CAPS.ratio_floor + 1, CAPS.max_entry_bytes, CAPS.max_entry_bytes + 1]
)


@st.composite
def resized(draw: st.DrawFn) -> dict[str, bytes]:
    """The listed entries, some replaced by contents of random or cap-edge sizes."""
    entries = dict(LISTED)
    for name in draw(st.sets(st.sampled_from(sorted(LISTED)))):
        size = draw(st.one_of(CAP_SIZES, st.integers(0, CAPS.max_entry_bytes + 500)))
        entries[name] = sized(
            size, draw(st.integers(0, 2**16)), draw(st.sampled_from(["zeros", "random"]))
        )
    return entries


@fuzz(300)
@given(data=st.data())
def test_entries_rewritten_with_any_size_and_compression(tmp_path: Path, data) -> None:
    listed = data.draw(resized())
    signed = original_entries_of(envelope_bytes(listed, SIGNATORY))
    written = data.draw(rezipped(signed))
    entries = read(tmp_path / "e", written)
    if entries is not None:
        assert entries == signed  # what the reader gives is what was written
        assert accepted(entries)


@fuzz(300)
@given(data=st.data())
def test_rewritten_entries_then_damaged(tmp_path: Path, data) -> None:
    written = data.draw(rezipped(ORIGINAL))
    damaged = data.draw(st.one_of(byte_edits(written), lying_fields(written)))
    check_damaged(tmp_path / "e", damaged)


def original_entries_of(envelope: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(envelope)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


CERT_DER = SIGNATORY.certificate.public_bytes(serialization.Encoding.DER)
CERT_PEM = SIGNATORY.certificate.public_bytes(serialization.Encoding.PEM)
SUMS_TEXT = ORIGINAL[SUMS]
P7S = ORIGINAL[SIGNATURE]


def pem(der: bytes, label: str = "CERTIFICATE") -> bytes:
    import base64

    body = base64.encodebytes(der).decode("ascii")
    return f"-----BEGIN {label}-----\n{body}-----END {label}-----\n".encode()


def flipped(data: bytes) -> st.SearchStrategy[bytes]:
    return byte_edits(data, list(range(len(data))))


CERTIFICATE_TEXTS = st.one_of(
    st.binary(max_size=300),
    st.binary(max_size=300).map(pem),
    flipped(CERT_DER).map(pem),
    flipped(CERT_PEM),
    st.integers(1, len(CERT_DER) - 1).map(lambda n: pem(CERT_DER[:n])),
    st.just(CERT_DER),
    st.lists(
        st.sampled_from([CERT_PEM, pem(b"\x30\x00"), pem(b""), b"junk\n"]), min_size=1, max_size=4
    ).map(b"".join),
    st.sampled_from(
        [
            pem(CERT_DER, "PRIVATE KEY"),
            pem(CERT_DER, "X509 CRL"),
            STRANGER.certificate.public_bytes(serialization.Encoding.PEM),
        ]
    ),
)


@fuzz(800)
@given(text=CERTIFICATE_TEXTS)
def test_garbage_certificates_give_a_list(text: bytes) -> None:
    certificates = load_certificates(text)
    assert isinstance(certificates, list)
    assert all(isinstance(item, x509.Certificate) for item in certificates)


SIGNATURES = st.one_of(
    st.binary(max_size=400),
    flipped(P7S),
    st.integers(0, len(P7S) - 1).map(lambda n: P7S[:n]),
    st.binary(min_size=1, max_size=20).map(lambda tail: P7S + tail),
    st.just(sign_detached(SUMS_TEXT, STRANGER)),
    flipped(sign_detached(SUMS_TEXT, STRANGER)),
)


@fuzz(700)
@given(signature=SIGNATURES, content=st.one_of(st.just(SUMS_TEXT), flipped(SUMS_TEXT)))
def test_damaged_signatures_are_refused_with_a_reason(signature: bytes, content: bytes) -> None:
    try:
        check = verify_detached(content, signature, [SIGNATORY.certificate], datetime.now(UTC))
    except SignatureError as error:
        typed(error)
        return
    assert (content, signature) == (SUMS_TEXT, P7S)  # only the real one verifies
    assert check.signer == SIGNATORY.certificate


@fuzz(400)
@given(pem_text=CERTIFICATE_TEXTS, signature=SIGNATURES)
def test_garbage_in_signer_pem_and_the_p7s_of_a_signed_zip(
    tmp_path: Path, pem_text: bytes, signature: bytes
) -> None:
    entries = {**ORIGINAL, SIGNER: pem_text, SIGNATURE: signature}
    written = original_entries_of_zip(entries)
    read_back = read(tmp_path / "e", written)
    assert read_back == entries
    assert not accepted(read_back) or entries == ORIGINAL


def original_entries_of_zip(entries: dict[str, bytes]) -> bytes:
    from tests.core.fuzz.zips import zip_entries

    return zip_entries([(n, d, zipfile.ZIP_DEFLATED, None) for n, d in entries.items()])


@pytest.mark.parametrize("size", [0, 21, 22, 100])
def test_tiny_files_are_not_zips(tmp_path: Path, size: int) -> None:
    assert read(tmp_path / "e", ENVELOPE[-size:] if size else b"") is None


def test_a_zip_version_zipfile_does_not_know_is_refused_not_raised(tmp_path: Path) -> None:
    """Found by fuzzing: a "version needed to extract" above 6.3 in the central directory made
    zipfile raise NotImplementedError out of read_envelope."""
    data = bytearray(ENVELOPE)
    central = zip_map(ENVELOPE).records[0].central
    data[central + 6] = 64  # version needed to extract: 6.4
    path = tmp_path / "e"
    path.write_bytes(bytes(data))
    with pytest.raises(EnvelopeError) as caught:
        read_envelope(path, CAPS, allowed)
    assert caught.value.reason == "not_zip"
