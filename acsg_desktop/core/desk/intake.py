"""Receiving packages at the desk: each file verified by the same verifier as `acsg verify`;
nothing is stored from a file that fails; the same package twice is "already received"; per
authority, a replayed or forked sequence, a new uncertified signer, or a desk certificate used
for another authority than the one it was issued to, is held for a person. A certificate the
desk revoked is refused from its revocation on, whatever time the package declares.

Accepted and held packages are kept byte for byte under ``received/<country>/`` and their
package.json is kept in the desk's database.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from acsg_desktop.core.display import escape_line
from acsg_desktop.core.envelope.reader import read_envelope
from acsg_desktop.core.errors import AcsgError, os_reason
from acsg_desktop.core.evidence.names import size_text
from acsg_desktop.core.fileio import fsync_folder, write_bytes_atomically
from acsg_desktop.core.i18n import _, format_datetime
from acsg_desktop.core.package import layout
from acsg_desktop.core.package.verify import PackageCheck, verify_package
from acsg_desktop.core.records.desk import (
    IntakeOutcome,
    IntakeResult,
    IssuedCertificate,
    PackageState,
    ReceivedPackage,
)
from acsg_desktop.core.signing.ca import authority_of, country_of
from acsg_desktop.core.signing.confidential import ENCRYPTED_SUFFIX, is_encrypted
from acsg_desktop.core.signing.keys import fingerprint, subject_text
from acsg_desktop.core.store.assessment_repository import utc_now
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.desk_repository import DeskRepository

SUFFIX = ".acsgpkg"
Progress = Callable[[int, int, str], None]
Opener = Callable[[bytes], bytes]


def _is_package_name(name: str) -> bool:
    return name.endswith(SUFFIX) or name.endswith(SUFFIX + ENCRYPTED_SUFFIX)


def package_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and everything named like a package (plain or encrypted) inside the
    folders named (a USB stick), sorted. A pipe or device named so is listed too, so that the
    intake says it skipped it."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if not p.is_dir() and _is_package_name(p.name))
            )
        else:
            found.append(path)
    return found


MAX_FILE_BYTES = layout.CAPS.max_total_bytes  # the limit `acsg verify` reads a package under


def _too_large() -> AcsgError:
    return AcsgError(
        _("The file is larger than {limit}, the most a package may be: refused.").format(
            limit=size_text(MAX_FILE_BYTES)
        )
    )


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Up to ``limit`` bytes, a megabyte at a time (``read(limit)`` would set aside the whole
    limit even for a small file)."""
    chunks, left = [], limit
    while left > 0 and (chunk := stream.read(min(left, 1 << 20))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_package_file(path: Path) -> bytes:
    """The bytes of the regular file at ``path``, refused before reading past the package size
    limit. A pipe or device is never opened for reading (it could block or never end).

    Raises:
        AcsgError: not a regular file, too large, or unreadable.
    """
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise AcsgError(_("Not a regular file (a pipe, a device or a socket): skipped."))
        if status.st_size > MAX_FILE_BYTES:
            raise _too_large()
        # O_NONBLOCK: should the file be swapped for a pipe meanwhile, opening it cannot hang.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as stream:
            opened = os.fstat(stream.fileno())
            if not stat.S_ISREG(opened.st_mode):
                raise AcsgError(_("Not a regular file (a pipe, a device or a socket): skipped."))
            if opened.st_size > MAX_FILE_BYTES:
                raise _too_large()
            data = _read_at_most(stream, MAX_FILE_BYTES + 1)  # a file still growing stops here
    except OSError as error:
        raise AcsgError(
            _("The file cannot be read: {reason}").format(reason=os_reason(error))
        ) from error
    if len(data) > MAX_FILE_BYTES:
        raise _too_large()
    return data


def _created(manifest: dict[str, Any]) -> datetime:
    """The creation time the manifest declares (the signer's word, never proof of anything).

    Raises:
        AcsgError: it is not a date and time.
    """
    try:
        return datetime.fromisoformat(manifest["created"])
    except (TypeError, ValueError) as error:
        raise AcsgError(
            _("The manifest's creation time is not a date and time: refused.")
        ) from error


def _same_name(one: str, other: str) -> bool:
    """Two names alike but for case, Unicode form and spacing."""

    def plain(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).casefold().split())

    return plain(one) == plain(other)


def _issued_by(signer: x509.Certificate, ca: x509.Certificate | None) -> bool:
    if ca is None or signer.issuer != ca.subject:
        return False
    try:
        signer.verify_directly_issued_by(ca)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _public_key(pem: str) -> bytes:
    certificate = x509.load_pem_x509_certificate(pem.encode("ascii"))
    return certificate.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)


