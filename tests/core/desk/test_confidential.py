"""Confidential packages: encrypted to the desk's encryption certificate (AES-256 EnvelopedData),
opened by `openssl cms -decrypt` and by the desk on intake; another recipient's is refused."""

import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.records.desk import IntakeOutcome
from acsg_desktop.core.signing.confidential import ConfidentialError, encrypt_for, is_encrypted
from acsg_desktop.core.signing.keys import create_identity
from tests.core.desk.test_desk_chain import export_from

DESK_PASSPHRASE = b"the desk's own long passphrase"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("confidential")
    return export_from(root / "NE", "NE", "Commission (test)", root / "ne.acsgpkg")


def make_desk(folder: Path) -> DeskWorkspace:
    desk = DeskWorkspace.open(folder)
    desk.trust.create("Desk officer", DESK_PASSPHRASE)
    return desk


def encryption_certificate(desk: DeskWorkspace) -> x509.Certificate:
    return x509.load_pem_x509_certificate(desk.trust.encryption_certificate_path.read_bytes())


def test_the_desk_opens_a_confidential_package_and_the_signature_still_holds(
    package: Path, tmp_path: Path
) -> None:
    with make_desk(tmp_path / "desk") as desk:
        sealed = tmp_path / "ne.acsgpkg.p7m"
        sealed.write_bytes(encrypt_for(package.read_bytes(), encryption_certificate(desk)))
        assert is_encrypted(sealed.read_bytes()) and not is_encrypted(package.read_bytes())
        [without] = desk.intake.intake([sealed], actor="Desk officer")
        assert without.outcome is IntakeOutcome.REFUSED and "encrypted" in without.message
        [opened] = desk.intake.intake([tmp_path], actor="Desk officer", passphrase=DESK_PASSPHRASE)
        assert opened.outcome is IntakeOutcome.ACCEPTED
        assert opened.package is not None
        assert Path(opened.package.file_path).read_bytes() == package.read_bytes()


def test_openssl_decrypts_it_as_verify_txt_says(package: Path, tmp_path: Path) -> None:
    if shutil.which("openssl") is None:
        pytest.fail("openssl is needed to check the standard-tools promise")
    with make_desk(tmp_path / "desk") as desk:
        certificate, key = desk.trust.unlock_encryption(DESK_PASSPHRASE)
        sealed = tmp_path / "ne.acsgpkg.p7m"
        sealed.write_bytes(encrypt_for(package.read_bytes(), certificate))
    key_file = tmp_path / "key.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file = tmp_path / "cert.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    out = tmp_path / "opened.acsgpkg"
    subprocess.run(
        [
            "openssl",
            "cms",
            "-decrypt",
            "-binary",
            "-in",
            str(sealed),
            "-inform",
            "DER",
            "-recip",
            str(cert_file),
            "-inkey",
            str(key_file),
            "-out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == package.read_bytes()
    listing = subprocess.run(
        ["openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", str(sealed)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "aes-256-cbc" in listing.lower()


def test_a_package_encrypted_to_another_desk_is_refused_with_that_reason(
    package: Path, tmp_path: Path
) -> None:
    with make_desk(tmp_path / "other") as other:
        sealed = tmp_path / "ne.acsgpkg.p7m"
        sealed.write_bytes(encrypt_for(package.read_bytes(), encryption_certificate(other)))
    with make_desk(tmp_path / "desk") as desk:
        [refused] = desk.intake.intake([sealed], actor="D", passphrase=DESK_PASSPHRASE)
    assert refused.outcome is IntakeOutcome.REFUSED and "another recipient" in refused.message


def test_a_signing_certificate_cannot_receive_encrypted_packages() -> None:
    with pytest.raises(ConfidentialError) as caught:
        encrypt_for(b"data", create_identity("A", "B", "NE").certificate)
    assert caught.value.reason == "recipient"
