"""Regression tests for the hostile review of the verifier (issue 9): each failed on the code
before it, each names the family it stands for."""

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from asn1crypto import cms

from acsg_desktop.core.package import layout
from acsg_desktop.core.package.pdf_finish import make_pdfa3, sign_pdf
from acsg_desktop.core.package.verify import verify_package
from acsg_desktop.core.signing.keys import create_identity
from tests.core.package.conftest import Exported, resigned, write_zip


def failures(check) -> set[tuple[str, str]]:
    return {(failure.entry, failure.check) for failure in check.failures}


def declared_size(data: bytes, name: bytes, size: int) -> bytes:
    """The ZIP ``data`` with ``name``'s uncompressed size in the central directory set to
    ``size`` (the local header is left as it was)."""
    patched = bytearray(data)
    central = patched.rfind(b"PK\x01\x02", 0, patched.rfind(name))
    patched[central + 24 : central + 28] = size.to_bytes(4, "little")
    return bytes(patched)


def test_an_extra_entry_declared_huge_is_refused_by_name(exported: Exported, tmp_path: Path):
    path = write_zip(tmp_path / "p", {**exported.entries(), "OPEN-ME.exe": b"MZ" * 2500})
    path.write_bytes(declared_size(path.read_bytes(), b"OPEN-ME.exe", 60_000_000))
    check = verify_package(path)
    assert not check.ok
    assert ("OPEN-ME.exe", "unexpected") in failures(check)