def _revoked(signer: x509.Certificate, issued: list[IssuedCertificate]) -> IssuedCertificate | None:
    """The revoked certificate of the desk's that ``signer`` is, or whose key it carries (a
    revoked key does not come back under a certificate of its own making)."""
    revoked = [c for c in issued if c.revoked_at is not None]
    signer_fingerprint = fingerprint(signer)
    same = next((c for c in revoked if c.fingerprint == signer_fingerprint), None)
    if same is not None or not revoked:
        return same
    key = signer.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return next((c for c in revoked if _public_key(c.pem) == key), None)


def _issued_record(
    signer: x509.Certificate, issued: list[IssuedCertificate]
) -> IssuedCertificate | None:
    signer_fingerprint = fingerprint(signer)
    return next((c for c in issued if c.fingerprint == signer_fingerprint), None)


def _speaks_for(
    signer: x509.Certificate, record: IssuedCertificate | None, document: dict[str, Any]
) -> str:
    """Why a certificate the desk issued does not speak for the package's authority ("" when
    it does): its country, and its organisation when the desk recorded one, must be those of
    package.json."""
    country = record.country if record is not None else country_of(signer)
    authority = record.authority if record is not None else authority_of(signer)
    claimed = document["authority"]
    if country.strip().upper() == str(claimed["country"]).strip().upper() and (
        not authority or _same_name(authority, str(claimed["name"]))
    ):
        return ""
    return _(
        "Signed with the certificate of {country} ({authority}), but the package speaks for "
        "{claimed_country} ({claimed_authority}): held. Confirm with the authority before "
        "accepting it."
    ).format(  # names from a file, quoted in one line of text
        country=escape_line(country),
        authority=escape_line(authority),
        claimed_country=escape_line(str(claimed["country"])),
        claimed_authority=escape_line(str(claimed["name"])),
    )


class _Opening:
    """Opens encrypted packages with the desk's key, unlocked at most once per intake."""

    def __init__(self, unlock: Callable[[bytes], Opener], passphrase: bytes | None) -> None:
        self._unlock, self._passphrase = unlock, passphrase
        self._open: Opener | None = None

    def plain(self, data: bytes) -> bytes:
        if not is_encrypted(data):
            return data
        if self._passphrase is None:
            raise AcsgError(_("This package is encrypted: give the desk's passphrase to open it."))
        if self._open is None:
            self._open = self._unlock(self._passphrase)
        return self._open(data)


