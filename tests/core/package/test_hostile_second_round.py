"""A second hostile review (issue 9, "look for their siblings"): bytes no entry accounts for,
extra fields unzip reads as names, a second signer, an end-entity certificate used as an issuer,
an associated file that differs, line endings sha256sum does not know, devices and pipes."""

import io
import os
import struct
import zipfile
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from acsg_desktop.core.assessment.csv_export import spreadsheet_cell
from acsg_desktop.core.envelope.format import parse_sums
from acsg_desktop.core.package.verify import verify_package
from acsg_desktop.core.signing.cms import SignatureError, sign_detached, verify_detached
from acsg_desktop.core.signing.keys import Identity, create_identity
from tests.core.package.conftest import Exported, resigned, write_zip

NOW = datetime.now(UTC)


def failures(check) -> set[tuple[str, str]]:
    return {(failure.entry, failure.check) for failure in check.failures}


def refused(path: Path) -> set[str]:
    check = verify_package(path)
    assert not check.ok
    return {failure.check for failure in check.failures}


def local_entry(name: bytes, data: bytes) -> bytes:
    header = struct.pack(
        "<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, 0x21, zlib.crc32(data), len(data),
        len(data), len(name), 0,
    )  # fmt: skip
    return header + name + data


def test_bytes_before_the_entries_are_refused(exported: Exported, tmp_path: Path) -> None:
    path = tmp_path / "prepended.acsgpkg"
    path.write_bytes(local_entry(b"OPEN-ME.exe", b"MZevil") + exported.first.read_bytes())
    assert "layout" in refused(path)
    script = tmp_path / "script.acsgpkg"
    script.write_bytes(b"#!/bin/sh\necho hi\n" + exported.first.read_bytes())
    assert "layout" in refused(script)


def test_bytes_after_the_end_and_a_comment_are_refused(exported: Exported, tmp_path: Path):
    data = exported.first.read_bytes()
    trailing = tmp_path / "trailing.acsgpkg"
    trailing.write_bytes(data + local_entry(b"x.exe", b"MZ"))
    assert "layout" in refused(trailing)
    comment = tmp_path / "comment.acsgpkg"
    comment.write_bytes(data[:-2] + struct.pack("<H", 12) + b"\x1b[2J PWNED!")
    assert "layout" in refused(comment)


def test_an_entry_hidden_between_two_others_is_refused(exported: Exported, tmp_path: Path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in exported.entries().items():
            archive.writestr(name, content)
    data = buffer.getvalue()
    hidden = local_entry(b"OPEN-ME.exe", b"MZevil")
    directory = data.rfind(b"PK\x01\x02", 0, data.find(b"PK\x05\x06"))
    first_cd = data.find(b"PK\x01\x02")
    # put the hidden entry in front of the first record and shift every offset after it
    patched = bytearray(hidden + data)
    shift = len(hidden)
    position = first_cd + shift
    while True:
        position = patched.find(b"PK\x01\x02", position)
        if position < 0 or position > directory + shift:
            break
        old = struct.unpack_from("<L", patched, position + 42)[0]
        struct.pack_into("<L", patched, position + 42, old + shift)
        position += 4
    end = patched.find(b"PK\x05\x06")
    struct.pack_into(
        "<L", patched, end + 16, struct.unpack_from("<L", patched, end + 16)[0] + shift
    )
    path = tmp_path / "hidden.acsgpkg"
    path.write_bytes(bytes(patched))
    assert "layout" in refused(path)


def test_an_extra_field_unzip_reads_as_a_name_is_refused(exported: Exported, tmp_path: Path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in exported.entries().items():
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
            if name == "VERIFY.txt":  # Info-ZIP Unicode Path: unzip would write OPEN-ME.exe
                target = b"OPEN-ME.exe"
                info.extra = (
                    struct.pack("<HHBL", 0x7075, 5 + len(target), 1, zlib.crc32(b"VERIFY.txt"))
                    + target
                )
            archive.writestr(info, content)
    path = tmp_path / "unicode-path.acsgpkg"
    path.write_bytes(buffer.getvalue())
    assert ("VERIFY.txt", "index") in failures(verify_package(path))


def test_a_second_signer_in_the_signature_is_refused(exported: Exported) -> None:
    entries, identity = exported.entries(), exported.identity()
    mallory = create_identity("Mallory", "Evil Org " + "x" * 120, "XX")
    genuine = cms.ContentInfo.load(entries["SHA256SUMS.p7s"])
    other = cms.ContentInfo.load(sign_detached(entries["SHA256SUMS"], mallory))
    signed = genuine["content"]
    signed["signer_infos"] = [*signed["signer_infos"], other["content"]["signer_infos"][0]]
    signed["certificates"] = [*signed["certificates"], other["content"]["certificates"][0]]
    two = genuine.dump(force=True)
    with pytest.raises(SignatureError, match="more than one signature"):
        verify_detached(entries["SHA256SUMS"], two, [identity.certificate], NOW)


def test_an_unsigned_attribute_is_refused(exported: Exported) -> None:
    entries, identity = exported.entries(), exported.identity()
    info = cms.ContentInfo.load(entries["SHA256SUMS.p7s"])
    info["content"]["signer_infos"][0]["unsigned_attrs"] = [
        {"type": "signing_time", "values": [cms.Time({"utc_time": NOW})]}
    ]
    with pytest.raises(SignatureError, match="unsigned parts"):
        verify_detached(entries["SHA256SUMS"], info.dump(force=True), [identity.certificate], NOW)


def issued_by(issuer: Identity, subject: str, usage_for_signing: bool = True) -> Identity:
    """A certificate for a new key, issued by ``issuer`` (which may not be a CA)."""
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    usage = x509.KeyUsage(
        digital_signature=usage_for_signing, content_commitment=False, key_encipherment=False,
        data_encipherment=False, key_agreement=not usage_for_signing, key_cert_sign=False,
        crl_sign=False, encipher_only=False, decipher_only=False,
    )  # fmt: skip
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(issuer.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=30))
        .add_extension(usage, critical=True)
        .sign(issuer.key, hashes.SHA256())
    )
    return Identity(key, certificate)


