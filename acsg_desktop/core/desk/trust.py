"""The desk's own key and certificate authority: created once, kept as a PKCS#12 file in the
desk's folder (the passphrase is never stored), and the certificates it issued."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.fileio import write_bytes_atomically
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.desk import IssuedCertificate
from acsg_desktop.core.signing.ca import (
    authority_of,
    country_of,
    create_ca,
    issue_certificate,
    read_request,
)
from acsg_desktop.core.signing.keys import (
    Identity,
    certificate_pem,
    fingerprint,
    from_pkcs12,
    subject_text,
    to_pkcs12,
)
from acsg_desktop.core.store.assessment_repository import utc_now
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.desk_repository import DeskRepository

KEY_FILE = "desk-key.p12"
CERTIFICATE_FILE = "desk-certificate.pem"
MIN_PASSPHRASE = 12


class DeskTrust:
    """The desk's key, the certificate authorities trust, and what it certified or revoked."""

    def __init__(self, folder: Path, database: Database) -> None:
        self._folder, self._database = folder, database

    @property
    def certificate_path(self) -> Path:
        return self._folder / CERTIFICATE_FILE

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
        write_bytes_atomically(self._folder / KEY_FILE, to_pkcs12(identity, passphrase, person))
        write_bytes_atomically(self.certificate_path, certificate_pem(identity.certificate))
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
        self, request_pem: bytes, passphrase: bytes, *, actor: str, days: int | None = None
    ) -> IssuedCertificate:
        """An authority certificate from its CSR, recorded and audited."""
        request = read_request(request_pem)
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
                actor, "certificate", record.serial, "issue", new_value=record.subject
            )
        return record

    def certificates(self) -> list[IssuedCertificate]:
        with self._database.unit_of_work() as session:
            return DeskRepository(session).certificates()

    def revoke(
        self, serial: str, reason: str, *, actor: str, at: datetime | None = None
    ) -> IssuedCertificate:
        """Revoke an issued certificate from ``at`` (default now); audited."""
        moment = (at or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
        with self._database.unit_of_work() as session:
            repository = DeskRepository(session)
            if repository.certificate(serial) is None:
                raise AcsgError(_("The desk issued no certificate {serial}.").format(serial=serial))
            repository.revoke(serial, moment, reason.strip())
            AuditRepository(session).append(
                actor, "certificate", serial, "revoke", new_value=moment.isoformat(), reason=reason
            )
            revoked = repository.certificate(serial)
        assert revoked is not None
        return revoked
