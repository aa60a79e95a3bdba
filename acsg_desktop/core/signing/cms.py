"""Detached CMS (PKCS#7) signatures over a file, as `openssl cms -verify` checks them.

Signing uses `cryptography`; checking parses the SignedData with asn1crypto and verifies with
`cryptography`: the content digest against the signed messageDigest attribute, the signature over
the signed attributes, the signer certificate's validity at the given time, and that the signer is
a trusted certificate or directly issued by one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs7

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.signing.der import der_of_signed_data, lengths_are_der
from acsg_desktop.core.signing.keys import Identity, subject_text

# What damaged DER makes asn1crypto and cryptography raise, late (both parse lazily).
PARSE_ERRORS = (ValueError, TypeError, UnsupportedAlgorithm, x509.InvalidVersion)
SHA256_OID = "2.16.840.1.101.3.4.2.1"
DATA_OID = "1.2.840.113549.1.7.1"
ECDSA_SHA256_OIDS = ("1.2.840.10045.4.3.2", "1.2.840.10045.2.1")  # ecdsa-with-SHA256, ecPublicKey


class SignatureError(AcsgError):
    """The signature does not hold; ``reason`` is a stable code, the message is for people."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class SignatureCheck:
    """Who signed, once everything held."""

    signer: x509.Certificate


def sign_detached(data: bytes, identity: Identity) -> bytes:
    """A DER detached CMS signature over ``data`` (binary, so no S/MIME canonicalisation)."""
    return (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(data)
        .add_signer(identity.certificate, identity.key, hashes.SHA256())
        .sign(
            serialization.Encoding.DER,
            [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary],
        )
    )


def _signed_data(signature: bytes):  # type: ignore[no-untyped-def]
    # asn1crypto.tsp adds attribute names (signing_certificate_v2) to the CMS maps; it must be
    # loaded before asn1crypto caches its name lookups, or pyHanko's signing fails later on.
    from asn1crypto import cms, tsp  # noqa: F401

    try:
        info = cms.ContentInfo.load(signature)
        if info["content_type"].native != "signed_data":
            raise ValueError("not signed data")
        signed = info["content"]
        signed["signer_infos"].native  # noqa: B018 - parse everything now, fail early
        if not lengths_are_der(signature):
            raise ValueError("not DER")
        if der_of_signed_data(cms.ContentInfo.load(signature)) != signature:
            raise ValueError("not DER")  # a lenient parse must not hide an altered byte
        return signed
    except (ValueError, TypeError, KeyError) as error:
        raise SignatureError("malformed", _("The signature file is damaged.")) from error


def _identifies(sid, certificate) -> bool:  # type: ignore[no-untyped-def]
    """Whether the SignerInfo's ``sid`` names ``certificate`` (by issuer and serial number, or
    by subject key identifier); both sides are compared as encoded, never re-encoded."""
    if sid.name == "subject_key_identifier":
        return bool(certificate.key_identifier == sid.chosen.native)
    wanted = sid.chosen
    return bool(
        certificate.serial_number == wanted["serial_number"].native
        and certificate.issuer.dump() == wanted["issuer"].dump()
    )


def _signer_certificate(signed) -> x509.Certificate:  # type: ignore[no-untyped-def]
    sid = signed["signer_infos"][0]["sid"]
    for candidate in signed["certificates"] or []:
        try:
            if candidate.name == "certificate" and _identifies(sid, candidate.chosen):
                return x509.load_der_x509_certificate(candidate.chosen.dump())
        except (*PARSE_ERRORS, KeyError):
            continue  # an unreadable certificate is simply not the signer's
    raise SignatureError("no_signer", _("The signature does not include its signer's certificate."))


