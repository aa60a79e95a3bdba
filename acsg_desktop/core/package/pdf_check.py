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


def _check_signer(signing_cert: Any, check: PackageCheck) -> None:
    """The report must be signed by the very certificate that signed SHA256SUMS."""
    from cryptography.hazmat.primitives import serialization

    cms_signer = check.signer
    if cms_signer is None:
        return  # SHA256SUMS itself failed; that failure is already named
    der = cms_signer.public_bytes(serialization.Encoding.DER)
    if signing_cert is None or signing_cert.dump() != der:
        check.fail(
            layout.REPORT,
            "pdf-signer",
            _("The report is signed by {subject}, not by the package's signer.").format(
                subject=signing_cert.subject.human_friendly if signing_cert else "?"
            ),
        )


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
    if len(signatures) != 1:
        message = (
            _("The report is not signed.")
            if not signatures
            else _("The report holds {count} signatures; a package's report holds one.").format(
                count=len(signatures)
            )
        )
        check.fail(layout.REPORT, "pdf-signature", message)
        return
    try:
        status = validate_pdf_signature(signatures[0], signer_validation_context=_context(check))
    except Exception:  # pyHanko raises many types on hostile input; none may escape
        check.fail(layout.REPORT, "pdf-signature", _("The report's signature is not valid."))
        return
    _check_signer(status.signing_cert, check)
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
