"""Signing identities: an ECDSA P-256 key and an X.509 certificate, kept in a PKCS#12 file
encrypted with PBES2/AES-256 and 600,000 PBKDF2-SHA256 rounds. The passphrase is never stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _

KDF_ROUNDS = 600_000
VALIDITY_DAYS = 3 * 365


class IdentityError(AcsgError):
    """A key file could not be opened; nothing was written or signed."""


class WrongPassphraseError(IdentityError):
    """The key file is sound but the passphrase does not open it: worth asking again."""


@dataclass(frozen=True)
class Identity:
    """An unlocked signing identity (lives only in memory)."""

    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate


def subject_name(person: str, organisation: str, country: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, person),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COUNTRY_NAME, country.upper()),
        ]
    )


def create_identity(
    person: str, organisation: str, country: str, now: datetime | None = None
) -> Identity:
    """A new key and a self-signed certificate naming the person, organisation and country."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = subject_name(person, organisation, country)
    start = (now or datetime.now(UTC)) - timedelta(minutes=5)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=VALIDITY_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return Identity(key, certificate)


def to_pkcs12(identity: Identity, passphrase: bytes, friendly_name: str) -> bytes:
    """The identity as a PKCS#12 file with a strong key derivation and an equally strong MAC."""
    return key_to_pkcs12(identity.key, identity.certificate, passphrase, friendly_name)


def key_to_pkcs12(
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey,
    certificate: x509.Certificate,
    passphrase: bytes,
    friendly_name: str,
) -> bytes:
    """Any key and its certificate as PKCS#12: PBES2/AES-256, 600,000 rounds, a strong MAC."""
    from acsg_desktop.core.signing.pkcs12_mac import with_strong_mac

    try:
        passphrase.decode("utf-8")
    except UnicodeDecodeError as error:
        raise IdentityError(_("The passphrase must be UTF-8 text.")) from error
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase)
    )
    data = pkcs12.serialize_key_and_certificates(
        friendly_name.encode("utf-8"), key, certificate, None, encryption
    )
    return with_strong_mac(data, passphrase)


def damaged_key_error() -> IdentityError:
    return IdentityError(_("The key file is damaged and cannot be read. Restore it from a backup."))


def from_pkcs12(data: bytes, passphrase: bytes) -> Identity:
    """Unlock a PKCS#12 file; a clear message for a wrong passphrase or a damaged file.

    A file whose structure does not parse is damaged; one that parses but whose MAC fails is
    taken as a wrong passphrase (callers that keep a checksum tell damage apart first).
    """
    from acsg_desktop.core.signing.pkcs12_mac import mac_iterations

    if mac_iterations(data) is None:
        raise damaged_key_error()
    try:
        key, certificate, _chain = pkcs12.load_key_and_certificates(data, passphrase)
    except ValueError as error:
        raise WrongPassphraseError(_("Wrong passphrase: the key was not opened.")) from error
    if not isinstance(key, ec.EllipticCurvePrivateKey) or certificate is None:
        raise IdentityError(_("The key file does not hold an ECDSA key and its certificate."))
    if certificate.public_key() != key.public_key():
        raise damaged_key_error()
    return Identity(key, certificate)


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 fingerprint grouped by four for reading aloud: "AB12 CD34 ..."."""
    digest = certificate.fingerprint(hashes.SHA256()).hex().upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def subject_text(certificate: x509.Certificate) -> str:
    """The certificate's subject on one line, every control or line character shown escaped
    (a subject can hold line feeds that would paint a fake line under it)."""
    from acsg_desktop.core.display import escape_line

    return escape_line(certificate.subject.rfc4514_string())


def certificate_pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)
