"""Checking the report's PDF signature (valid, covering the whole file) and its attachment."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from acsg_desktop.core.i18n import _
from acsg_desktop.core.package import layout

if TYPE_CHECKING:
    from acsg_desktop.core.package.verify import PackageCheck


def _attachment(pdf: bytes) -> bytes | None:
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(pdf)) as document:
            attached = document.attachments.get(layout.PACKAGE_JSON)
            return bytes(attached.get_file().read_bytes()) if attached is not None else None
    except pikepdf.PdfError:
        return None


def _context(check: PackageCheck) -> Any:
    """Trust the signer the CMS check already accepted; never fetch anything (offline)."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko_certvalidator import ValidationContext

    roots = []
    if check.signer is not None:
        der = check.signer.public_bytes(serialization.Encoding.DER)
        roots.append(asn1_x509.Certificate.load(der))
    return ValidationContext(trust_roots=roots, allow_fetching=False)


def check_report(pdf: bytes, package_json: bytes, check: PackageCheck) -> None:
    """Fail ``check`` when the PDF signature is missing, broken or partial, or the attachment
    differs from package.json."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    try:
        signatures = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    except Exception:
        check.fail(layout.REPORT, "pdf", _("The report is not a readable PDF."))
        return
    if not signatures:
        check.fail(layout.REPORT, "pdf-signature", _("The report is not signed."))
        return
    status = validate_pdf_signature(signatures[-1], signer_validation_context=_context(check))
    if not (status.intact and status.valid):
        check.fail(layout.REPORT, "pdf-signature", _("The report's signature is not valid."))
    elif status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
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
