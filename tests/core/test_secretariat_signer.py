"""Guides, offers and receipts speak for the Secretariat: an authority whose key the desk
certified holds a certificate issued by the very certificate an authority trusts, and must not
be able to sign any of the three (the attack review signed guides v500, an offers catalogue
and a "refused" receipt that way)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from acsg_desktop.core.guides.bundle_build import bundle_bytes
from acsg_desktop.core.guides.bundle_read import BundleError
from acsg_desktop.core.receipts.format import ReceiptError
from acsg_desktop.core.signing.ca import create_ca, issue_certificate
from acsg_desktop.core.signing.cms import SignatureError, require_own_certificate
from acsg_desktop.core.signing.keys import Identity, create_identity
from acsg_desktop.core.workspace import Workspace
from tests.core.guides.test_bundles import changed_files
from tests.core.receipts.test_receipts import receipt_for, sent, write  # noqa: F401 - fixture

NOW = datetime.now(UTC)
DESK = create_ca("Desk officer", "ACSG Secretariat (test only)", "CH", NOW - timedelta(days=1))


def certified_authority() -> Identity:
    """An authority's key with the certificate the desk issued for it (as `desk certify`)."""
    own = create_identity("Mallory", "Mallory Authority", "XX")
    request = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(own.certificate.subject)
        .sign(own.key, hashes.SHA256())
    )
    return Identity(own.key, issue_certificate(DESK, request, NOW - timedelta(hours=1)))


MALLORY = certified_authority()


def test_only_a_trusted_certificate_itself_speaks_for_the_secretariat() -> None:
    require_own_certificate(DESK.certificate, [DESK.certificate])
    with pytest.raises(SignatureError) as caught:
        require_own_certificate(MALLORY.certificate, [DESK.certificate])
    assert caught.value.reason == "not_secretariat" and "Mallory" in caught.value.message


def _bundle(tmp_path: Path, signer: Identity) -> Path:
    path = tmp_path / "update.acsgguides"
    path.write_bytes(bundle_bytes(changed_files(), signer, 500, created=NOW))
    return path


def test_a_guide_bundle_signed_with_an_issued_certificate_is_refused(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        before = workspace.guides.installed_version()
        with pytest.raises(BundleError) as caught:
            workspace.guides.import_bundle(_bundle(tmp_path, MALLORY), [DESK.certificate], NOW)
        assert caught.value.reason == "not_secretariat"
        assert workspace.guides.installed_version() == before
        contents = workspace.guides.import_bundle(_bundle(tmp_path, DESK), [DESK.certificate], NOW)
        assert contents.version == workspace.guides.installed_version() == 500


def test_a_receipt_signed_with_an_issued_certificate_is_refused(sent, tmp_path: Path) -> None:  # noqa: F811
    data, package = sent
    with Workspace.open(data) as workspace:
        path = write(tmp_path, receipt_for(package), MALLORY)
        with pytest.raises(ReceiptError) as caught:
            workspace.receipts.import_receipt(path, [DESK.certificate], actor="Fatimé Zakaria")
        assert caught.value.reason == "not_secretariat"