def test_an_end_entity_certificate_cannot_vouch_for_another() -> None:
    signatory = create_identity("Fatimé Zakaria", "Authority", "XA")  # CA:FALSE
    child = issued_by(signatory, "Desk of another authority")
    data = b"0" * 64 + b"  x\n"
    with pytest.raises(SignatureError) as caught:
        verify_detached(data, sign_detached(data, child), [signatory.certificate], NOW)
    assert caught.value.reason == "untrusted"


def test_a_certificate_not_for_signing_is_refused() -> None:
    authority = create_identity("Authority", "A", "XA")
    agreement_only = issued_by(authority, "Key agreement", usage_for_signing=False)
    data = b"0" * 64 + b"  x\n"
    with pytest.raises(SignatureError) as caught:
        verify_detached(
            data, sign_detached(data, agreement_only), [agreement_only.certificate], NOW
        )
    assert caught.value.reason == "key_usage"


def test_an_associated_file_other_than_package_json_is_refused(exported: Exported, tmp_path):
    import pikepdf
    from reportlab.pdfgen import canvas

    from acsg_desktop.core.package.pdf_finish import make_pdfa3, sign_pdf

    entries, identity = exported.entries(), exported.identity()
    page = io.BytesIO()
    drawing = canvas.Canvas(page)
    drawing.drawString(72, 720, "report")
    drawing.save()
    pdf = make_pdfa3(page.getvalue(), entries["package.json"], "ACSG")
    with pikepdf.open(io.BytesIO(pdf)) as document:
        forged = pikepdf.AttachedFileSpec(document, b'{"forged": true}', filename="package.json")
        document.Root.AF = pikepdf.Array([forged.obj])
        out = io.BytesIO()
        document.save(out)
    entries["report.pdf"] = sign_pdf(out.getvalue(), identity)
    check = verify_package(write_zip(tmp_path / "af.acsgpkg", resigned(entries, identity)))
    assert ("report.pdf", "attachment") in failures(check)


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\x0c", "\x0b", "\x1c"])
def test_sums_split_only_on_line_feeds(separator: str) -> None:
    digest = "0" * 64
    text = f"{digest}  a.txt{separator}{digest}  b.txt\n".encode()
    with pytest.raises(ValueError):
        parse_sums(text)
    assert parse_sums(f"{digest}  a.txt\r\n{digest}  b.txt\r\n".encode()) == {
        "a.txt": digest,
        "b.txt": digest,
    }


def test_a_device_or_a_pipe_is_not_read(tmp_path: Path) -> None:
    assert refused(Path("/dev/zero")) == {"unreadable"}
    fifo = tmp_path / "pipe.acsgpkg"
    os.mkfifo(fifo)
    assert refused(fifo) == {"unreadable"}


def test_a_local_encryption_flag_the_index_does_not_show_is_refused(exported, tmp_path):
    data = bytearray(write_zip(tmp_path / "e", exported.entries()).read_bytes())
    data[6] |= 0x01  # the first local header's general purpose flags
    path = tmp_path / "flag.acsgpkg"
    path.write_bytes(bytes(data))
    assert "index" in refused(path)


def test_an_end_record_counting_fewer_entries_is_refused(exported: Exported, tmp_path):
    data = bytearray(write_zip(tmp_path / "c", exported.entries()).read_bytes())
    end = data.rfind(b"PK\x05\x06")
    count = struct.unpack_from("<H", data, end + 10)[0]
    struct.pack_into("<HH", data, end + 8, count - 1, count - 1)
    path = tmp_path / "count.acsgpkg"
    path.write_bytes(bytes(data))
    assert not verify_package(path).ok


@pytest.mark.parametrize(
    "value",
    [
        "\u00a0=1+1",
        "\u3000=1+1",
        "\n=1+1",
        "\u2060=1+1",
        "＝HYPERLINK(1)",
        "＋1",
        "－1",
        "＠SUM(A1)",
    ],
)
def test_spreadsheet_formulas_behind_invisible_or_wide_characters(value: str) -> None:
    assert spreadsheet_cell(value).startswith("'")
