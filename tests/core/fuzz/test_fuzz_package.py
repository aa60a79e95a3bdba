"""Fuzzing verify_package over the real signed package: damaged ZIP structure, lying sizes,
changed entries (re-signed or not), garbage in signer.pem and the p7s, a damaged previous
package. verify_package must always return a PackageCheck (never raise), and never say ok
when a byte of a signed entry changed."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from acsg_desktop.core.envelope.format import SIGNATURE, SIGNER, SUMS, sums_text
from acsg_desktop.core.envelope.reader import read_envelope
from acsg_desktop.core.package import layout
from acsg_desktop.core.package.verify import PackageCheck, verify_package
from acsg_desktop.core.signing.cms import load_certificates, sign_detached
from tests.core.fuzz.test_fuzz_envelope import CERTIFICATE_TEXTS, SIGNATURES, STRANGER
from tests.core.fuzz.zips import byte_edits, changed_bytes, fuzz, lying_fields, rezipped
from tests.core.package.conftest import Exported, resigned

CHECK = re.compile(r"^[a-z0-9_-]+$")


def entries_of(data: bytes) -> dict[str, bytes]:
    """What zipfile reads (for an intact ZIP)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def read_as_verifier(path: Path) -> dict[str, bytes]:
    """What the verifier read from a file it accepted (zipfile may refuse odd flag bits)."""
    return read_envelope(path, layout.CAPS, layout.allowed_name)


@cache
def identity_of(exported: Exported):  # type: ignore[no-untyped-def]
    return exported.identity()  # 600,000 PBKDF2 rounds: once per session


def checked(path: Path, data: bytes | None = None, **options) -> PackageCheck:
    """verify_package's answer; any exception it lets out fails the test."""
    if data is not None:
        path.write_bytes(data)
    check = verify_package(path, **options)
    assert isinstance(check, PackageCheck)
    for failure in check.failures:
        assert isinstance(failure.entry, str) and failure.entry
        assert CHECK.match(failure.check), failure.check
        assert isinstance(failure.message, str) and failure.message
    return check


def named(check: PackageCheck) -> set[tuple[str, str]]:
    return {(failure.entry, failure.check) for failure in check.failures}


def test_the_fuzzed_package_is_valid_to_start_with(exported: Exported) -> None:
    assert checked(exported.first).ok
    assert checked(exported.second, previous=exported.first).ok


@fuzz(150)
@given(data=st.data())
def test_damaged_zip_structure_gives_a_check(exported: Exported, tmp_path: Path, data) -> None:
    original = exported.first.read_bytes()
    damaged = data.draw(st.one_of(byte_edits(original), lying_fields(original)))
    path = tmp_path / "p.acsgpkg"
    if checked(path, damaged).ok:
        assert read_as_verifier(path) == entries_of(original)  # nothing signed changed


@fuzz(50)
@given(data=st.data())
def test_a_changed_signed_entry_is_never_ok(exported: Exported, tmp_path: Path, data) -> None:
    entries = exported.entries()
    name = data.draw(st.sampled_from(layout.LISTED))
    entries[name] = data.draw(changed_bytes(entries[name]))
    check = checked(tmp_path / "p.acsgpkg", data.draw(rezipped(entries, accepted_only=True)))
    assert not check.ok
    assert (name, "sha256") in named(check)


@fuzz(40)
@given(data=st.data())
def test_a_changed_entry_signed_again_gives_a_check(
    exported: Exported, tmp_path: Path, data
) -> None:
    """Re-signed by the real signer, so the content checks (PDF, JSON, schema) are what is
    tested; VERIFY.txt and a manifest still meeting every rule may then pass."""
    entries = exported.entries()
    name = data.draw(st.sampled_from(layout.LISTED))
    entries[name] = data.draw(changed_bytes(entries[name]))
    signed = resigned(entries, identity_of(exported))
    check = checked(tmp_path / "p.acsgpkg", data.draw(rezipped(signed, accepted_only=True)))
    same_certificates = load_certificates(entries[SIGNER]) == load_certificates(
        exported.entries()[SIGNER]
    )  # text around the PEM block changes no certificate
    if name in (layout.PACKAGE_JSON, layout.REPORT) or (name == SIGNER and not same_certificates):
        assert not check.ok


def signed_by(entries: dict[str, bytes], identity) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """SHA256SUMS over every listed entry (signer.pem as it is), signed by ``identity``."""
    listed = {n: d for n, d in entries.items() if n not in (SUMS, SIGNATURE)}
    sums = sums_text(listed)
    return {**listed, SUMS: sums, SIGNATURE: sign_detached(sums, identity)}


@fuzz(50)
@given(data=st.data())
def test_garbage_in_signer_pem_and_the_p7s(exported: Exported, tmp_path: Path, data) -> None:
    entries = exported.entries()
    how = data.draw(st.sampled_from(["pem", "p7s", "both", "pem signed", "stranger"]))
    if how in ("pem", "both", "pem signed"):
        entries[SIGNER] = data.draw(CERTIFICATE_TEXTS)
    if how in ("p7s", "both"):
        entries[SIGNATURE] = data.draw(SIGNATURES)
    if how == "pem signed":
        entries = signed_by(entries, identity_of(exported))
    if how == "stranger":  # a complete envelope by someone else, its own certificate enclosed
        from acsg_desktop.core.signing.keys import certificate_pem

        entries = signed_by({**entries, SIGNER: certificate_pem(STRANGER.certificate)}, STRANGER)
    if entries == exported.entries():
        return
    trusted = data.draw(st.sampled_from([None, [identity_of(exported).certificate]]))
    check = checked(tmp_path / "p.acsgpkg", data.draw(rezipped(entries)), trusted=trusted)
    assert not check.ok


@fuzz(30)
@given(data=st.data())
def test_a_damaged_previous_package_is_flagged(exported: Exported, tmp_path: Path, data) -> None:
    original = exported.first.read_bytes()
    damaged = data.draw(st.one_of(byte_edits(original), lying_fields(original)))
    if damaged == original:  # a byte set to its own value, a field to what it said
        return
    previous = tmp_path / "previous.acsgpkg"
    previous.write_bytes(damaged)
    check = checked(exported.second, previous=previous)
    assert not check.ok and {failure.entry for failure in check.failures} == {layout.MANIFEST}


def test_verify_package_reads_a_package_at_the_time_it_runs(exported: Exported) -> None:
    assert checked(exported.first).signer.not_valid_after_utc > datetime.now(UTC)