def _issued_by(signer: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        signer.verify_directly_issued_by(issuer)
        return True
    except (*PARSE_ERRORS, InvalidSignature):
        return False


def _may_issue(anchor: x509.Certificate) -> bool:
    """Only a CA certificate allowed to sign certificates can vouch for another one."""
    try:
        constraints = anchor.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        return False
    try:
        usage = anchor.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return bool(constraints.ca)
    return bool(constraints.ca and usage.key_cert_sign)


def _require_signing_use(signer: x509.Certificate) -> None:
    try:
        usage = signer.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return
    if not usage.digital_signature:
        raise SignatureError(
            "key_usage", _("The signer's certificate is not for signing (its key usage).")
        )


def _check_trust(signer: x509.Certificate, trusted: list[x509.Certificate], at: datetime) -> None:
    if signer.issuer == signer.subject and not _issued_by(signer, signer):
        raise SignatureError(
            "damaged", _("The signature file is damaged: its certificate was altered.")
        )
    if not signer.not_valid_before_utc <= at <= signer.not_valid_after_utc:
        raise SignatureError(
            "expired",
            _("The signer's certificate is not valid at {time} (valid {start} to {end}).").format(
                time=at.date(),
                start=signer.not_valid_before_utc.date(),
                end=signer.not_valid_after_utc.date(),
            ),
        )
    _require_signing_use(signer)
    if any(
        anchor == signer or (_may_issue(anchor) and _issued_by(signer, anchor))
        for anchor in trusted
    ):
        return
    raise SignatureError(
        "untrusted",
        _("The signer ({name}) is not trusted.").format(name=subject_text(signer)),
    )


def require_own_certificate(signer: x509.Certificate, trusted: list[x509.Certificate]) -> None:
    """Guides, offers and receipts speak for the Secretariat: they are signed with one of its
    own certificates (those trusted), not with one it issued. Every authority the desk
    certified holds such an issued certificate, and could otherwise sign all three.

    Raises:
        SignatureError: when ``signer`` is not itself one of ``trusted``.
    """
    if signer not in trusted:
        raise SignatureError(
            "not_secretariat",
            _(
                "This file is signed by {name}, with a certificate the Secretariat issued to "
                "an authority. Only the Secretariat's own certificate signs guides, offers "
                "and receipts."
            ).format(name=subject_text(signer)),
        )


def _check_declarations(signed, signer_info) -> None:  # type: ignore[no-untyped-def]
    """Only SHA-256 with ECDSA over plain data, in the versions RFC 5652 sets for our signer
    identifiers: none of these fields is covered by the signature, so an altered one must be
    refused rather than ignored."""
    from asn1crypto import core

    declared = {
        signer_info["digest_algorithm"]["algorithm"].dotted,
        *(item["algorithm"].dotted for item in signed["digest_algorithms"]),
    }
    signature_algorithm = signer_info["signature_algorithm"]["algorithm"].dotted
    parameters = signer_info["signature_algorithm"]["parameters"]  # RFC 5758: none for ECDSA
    if (
        declared != {SHA256_OID}
        or signature_algorithm not in ECDSA_SHA256_OIDS
        or not isinstance(parameters, core.Void)
    ):
        raise SignatureError("algorithm", _("Only ECDSA signatures with SHA-256 are accepted."))
    content_types = [
        a["values"][0].dotted
        for a in signer_info["signed_attrs"]
        if a["type"].native == "content_type"
    ]
    if (
        len(signed["signer_infos"]) != 1
        or not isinstance(signer_info["unsigned_attrs"], core.Void)
        or not isinstance(signed["crls"], core.Void)  # even empty: not covered, not ours
    ):
        raise SignatureError(
            "malformed", _("The signature file holds more than one signature or unsigned parts.")
        )
    version = "v3" if signer_info["sid"].name == "subject_key_identifier" else "v1"
    expected = (
        [DATA_OID],
        DATA_OID,
        (version, version),
    )
    found = (
        content_types,
        signed["encap_content_info"]["content_type"].dotted,
        (signed["version"].native, signer_info["version"].native),
    )
    if found != expected:
        raise SignatureError("malformed", _("The signature file is damaged."))


def verify_detached(
    data: bytes, signature: bytes, trusted: list[x509.Certificate], at: datetime
) -> SignatureCheck:
    """Check a detached CMS signature over ``data`` made by a trusted signer valid at ``at``.

    Raises:
        SignatureError: with a stable reason and a message; never a parser's own exception.
    """
    signer = signer_of_detached(data, signature)
    try:
        _check_trust(signer, trusted, at)
    except (*PARSE_ERRORS, KeyError, IndexError) as error:
        raise SignatureError("malformed", _("The signature file is damaged.")) from error
    return SignatureCheck(signer)


def signer_of_detached(data: bytes, signature: bytes) -> x509.Certificate:
    """The certificate whose key made the detached CMS ``signature`` over ``data``, once the
    digest, the signature and the declarations hold (whether to trust it is the caller's).

    Raises:
        SignatureError: with a stable reason and a message; never a parser's own exception.
    """
    try:
        return _verified_signer(data, signature)
    except (*PARSE_ERRORS, KeyError, IndexError) as error:
        # asn1crypto and cryptography parse lazily: damage surfaces late, as their own errors
        raise SignatureError("malformed", _("The signature file is damaged.")) from error


def _verified_signer(data: bytes, signature: bytes) -> x509.Certificate:
    signed = _signed_data(signature)
    signer = _signer_certificate(signed)
    signer_info = signed["signer_infos"][0]
    _check_declarations(signed, signer_info)
    attributes = signer_info["signed_attrs"]
    digests = [a["values"][0].native for a in attributes if a["type"].native == "message_digest"]
    if not digests or digests[0] != hashlib.sha256(data).digest():
        raise SignatureError("digest", _("The signed content does not match the signature."))
    public_key = signer.public_key()
    if not isinstance(public_key, ec.EllipticCurvePublicKey):
        raise SignatureError("algorithm", _("Only ECDSA signatures are accepted."))
    try:
        public_key.verify(
            signer_info["signature"].native, attributes.untag().dump(), ec.ECDSA(hashes.SHA256())
        )
    except InvalidSignature as error:
        raise SignatureError("signature", _("The signature is not valid.")) from error
    return signer


def load_certificates(pem: bytes) -> list[x509.Certificate]:
    """Every certificate in a PEM text (empty list when there is none or it is not PEM)."""
    try:
        certificates = x509.load_pem_x509_certificates(pem)
        for certificate in certificates:
            certificate.public_key()  # parsed lazily: fail here, not later
        return certificates
    except PARSE_ERRORS:
        return []
