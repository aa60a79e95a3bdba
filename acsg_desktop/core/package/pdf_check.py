"""Checking the report's PDF signature (valid, covering the whole file) and its attachment."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from acsg_desktop.core.i18n import _
from acsg_desktop.core.package import layout
from acsg_desktop.core.signing.cms import SignatureError, signer_of_detached
from acsg_desktop.core.signing.der import sequence_length
from acsg_desktop.core.signing.keys import subject_text

if TYPE_CHECKING:
    from cryptography import x509

    from acsg_desktop.core.package.verify import PackageCheck


def _attachment(pdf: bytes) -> bytes | None:
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(pdf)) as document:
            attached = document.attachments.get(layout.PACKAGE_JSON)
            named = bytes(attached.get_file().read_bytes()) if attached is not None else None
            return named if _associated_files(document) == [named] else None
    except (pikepdf.PdfError, KeyError, AttributeError, TypeError, ValueError):
        return None


def _associated_files(document: Any) -> list[bytes | None]:
    """The contents of every file in the catalogue's /AF (what PDF/A-3 readers extract): each
    of its forms (/F and /UF) must hold the same bytes."""
    found: list[bytes | None] = []
    for spec in document.Root.get("/AF", []):
        streams = spec.get("/EF", {})
        forms = {bytes(streams[key].read_bytes()) for key in ("/F", "/UF") if key in streams}
        found.append(forms.pop() if len(forms) == 1 else None)
    return found


def _signature_fields(document: Any) -> list[Any]:
    """The signature values (/V of every /Sig field, kids included) the form holds."""
    found, pending = [], list(document.Root.get("/AcroForm", {}).get("/Fields", []))
    while pending:
        field = pending.pop()
        pending.extend(field.get("/Kids", []))
        if field.get("/FT") == "/Sig" and "/V" in field:
            found.append(field.V)
    return found


@dataclass(frozen=True)
class _SignedRange:
    """What one PDF signature signs and how: the bytes covered, the CMS, the whole-file flag."""

    covered: bytes
    cms: bytes
    whole_file: bool


def _signed_range(pdf: bytes, byte_range: Any, signature: Any) -> _SignedRange:
    """The signature's byte range: two runs around the hex /Contents, which must sit there."""
    start, first, second, length = (int(number) for number in byte_range)
    contents = bytes(signature)
    gap = pdf[first:second]
    if start != 0 or not 0 < first < second <= len(pdf) or length < 0:
        raise ValueError("byte range out of the file")
    if gap[:1] != b"<" or gap[-1:] != b">" or bytes.fromhex(gap[1:-1].decode("ascii")) != contents:
        raise ValueError("the byte range does not frame the signature")
    covered = pdf[:first] + pdf[second : second + length]
    cms_length = sequence_length(contents)  # /Contents is padded with zeros after the CMS
    if cms_length is None:
        raise ValueError("not a DER sequence")
    cms = contents[:cms_length]
    return _SignedRange(covered, cms, second + length == len(pdf))


def _read_signature(pdf: bytes, check: PackageCheck) -> _SignedRange | None:
    """The report's one signature, or None once ``check`` says what is wrong."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(pdf)) as document:
            values = _signature_fields(document)
            ranges = [(value.get("/ByteRange"), value.get("/Contents")) for value in values]
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError, KeyError):
        check.fail(layout.REPORT, "pdf", _("The report is not a readable PDF."))
        return None
    if len(values) != 1:
        message = (
            _("The report is not signed.")
            if not values
            else _("The report holds {count} signatures; a package's report holds one.").format(
                count=len(values)
            )
        )
        check.fail(layout.REPORT, "pdf-signature", message)
        return None
    try:
        return _signed_range(pdf, *ranges[0])
    except (ValueError, TypeError, UnicodeDecodeError):
        check.fail(layout.REPORT, "pdf-signature", _("The report's signature is not valid."))
        return None


def _check_signer(signer: x509.Certificate, check: PackageCheck) -> None:
    """The report must be signed by the very certificate that signed SHA256SUMS."""
    from cryptography.hazmat.primitives import serialization

    if check.signer is None:
        return  # SHA256SUMS itself failed; that failure is already named
    der = serialization.Encoding.DER
    if signer.public_bytes(der) != check.signer.public_bytes(der):
        check.fail(
            layout.REPORT,
            "pdf-signer",
            _("The report is signed by {subject}, not by the package's signer.").format(
                subject=subject_text(signer)
            ),
        )


def check_report(pdf: bytes, package_json: bytes, check: PackageCheck) -> None:
    """Fail ``check`` when the PDF signature is missing, broken or partial, or the attachment
    differs from package.json.

    The signature is a detached CMS over the PDF's byte range, checked as SHA256SUMS.p7s is
    (``core/signing/cms.py``): no PDF signing library is loaded to verify a package.
    """
    signed = _read_signature(pdf, check)
    if signed is None:
        return
    try:
        signer = signer_of_detached(signed.covered, signed.cms)
    except SignatureError:
        check.fail(layout.REPORT, "pdf-signature", _("The report's signature is not valid."))
        return
    _check_signer(signer, check)
    if not signed.whole_file:
        check.fail(
            layout.REPORT,
            "pdf-coverage",
            _("The report was changed after signing: the signature does not cover the whole file."),
        )
    if _attachment(pdf) != package_json:
        check.fail(
            layout.REPORT,
            "attachment",
            _("The package.json attached to the report differs from package.json."),
        )
