"""What the desk already certified, compared with a new request before it issues anything.

A certificate binds a key to an authority, and the intake trusts that binding. So a request is
checked against the desk's own records first:

- a key the desk certified for one authority is never certified for another one (the key would
  speak for both): refused;
- a second active key for an authority that already holds one is what an impostor's request
  looks like, and also what a new laptop looks like: it is certified only once the officer has
  confirmed it with the authority (``SecondKeyError`` until then);
- the same key for the same authority again is a renewal: certified.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from acsg_desktop.core.display import escape_line
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.desk import IssuedCertificate
from acsg_desktop.core.signing.ca import authority_of, country_of
from acsg_desktop.core.signing.keys import IdentityError


class SecondKeyError(AcsgError):
    """The authority already holds an active certificate for another key."""


def _key_bytes(key: CertificatePublicKeyTypes) -> bytes:
    return key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)


def _named(country: str, authority: str) -> str:
    return f"{escape_line(authority)} ({escape_line(country)})"


def check_request(
    request: x509.CertificateSigningRequest,
    issued: list[IssuedCertificate],
    *,
    second_key_confirmed: bool,
    now: datetime | None = None,
) -> None:
    """Refuse ``request`` if its key speaks for another authority; ask for confirmation if its
    authority already holds an active certificate for another key.

    Raises:
        IdentityError: the key is certified for another authority.
        SecondKeyError: another key of the same authority is active, and not confirmed.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    key = _key_bytes(request.public_key())
    country, authority = country_of(request), authority_of(request)
    others = []
    for record in issued:
        certificate = x509.load_pem_x509_certificate(record.pem.encode("ascii"))
        same_key = _key_bytes(certificate.public_key()) == key
        same_authority = (record.country, record.authority) == (country, authority)
        if same_key and not same_authority:
            raise IdentityError(
                _(
                    "This key is already certified for {other} (certificate {serial}): one key "
                    "speaks for one authority. Not certified."
                ).format(other=_named(record.country, record.authority), serial=record.serial)
            )
        active = not record.revoked_by(moment) and record.not_after > moment
        if same_authority and not same_key and active:
            others.append(record.serial)
    if others and not second_key_confirmed:
        raise SecondKeyError(
            _(
                "{authority} already holds an active certificate for another key ({serials}). "
                "Certify this request only once the authority has confirmed, by telephone or in "
                "person, that it sent it; revoke the old certificate if the new key replaces it."
            ).format(authority=_named(country, authority), serials=", ".join(others))
        )
