"""Signing identities of the authority's signatories, kept in the data folder as PKCS#12 files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID

from acsg_desktop.core.display import escape_line
from acsg_desktop.core.envelope.format import sha256_hex
from acsg_desktop.core.errors import keys_written
from acsg_desktop.core.fileio import write_bytes_atomically, write_files_together
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.signing.keys import (
    Identity,
    IdentityError,
    certificate_pem,
    create_identity,
    damaged_key_error,
    fingerprint,
    from_pkcs12,
    to_pkcs12,
)
from acsg_desktop.core.signing.pkcs12_mac import MAC_ITERATIONS, mac_iterations

FOLDER = "identities"
MIN_PASSPHRASE = 10


@dataclass(frozen=True)
class IdentityInfo:
    """What can be shown without the passphrase."""

    person: str
    certificate: x509.Certificate

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)


def _slug(person: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", person.casefold()).strip("-") or "signatory"


def _key_files(key_path: Path, data: bytes) -> dict[Path, bytes]:
    """The key file and its checksum (``sha256sum -c`` format, which tells damage apart from a
    wrong passphrase), the key last."""
    line = f"{sha256_hex(data)}  {key_path.name}\n"
    return {_checksum_path(key_path): line.encode(), key_path: data}


class IdentityStore:
    """Identities in ``<data>/identities``: ``<slug>.p12`` (key + certificate) and ``.pem``."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / FOLDER

    def _paths(self, person: str) -> tuple[Path, Path]:
        slug = _slug(person)
        return self.folder / f"{slug}.p12", self.folder / f"{slug}.pem"

    def _write_key(self, key_path: Path, data: bytes) -> None:
        """The key file and its checksum, together."""
        with keys_written(key_path.parent):
            write_files_together(_key_files(key_path, data))

    def _read_key(self, person: str) -> bytes:
        key_path, _cert_path = self._paths(person)
        try:
            return key_path.read_bytes()
        except OSError as error:
            raise IdentityError(
                _("{name} has no signing identity yet.").format(name=person)
            ) from error

    def _checksum_holds(self, person: str, data: bytes) -> bool | None:
        """Whether the key file matches its checksum (None when no checksum was kept)."""
        try:
            line = _checksum_path(self._paths(person)[0]).read_text(encoding="utf-8")
            return line.split()[0] == sha256_hex(data)
        except (OSError, UnicodeDecodeError, IndexError):
            return None

    def create(self, person: str, profile: Profile, passphrase: bytes) -> IdentityInfo:
        """A new key and certificate naming the person, the authority and its country."""
        if len(passphrase) < MIN_PASSPHRASE:
            raise IdentityError(
                _("Choose a passphrase of at least {count} characters.").format(
                    count=MIN_PASSPHRASE
                )
            )
        _refuse_unprintable(person, profile.authority_name)
        key_path, cert_path = self._paths(person)
        if key_path.exists():
            raise IdentityError(_("{name} already has a signing identity.").format(name=person))
        identity = create_identity(person, profile.authority_name, profile.country_code)
        key_files = _key_files(key_path, to_pkcs12(identity, passphrase, person))
        # The certificate first, the key (what ``create`` looks for) last; all or none.
        with keys_written(self.folder):
            write_files_together({cert_path: certificate_pem(identity.certificate), **key_files})
        return IdentityInfo(person, identity.certificate)

    def info(self, person: str) -> IdentityInfo:
        _key_path, cert_path = self._paths(person)
        if not cert_path.exists():
            raise IdentityError(_("{name} has no signing identity yet.").format(name=person))
        return IdentityInfo(person, x509.load_pem_x509_certificate(cert_path.read_bytes()))

    def list(self) -> list[IdentityInfo]:
        if not self.folder.is_dir():
            return []
        return [
            IdentityInfo(_common_name(cert), cert)
            for cert in (
                x509.load_pem_x509_certificate(p.read_bytes())
                for p in sorted(self.folder.glob("*.pem"))
            )
        ]

    def unlock(self, person: str, passphrase: bytes) -> Identity:
        """The key and certificate, for signing now.

        A key file written before its MAC was strengthened is rewritten once, the first time
        the right passphrase opens it.
        """
        data = self._read_key(person)
        checksum = self._checksum_holds(person, data)
        try:
            identity = from_pkcs12(data, passphrase)
        except IdentityError as error:
            # A file that differs from its checksum is damaged, whatever the passphrase.
            raise (damaged_key_error() if checksum is False else error) from error
        if (mac_iterations(data) or 0) < MAC_ITERATIONS or not checksum:
            self._write_key(self._paths(person)[0], to_pkcs12(identity, passphrase, person))
        return identity

    def change_passphrase(self, person: str, old: bytes, new: bytes) -> None:
        if len(new) < MIN_PASSPHRASE:
            raise IdentityError(
                _("Choose a passphrase of at least {count} characters.").format(
                    count=MIN_PASSPHRASE
                )
            )
        identity = self.unlock(person, old)
        self._write_key(self._paths(person)[0], to_pkcs12(identity, new, person))

    def signing_request(self, person: str, passphrase: bytes) -> bytes:
        """A certificate signing request (PEM) for the Secretariat."""
        identity = self.unlock(person, passphrase)
        request = (
            x509.CertificateSigningRequestBuilder()
            .subject_name(identity.certificate.subject)
            .sign(identity.key, hashes.SHA256())
        )
        return request.public_bytes(serialization.Encoding.PEM)

    def import_certificate(self, person: str, passphrase: bytes, pem: bytes) -> IdentityInfo:
        """Replace the self-signed certificate with the one the Secretariat issued."""
        identity = self.unlock(person, passphrase)
        try:
            issued = x509.load_pem_x509_certificate(pem)
        except ValueError as error:
            raise IdentityError(_("This is not a PEM certificate.")) from error
        own = identity.certificate
        if issued.public_key() != identity.key.public_key():
            raise IdentityError(_("This certificate is for another key: refused."))
        _refuse_unprintable(issued.subject.rfc4514_string())
        if _organisation(issued) != _organisation(own) or _common_name(issued) != person:
            raise IdentityError(_("This certificate names another person or authority: refused."))
        updated = Identity(identity.key, issued)
        key_path, cert_path = self._paths(person)
        self._write_key(key_path, to_pkcs12(updated, passphrase, person))
        write_bytes_atomically(cert_path, certificate_pem(issued))
        return IdentityInfo(person, issued)


def _refuse_unprintable(*names: str) -> None:
    """A certificate's names are printed on one line wherever it is checked: no control or line
    characters in them."""
    from acsg_desktop.core.text_rules import unprintable_character

    for name in names:
        found = unprintable_character(name, multiline=False)
        if found:
            raise IdentityError(
                _("{name} holds a character that cannot be printed ({code}).").format(
                    name=escape_line(name), code=f"U+{ord(found):04X}"
                )
            )


def _checksum_path(key_path: Path) -> Path:
    return key_path.with_name(key_path.name + ".sha256")


def _attribute(certificate: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    values = certificate.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def _common_name(certificate: x509.Certificate) -> str:
    return _attribute(certificate, NameOID.COMMON_NAME)


def _organisation(certificate: x509.Certificate) -> str:
    return _attribute(certificate, NameOID.ORGANIZATION_NAME)