class IntakeService:
    """The desk's intake of packages."""

    def __init__(
        self,
        folder: Path,
        database: Database,
        ca: Callable[[], x509.Certificate | None],
        opener: Callable[[bytes], Opener],
    ) -> None:
        self._folder, self._database, self._ca, self._opener = folder, database, ca, opener

    def intake(
        self,
        paths: Iterable[Path],
        *,
        actor: str,
        progress: Progress | None = None,
        passphrase: bytes | None = None,
    ) -> list[IntakeResult]:
        """Receive every package in ``paths``; one result per file, in order. ``passphrase``
        opens the desk's encryption key for confidential packages (asked once per intake)."""
        files = package_files(paths)
        opener = _Opening(self._opener, passphrase)
        results = []
        for number, path in enumerate(files, start=1):
            if progress:
                progress(number, len(files), path.name)
            try:
                results.append(self._receive(path, actor, opener))
            except AcsgError as error:  # one bad file never stops the intake of the others
                results.append(IntakeResult(str(path), IntakeOutcome.REFUSED, error.message))
        return results

    def _receive(self, path: Path, actor: str, opener: _Opening) -> IntakeResult:
        data = opener.plain(read_package_file(path))
        digest = hashlib.sha256(data).hexdigest()
        with self._database.unit_of_work() as session:
            if DeskRepository(session).find("", digest) is not None:
                return IntakeResult(
                    str(path), IntakeOutcome.ALREADY_RECEIVED, _("Already received.")
                )
        # The bytes read once are what is verified and kept: a file changed on the stick
        # meanwhile cannot slip in unverified.
        copy = self._folder / "incoming" / f"{digest}{SUFFIX}"
        write_bytes_atomically(copy, data)
        try:
            check = verify_package(copy)
            if not check.ok:
                reasons = " ".join(failure.message for failure in check.failures)
                return IntakeResult(str(path), IntakeOutcome.REFUSED, reasons)
            return self._record(path, copy, digest, check, actor)
        finally:
            copy.unlink(missing_ok=True)

    @staticmethod
    def _document(path: Path) -> dict[str, Any]:
        """package.json of a package that verified (so it reads and follows its schema)."""
        entries = read_envelope(path, layout.CAPS, layout.allowed_name)
        return dict(json.loads(entries[layout.PACKAGE_JSON]))

    def _refusal(
        self,
        desk: DeskRepository,
        manifest: dict[str, Any],
        signer: x509.Certificate,
        received_at: datetime,
    ) -> str:
        """Why a verified package must still be refused ("" when it may be received).

        A revoked certificate is judged by when the package arrives, never by the creation
        time its manifest declares: that time is the signer's word, and a stolen key can
        write any time it likes.
        """
        if desk.get(manifest["package_id"]) is not None:
            return _("Another file with the same package id was already received: refused.")
        revoked = _revoked(signer, desk.certificates())
        since = revoked.revoked_at if revoked is not None else None
        if since is not None and received_at >= since:
            return _(
                "Signed with a certificate the desk revoked on {date}: refused. The "
                "authority must sign again with a new certificate."
            ).format(date=format_datetime(since))
        return ""

    def _received(
        self, digest: str, check: PackageCheck, document: dict[str, Any]
    ) -> tuple[ReceivedPackage, str]:
        """The package as received, and why its signer does not speak for it ("" if it
        does)."""
        signer, manifest = check.signer, check.manifest
        assert signer is not None  # a package that verified has its signer
        mismatch = ""
        certified = _issued_by(signer, self._ca())
        if certified:
            with self._database.unit_of_work() as session:
                record = _issued_record(signer, DeskRepository(session).certificates())
            mismatch = _speaks_for(signer, record, document)
        package = ReceivedPackage(
            id=0,
            package_id=manifest["package_id"],
            sha256=digest,
            country=document["authority"]["country"],
            authority=document["authority"]["name"],
            signer=subject_text(signer),
            signer_fingerprint=fingerprint(signer),
            certified=certified and not mismatch,
            sequence=int(manifest["sequence"]),
            previous_sha256=manifest["previous_package_sha256"],
            created=_created(manifest),
            received_at=utc_now(),
            state=PackageState.ACCEPTED,
            reason="",
            file_path="",
            document=json.dumps(document, ensure_ascii=False),
        )
        return package, mismatch

    def _record(
        self, path: Path, copy: Path, digest: str, check: PackageCheck, actor: str
    ) -> IntakeResult:
        assert check.signer is not None  # a package that verified has its signer
        package, mismatch = self._received(digest, check, self._document(copy))
        with self._database.unit_of_work() as session:
            desk = DeskRepository(session)
            refusal = self._refusal(desk, check.manifest, check.signer, package.received_at)
            if refusal:
                return IntakeResult(str(path), IntakeOutcome.REFUSED, refusal)
            if mismatch:
                state, reason = PackageState.HELD_SIGNER, mismatch
            else:
                state, reason = self._state(
                    package, desk.latest_accepted(package.country, package.authority)
                )
            stored = self._folder / "received" / package.country / f"{package.package_id}{SUFFIX}"
            stored.parent.mkdir(parents=True, exist_ok=True)
            os.replace(copy, stored)  # the verified copy, already on disk and synced
            fsync_folder(stored.parent)
            package = replace(package, state=state, reason=reason, file_path=str(stored))
            package = replace(package, id=desk.add(package))
            AuditRepository(session).append(
                actor, "desk_package", package.package_id, "receive", "", state.value, reason
            )
        outcome = IntakeOutcome.ACCEPTED if state is PackageState.ACCEPTED else IntakeOutcome.HELD
        return IntakeResult(str(path), outcome, reason or _("Verified and received."), package)

    @staticmethod
    def _state(
        package: ReceivedPackage, latest: ReceivedPackage | None
    ) -> tuple[PackageState, str]:
        if latest is None:
            return PackageState.ACCEPTED, ""
        if package.sequence <= latest.sequence:
            return PackageState.HELD_REPLAY, _(
                "Sequence {number} is not after {previous}, the authority's latest package: "
                "held as a possible replay."
            ).format(number=package.sequence, previous=latest.sequence)
        if package.previous_sha256 != latest.sha256:
            return PackageState.HELD_FORK, _(
                "Its previous-package hash is not that of the authority's latest package: held "
                "as a possible fork."
            )
        if not package.certified and package.signer_fingerprint != latest.signer_fingerprint:
            return PackageState.HELD_SIGNER, _(
                "Signed by another key than the authority's earlier packages, and not certified "
                "by the desk: confirm the fingerprint {fingerprint} with the authority."
            ).format(fingerprint=package.signer_fingerprint)
        return PackageState.ACCEPTED, ""