def test_a_real_50_mb_extra_entry_is_refused(exported: Exported, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in exported.entries().items():
            archive.writestr(name, data)
        archive.writestr("payload.bin", bytes(50_000_000))
    path = tmp_path / "big.acsgpkg"
    path.write_bytes(buffer.getvalue())
    assert ("payload.bin", "unexpected") in failures(verify_package(path))


def test_an_entry_whose_index_lies_about_its_size_is_refused(exported: Exported, tmp_path):
    for size in (10, 60_000_000):
        path = write_zip(tmp_path / f"s{size}", exported.entries())
        path.write_bytes(declared_size(path.read_bytes(), b"VERIFY.txt", size))
        assert failures(verify_package(path)) == {("VERIFY.txt", "index")}


def test_entry_count_and_total_size_are_capped(exported: Exported, tmp_path: Path) -> None:
    extra = layout.CAPS.max_entries  # evidence files raised the cap well above the 7 entries
    many = {**exported.entries(), **{f"x{i}": b"" for i in range(extra)}}
    assert failures(verify_package(write_zip(tmp_path / "many", many))) == {("(file)", "too_many")}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in exported.entries().items():
            archive.writestr(name, bytes(2_000_000_000) if name == "VERIFY.txt" else data)
    path = tmp_path / "bomb.acsgpkg"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 5_000_000
    tracemalloc.start()
    check = verify_package(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert ("VERIFY.txt", "too_big") in failures(check)
    assert peak < 200_000_000  # stopped at the cap, not after reading 2 GB


def test_overlapping_entries_are_refused(exported: Exported, tmp_path: Path) -> None:
    data = bytearray(write_zip(tmp_path / "o", exported.entries()).read_bytes())
    directory = data.find(b"PK\x01\x02")
    first_offset = data[directory + 42 : directory + 46]
    second = data.find(b"PK\x01\x02", directory + 4)
    data[second + 42 : second + 46] = first_offset  # the second entry points at the first's bytes
    path = tmp_path / "overlap.acsgpkg"
    path.write_bytes(bytes(data))
    check = verify_package(path)
    assert not check.ok and next(iter(failures(check)))[1] in {"overlap", "index"}


def test_a_report_signed_by_another_key_is_refused(exported: Exported, tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    entries = exported.entries()
    mallory = create_identity("Mallory", "Elsewhere", "FR")
    page = io.BytesIO()
    drawing = canvas.Canvas(page)
    drawing.drawString(72, 720, "A report that looks like the real one")
    drawing.save()
    pdf = make_pdfa3(page.getvalue(), entries["package.json"], "ACSG")
    entries["report.pdf"] = sign_pdf(pdf, mallory)
    check = verify_package(
        write_zip(tmp_path / "m", resigned(entries, exported.identity())),
        [exported.identity().certificate],
    )
    assert ("report.pdf", "pdf-signer") in failures(check)
    assert any("Mallory" in failure.message for failure in check.failures)


def test_a_report_signed_twice_is_refused(exported: Exported, tmp_path: Path) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    entries = exported.entries()
    mallory = signers.SimpleSigner.load_pkcs12_data(
        create_pkcs12(create_identity("Mallory", "Elsewhere", "FR")), [], b"x" * 12
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(entries["report.pdf"]))
    fields.append_signature_field(writer, fields.SigFieldSpec("Second"))
    out = signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="Second"), mallory)
    entries["report.pdf"] = out.getvalue()
    check = verify_package(write_zip(tmp_path / "t", resigned(entries, exported.identity())))
    assert ("report.pdf", "pdf-signature") in failures(check)


@pytest.mark.parametrize(
    "manifest",
    [b"[]", b"null", b'"a string"', b"[" * 100_000 + b"]" * 100_000, b'{"sequence": "1"}'],
)
def test_manifests_of_the_wrong_shape_are_refused(exported: Exported, tmp_path: Path, manifest):
    entries = {**exported.entries(), "manifest.json": manifest}
    check = verify_package(write_zip(tmp_path / "w", resigned(entries, exported.identity())))
    assert {("manifest.json", "json"), ("manifest.json", "schema")} & failures(check)


def test_a_deeply_nested_package_json_is_refused(exported: Exported, tmp_path: Path) -> None:
    entries = {**exported.entries(), "package.json": b"[" * 100_000 + b"]" * 100_000}
    check = verify_package(write_zip(tmp_path / "d", resigned(entries, exported.identity())))
    assert ("package.json", "json") in failures(check)


def create_pkcs12(identity) -> bytes:
    from acsg_desktop.core.signing.keys import to_pkcs12

    return to_pkcs12(identity, b"x" * 12, "Mallory")


def _with_signer_info(p7s: bytes, change) -> bytes:
    info = cms.ContentInfo.load(p7s)
    change(info["content"])
    return info.dump(force=True)


def test_a_signer_named_by_its_key_identifier_verifies(tmp_path: Path) -> None:
    from acsg_desktop.core.envelope.format import sums_text
    from acsg_desktop.core.signing.cms import sign_detached, verify_detached

    identity = create_identity("Key id", "Authority", "TD")
    sums = sums_text({"a": b"a"})
    certificate = cms.ContentInfo.load(sign_detached(sums, identity))["content"]["certificates"][0]

    def by_key_id(signed) -> None:
        signed["signer_infos"][0]["sid"] = cms.SignerIdentifier(
            name="subject_key_identifier", value=certificate.chosen.key_identifier
        )
        signed["signer_infos"][0]["version"] = "v3"  # as RFC 5652 sets for a key identifier
        signed["version"] = "v3"

    signature = _with_signer_info(sign_detached(sums, identity), by_key_id)
    from datetime import UTC, datetime

    check = verify_detached(sums, signature, [identity.certificate], datetime.now(UTC))
    assert check.signer == identity.certificate


def test_an_unreadable_certificate_in_the_signature_is_a_clear_failure(
    exported: Exported, tmp_path: Path
) -> None:
    entries = exported.entries()
    signature = bytearray(entries["SHA256SUMS.p7s"])
    start = signature.find(b"\x30\x82", 20)  # the embedded certificate's SEQUENCE
    signature[start + 4 : start + 40] = bytes(36)
    entries["SHA256SUMS.p7s"] = bytes(signature)
    check = verify_package(write_zip(tmp_path / "c", entries))
    assert not check.ok
    assert {failure.entry for failure in check.failures} >= {"SHA256SUMS.p7s"}


def test_a_corrupted_signature_says_bad_signature_not_untrusted(
    exported: Exported, tmp_path: Path
) -> None:
    entries = exported.entries()
    signature = bytearray(entries["SHA256SUMS.p7s"])
    signature[-80] ^= 0x01  # inside the declared signature algorithm, which no signature covers
    entries["SHA256SUMS.p7s"] = bytes(signature)
    check = verify_package(write_zip(tmp_path / "b", entries))
    reasons = {failure.check for failure in check.failures if failure.entry == "SHA256SUMS.p7s"}
    assert reasons and "untrusted" not in reasons


def test_every_flipped_byte_of_the_signature_fails_it(exported: Exported) -> None:
    from datetime import UTC, datetime

    from acsg_desktop.core.signing.cms import SignatureError, verify_detached

    entries = exported.entries()
    original, anchors = entries["SHA256SUMS.p7s"], [exported.identity().certificate]
    accepted = []
    for position in range(len(original)):
        signature = bytearray(original)
        signature[position] ^= 0x04
        try:
            verify_detached(entries["SHA256SUMS"], bytes(signature), anchors, datetime.now(UTC))
            accepted.append(position)
        except SignatureError:
            pass
    assert accepted == []
