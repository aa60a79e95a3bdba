"""Turning the report into PDF/A-3b with package.json attached, then signing it (PAdES B-B).

Order matters: attach and set metadata with pikepdf (a full rewrite), then sign with pyHanko
(an incremental update). Anything after the signature would break it or leave it partial.
PDF/A conformance is prepared (XMP pdfaid 3/B, sRGB OutputIntent, embedded fonts, associated
file) but not proven by a validator: none is available here.

PDF/A-3 is based on PDF 1.7, so the file says 1.7 everywhere: the header is written as
``%PDF-1.7`` and the catalog has no /Version. pyHanko would otherwise raise the catalog to
/Version /2.0 for an ECDSA P-256 signature (ISO 32002, a PDF 2.0 extension); the signer below
declares only the PAdES extension (ESIC, based on 1.7), which covers ECDSA.
"""

from __future__ import annotations

import functools
import io
from datetime import UTC, datetime
from typing import Any

from acsg_desktop.core.package import no_network
from acsg_desktop.core.signing.keys import Identity
from acsg_desktop.paths import resources_dir

ATTACHMENT = "package.json"
PDF_VERSION = "1.7"


@functools.cache  # read once per process
def _srgb_profile() -> bytes:
    """The sRGB ICC profile of the PDF/A output intent (LittleCMS's built-in sRGB, made once and
    shipped as resources/package/srgb.icc: no imaging library is needed to write a report)."""
    return (resources_dir() / "package" / "srgb.icc").read_bytes()


def make_pdfa3(pdf: bytes, package_json: bytes, title: str) -> bytes:
    """Attach ``package_json`` (relationship /Data), add the sRGB intent and PDF/A-3b metadata."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        spec = pikepdf.AttachedFileSpec(
            document,
            package_json,
            mime_type="application/json",
            description="ACSG package data",
            filename=ATTACHMENT,
        )
        document.attachments[ATTACHMENT] = spec
        file_spec = document.Root.Names.EmbeddedFiles.Names[1]
        file_spec.AFRelationship = pikepdf.Name.Data
        document.Root.AF = pikepdf.Array([file_spec])
        icc = pikepdf.Stream(document, _srgb_profile())
        icc.N = 3
        document.Root.OutputIntents = pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=pikepdf.Name.OutputIntent,
                    S=pikepdf.Name.GTS_PDFA1,
                    OutputConditionIdentifier="sRGB IEC61966-2.1",
                    DestOutputProfile=icc,
                )
            ]
        )
        with document.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["pdfaid:part"] = "3"
            meta["pdfaid:conformance"] = "B"
            meta["dc:title"] = title
            meta["xmp:CreateDate"] = datetime.now(UTC).isoformat(timespec="seconds")
        if "/Version" in document.Root:
            del document.Root.Version
        out = io.BytesIO()
        document.save(out, force_version=PDF_VERSION)
        return out.getvalue()


def _pdf17_signer(metadata: Any, signer: Any) -> Any:
    """A PAdES signer that leaves the file at PDF 1.7 (only the ESIC extension registered)."""
    from pyhanko.sign.signers import PdfSigner, constants  # after sign_pdf's install()

    class Pdf17Signer(PdfSigner):
        def register_extensions(self, pdf_out: Any, *, md_algorithm: str) -> None:
            pdf_out.ensure_output_version(version=(1, 7))
            pdf_out.register_extension(constants.ESIC_EXTENSION_1)

    return Pdf17Signer(metadata, signer=signer)


def sign_pdf(pdf: bytes, identity: Identity) -> bytes:
    """A PAdES B-B signature covering the whole file, with an ECDSA P-256 key."""
    no_network.install()  # before pyHanko is imported: it signs offline
    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key_der = identity.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    signer = signers.SimpleSigner(
        signing_cert=x509.Certificate.load(
            identity.certificate.public_bytes(serialization.Encoding.DER)
        ),
        signing_key=keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore(),  # type: ignore[no-untyped-call]
    )
    metadata = signers.PdfSignatureMetadata(
        field_name="ACSGSignature", subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256"
    )
    out = io.BytesIO()
    _pdf17_signer(metadata, signer).sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), output=out)
    return out.getvalue()
