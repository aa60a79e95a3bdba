"""Confidential packages: the signed package, encrypted to the Secretariat's encryption
certificate as CMS EnvelopedData with AES-256 (`openssl cms -decrypt` opens it), so that only
the desk reads it and the signature inside still verifies once it is decrypted."""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.signing.keys import fingerprint

ENCRYPTED_SUFFIX = ".p7m"
_ENVELOPED_DATA = "enveloped_data"


class ConfidentialError(AcsgError):
    """An encrypted package could not be made or opened; ``reason`` is a stable code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def can_receive(certificate: x509.Certificate) -> bool:
    """Whether ``certificate`` is an RSA certificate allowed to receive encrypted keys."""
    if not isinstance(certificate.public_key(), rsa.RSAPublicKey):
        return False
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return bool(usage.key_encipherment)


def encrypt_for(data: bytes, recipient: x509.Certificate) -> bytes:
    """``data`` as DER EnvelopedData for ``recipient`` only, content encrypted with AES-256.

    Raises:
        ConfidentialError: the certificate is not an encryption certificate.
    """
    if not can_receive(recipient):
        raise ConfidentialError(
            "recipient",
            _(
                "This certificate cannot receive encrypted packages (it needs an RSA key for "
                "encryption): use the Secretariat's encryption certificate."
            ),
        )
    return (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(data)
        .add_recipient(recipient)
        .set_content_encryption_algorithm(algorithms.AES256)
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )


def is_encrypted(data: bytes) -> bool:
    """Whether ``data`` is a CMS EnvelopedData structure (an encrypted package)."""
    from asn1crypto import cms

    if not data.startswith(b"\x30"):
        return False
    try:
        return bool(cms.ContentInfo.load(data)["content_type"].native == _ENVELOPED_DATA)
    except (ValueError, TypeError, KeyError):
        return False


def _recipients(data: bytes) -> list[tuple[str, int]]:
    """(issuer, serial) of each recipient an encrypted package names."""
    from asn1crypto import cms

    found = []
    try:
        content = cms.ContentInfo.load(data)["content"]
        for info in content["recipient_infos"]:
            rid = info.chosen["rid"].chosen
            found.append((rid["issuer"].human_friendly, int(rid["serial_number"].native)))
    except (ValueError, TypeError, KeyError, AttributeError):
        return []
    return found


def decrypt(data: bytes, certificate: x509.Certificate, key: rsa.RSAPrivateKey) -> bytes:
    """The signed package inside an encrypted one.

    Raises:
        ConfidentialError: encrypted to another recipient, or damaged.
    """
    ours = (certificate.serial_number,)
    if _recipients(data) and all(serial not in ours for _issuer, serial in _recipients(data)):
        raise ConfidentialError(
            "recipient",
            _(
                "This package is encrypted to another recipient, not to this desk ({fingerprint})."
            ).format(fingerprint=fingerprint(certificate)),
        )
    try:
        return pkcs7.pkcs7_decrypt_der(data, certificate, key, [])
    except ValueError as error:
        raise ConfidentialError(
            "damaged", _("This encrypted package cannot be opened: it is damaged.")
        ) from error
