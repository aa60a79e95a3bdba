"""The Secretariat's small certificate authority: one key that certifies authorities' signing
keys from the requests (CSRs) they write, and signs what the desk sends back.

The desk certificate is a CA with path length 0 (it certifies signers, never another CA). Each
authority certificate allows digital signatures only, names the person, the authority and its
country as the request did, and is valid for a fixed period.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from acsg_desktop.core.i18n import _
from acsg_desktop.core.signing.keys import Identity, IdentityError, subject_name

CA_VALIDITY_DAYS = 10 * 365
AUTHORITY_VALIDITY_DAYS = 3 * 365


def _key_usage(*, signer: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=signer,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=not signer,
        crl_sign=not signer,
        encipher_only=False,
        decipher_only=False,
    )


def create_ca(
    person: str, organisation: str, country: str, now: datetime | None = None
) -> Identity:
    """The desk's key and its self-signed CA certificate (path length 0)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = subject_name(person, organisation, country)
    start = (now or datetime.now(UTC)) - timedelta(minutes=5)
    public = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=CA_VALIDITY_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(signer=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Identity(key, certificate)


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def read_request(pem: bytes) -> x509.CertificateSigningRequest:
    """A CSR written by ``acsg identity csr``, once its signature and names hold.

    Raises:
        IdentityError: not a PEM request, a broken signature, or a missing name.
    """
    try:
        request = x509.load_pem_x509_csr(pem)
    except ValueError as error:
        raise IdentityError(_("This is not a PEM certificate signing request.")) from error
    if not request.is_signature_valid:
        raise IdentityError(_("The request's signature does not hold: refused."))
    if not isinstance(request.public_key(), ec.EllipticCurvePublicKey):
        raise IdentityError(_("The request is not for an ECDSA key: refused."))
    subject = request.subject
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME, NameOID.COUNTRY_NAME):
        if not _attribute(subject, oid):
            raise IdentityError(
                _("The request does not name the person, the authority and the country.")
            )
    return request


def issue_certificate(
    ca: Identity,
    request: x509.CertificateSigningRequest,
    now: datetime | None = None,
    days: int = AUTHORITY_VALIDITY_DAYS,
) -> x509.Certificate:
    """An authority's signing certificate from its request, issued by the desk."""
    start = (now or datetime.now(UTC)) - timedelta(minutes=5)
    public = request.public_key()
    assert isinstance(public, ec.EllipticCurvePublicKey)  # read_request checked it
    return (
        x509.CertificateBuilder()
        .subject_name(request.subject)
        .issuer_name(ca.certificate.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(signer=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
            critical=False,
        )
        .sign(ca.key, hashes.SHA256())
    )


def country_of(certificate: x509.Certificate | x509.CertificateSigningRequest) -> str:
    """The country a certificate (or a request) names."""
    return _attribute(certificate.subject, NameOID.COUNTRY_NAME)


def authority_of(certificate: x509.Certificate | x509.CertificateSigningRequest) -> str:
    """The authority a certificate (or a request) names."""
    return _attribute(certificate.subject, NameOID.ORGANIZATION_NAME)


def issue_encryption_certificate(
    ca: Identity, key: rsa.RSAPrivateKey, now: datetime | None = None
) -> x509.Certificate:
    """The desk's encryption certificate (RSA, key encipherment only), issued by its CA."""
    start = (now or datetime.now(UTC)) - timedelta(minutes=5)
    name = x509.Name(
        [
            *ca.certificate.subject,
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Encryption"),
        ]
    )
    usage = x509.KeyUsage(
        digital_signature=False,
        content_commitment=False,
        key_encipherment=True,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(ca.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=CA_VALIDITY_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .sign(ca.key, hashes.SHA256())
    )
