"""The desk's own key and certificate authority: created once, kept as a PKCS#12 file in the
desk's folder (the passphrase is never stored), and the certificates it issued."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from acsg_desktop.core.desk.known_keys import check_request
from acsg_desktop.core.errors import AcsgError, keys_written
from acsg_desktop.core.fileio import write_files_together
from acsg_desktop.core.i18n import _, format_datetime
from acsg_desktop.core.records.desk import IssuedCertificate
from acsg_desktop.core.signing.ca import (
    authority_of,
    country_of,
    create_ca,
    issue_certificate,
    issue_encryption_certificate,
    read_request,
)
from acsg_desktop.core.signing.keys import (
    Identity,
    IdentityError,
    certificate_pem,
    fingerprint,
    from_pkcs12,
    key_to_pkcs12,
    subject_text,
    to_pkcs12,
)
from acsg_desktop.core.store.assessment_repository import utc_now
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.desk_repository import DeskRepository

KEY_FILE = "desk-key.p12"
CERTIFICATE_FILE = "desk-certificate.pem"
ENCRYPTION_KEY_FILE = "desk-encryption-key.p12"
ENCRYPTION_CERTIFICATE_FILE = "desk-encryption-certificate.pem"
ENCRYPTION_KEY_BITS = 3072
MIN_PASSPHRASE = 12


class DeskTrust:
    """The desk's key, the certificate authorities trust, and what it certified or revoked."""

    def __init__(self, folder: Path, database: Database) -> None:
        self._folder, self._database = folder, database

    @property
    def certificate_path(self) -> Path:
        return self._folder / CERTIFICATE_FILE

    @property
    def encryption_certificate_path(self) -> Path:
        """What authorities encrypt confidential packages to."""
        return self._folder / ENCRYPTION_CERTIFICATE_FILE

    def unlock_encryption(self, passphrase: bytes) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
        """The desk's encryption certificate and key, for opening confidential packages."""
        path = self._folder / ENCRYPTION_KEY_FILE
        if not path.exists():
            raise AcsgError(
                _("This desk has no encryption key: it cannot open encrypted packages.")
            )
        try:
            key, certificate, _chain = pkcs12.load_key_and_certificates(
                path.read_bytes(), passphrase
            )
        except ValueError as error:
            raise IdentityError(_("Wrong passphrase: the key was not opened.")) from error
        if not isinstance(key, rsa.RSAPrivateKey) or certificate is None:
            raise IdentityError(
                _("The key file is damaged and cannot be read. Restore it from a backup.")
            )
        return certificate, key

    def exists(self) -> bool:
        return (self._folder / KEY_FILE).exists()

    def create(self, person: str, passphrase: bytes, *, country: str = "CH") -> x509.Certificate:
        """The desk's key and CA certificate, once; the certificate is what authorities trust."""
        if self.exists():
            raise AcsgError(_("This desk already has its signing key."))
        if len(passphrase) < MIN_PASSPHRASE:
            raise AcsgError(
                _("Choose a passphrase of at least {count} characters.").format(
                    count=MIN_PASSPHRASE
                )
            )
        identity = create_ca(person, "ACSG Secretariat", country)
        encryption_key = rsa.generate_private_key(
            public_exponent=65537, key_size=ENCRYPTION_KEY_BITS
        )
        encryption = issue_encryption_certificate(identity, encryption_key)
        files = {
            self._folder / ENCRYPTION_KEY_FILE: key_to_pkcs12(
                encryption_key, encryption, passphrase, person
            ),
            self.encryption_certificate_path: certificate_pem(encryption),
            self.certificate_path: certificate_pem(identity.certificate),
            self._folder / KEY_FILE: to_pkcs12(identity, passphrase, person),
        }
        with keys_written(self._folder):  # all or none, the key ``exists`` looks for last
            write_files_together(files)
        return identity.certificate

    def certificate(self) -> x509.Certificate:
        if not self.certificate_path.exists():
            raise AcsgError(_("This desk has no signing key yet: run acsg desk init first."))
        return x509.load_pem_x509_certificate(self.certificate_path.read_bytes())

    def unlock(self, passphrase: bytes) -> Identity:
        if not self.exists():
            raise AcsgError(_("This desk has no signing key yet: run acsg desk init first."))
        return from_pkcs12((self._folder / KEY_FILE).read_bytes(), passphrase)

    def certify(
        self,
        request_pem: bytes,
        passphrase: bytes,
        *,
        actor: str,
        days: int | None = None,
        second_key_confirmed: bool = False,
    ) -> IssuedCertificate:
        """An authority certificate from its CSR, recorded and audited, once the request holds
        against what the desk already certified (``known_keys``: ``second_key_confirmed`` when
        the officer has confirmed a second active key with the authority).

        Raises:
            IdentityError, SecondKeyError: as ``known_keys.check_request``; AcsgError: the
                passphrase or the desk's key.
        """
        request = read_request(request_pem)
        check_request(request, self.certificates(), second_key_confirmed=second_key_confirmed)
        identity = self.unlock(passphrase)
        issued = (
            issue_certificate(identity, request)
            if days is None
            else issue_certificate(identity, request, days=days)
        )
        record = IssuedCertificate(
            serial=format(issued.serial_number, "x"),
            country=country_of(issued),
            authority=authority_of(issued),
            subject=subject_text(issued),
            fingerprint=fingerprint(issued),
            not_after=issued.not_valid_after_utc.replace(tzinfo=None),
            issued_at=utc_now(),
            pem=certificate_pem(issued).decode("ascii"),
        )
        with self._database.unit_of_work() as session:
            DeskRepository(session).add_certificate(record)
            AuditRepository(session).append(
                actor,
                "certificate",
                record.serial,
                "issue",
                new_value=record.subject,
                reason="second active key, confirmed with the authority"
                if second_key_confirmed
                else "",
            )
        return record

    def certificates(self) -> list[IssuedCertificate]:
        with self._database.unit_of_work() as session:
            return DeskRepository(session).certificates()

    def revoke(
        self, serial: str, reason: str, *, actor: str, at: datetime | None = None
    ) -> IssuedCertificate:
        """Revoke an issued certificate from ``at`` (default now); audited. A revocation dated
        later may be brought forward (a key lost before a planned handover), never put off.
        """
        moment = (at or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
        with self._database.unit_of_work() as session:
            repository = DeskRepository(session)
            issued = repository.certificate(serial)
            if issued is None:
                raise AcsgError(_("The desk issued no certificate {serial}.").format(serial=serial))
            if not issued.revocable_now(moment):
                raise AcsgError(
                    _("Certificate {serial} is already revoked from {date}.").format(
                        serial=serial, date=format_datetime(issued.revoked_at or moment, "short")
                    )
                )
            repository.revoke(serial, moment, reason.strip())
            AuditRepository(session).append(
                actor, "certificate", serial, "revoke", new_value=moment.isoformat(), reason=reason
            )
            revoked = repository.certificate(serial)
        assert revoked is not None
        return revoked
