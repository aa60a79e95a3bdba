"""The report says PDF 1.7 everywhere, as PDF/A-3b requires: header, catalog, after signing."""

from __future__ import annotations

import io

import pikepdf

from acsg_desktop.core.package.pdf_finish import make_pdfa3, sign_pdf
from acsg_desktop.core.signing.keys import create_identity
from tests.core.package.conftest import Exported


def versions(pdf: bytes) -> tuple[bytes, object, object]:
    """The header, the catalog's /Version (None when absent) and its developer extensions."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        version = document.Root.get("/Version")
        extensions = document.Root.get("/Extensions")
        return (
            pdf[:9],
            None if version is None else str(version),
            None if extensions is None else sorted(str(key) for key in extensions),
        )


def a_pdf_declaring_2_0() -> bytes:
    with pikepdf.new() as document:
        document.add_blank_page()
        document.Root.Version = pikepdf.Name("/2.0")
        out = io.BytesIO()
        document.save(out, force_version="1.4")
        return out.getvalue()


def test_pdfa_and_signature_keep_the_file_at_1_7() -> None:
    pdfa = make_pdfa3(a_pdf_declaring_2_0(), b"{}", "Report")
    assert versions(pdfa) == (b"%PDF-1.7\n", None, None)
    signed = sign_pdf(pdfa, create_identity("Amina Mahamat", "Commission", "TD"))
    assert signed.startswith(pdfa)  # an incremental update: the PDF/A part is untouched
    assert versions(signed) == (b"%PDF-1.7\n", None, ["/ESIC"])


def test_the_exported_report_says_1_7_in_its_header_and_catalog(exported: Exported) -> None:
    report = exported.entries()["report.pdf"]
    header, version, extensions = versions(report)
    assert header == b"%PDF-1.7\n"
    assert version in (None, "/1.7")
    assert extensions == ["/ESIC"]


def test_the_srgb_profile_is_shipped_as_a_valid_icc_display_profile() -> None:
    """The PDF/A output intent's profile is read from resources, not made by an imaging
    library (which the bundle then leaves out)."""
    from acsg_desktop.core.package.pdf_finish import _srgb_profile

    profile = _srgb_profile()
    assert int.from_bytes(profile[:4], "big") == len(profile)
    assert profile[36:40] == b"acsp"  # the ICC signature
    assert (profile[12:16], profile[16:20], profile[20:24]) == (b"mntr", b"RGB ", b"XYZ ")
    tags = int.from_bytes(profile[128:132], "big")
    names = {profile[132 + 12 * i : 136 + 12 * i] for i in range(tags)}
    assert {b"rXYZ", b"gXYZ", b"bXYZ", b"rTRC", b"wtpt"} <= names
