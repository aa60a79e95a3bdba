"""Receiving packages at the desk: each file verified by the same verifier as `acsg verify`;
nothing is stored from a file that fails; the same package twice is "already received"; per
authority, a replayed or forked sequence, or a new uncertified signer, is held for a person.

Accepted and held packages are kept byte for byte under ``received/<country>/`` and their
package.json is kept in the desk's database.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature

from acsg_desktop.core.envelope.reader import read_envelope
from acsg_desktop.core.errors import AcsgError
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
    """The files named, and every package (plain or encrypted) inside the folders named (a
    USB stick), sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and _is_package_name(p.name))
            )
        else:
            found.append(path)
    return found


def _issued_by(signer: x509.Certificate, ca: x509.Certificate | None) -> bool:
    if ca is None or signer.issuer != ca.subject:
        return False
    try:
        signer.verify_directly_issued_by(ca)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _revoked(signer: x509.Certificate, issued: list[IssuedCertificate]) -> IssuedCertificate | None:
    serial = format(signer.serial_number, "x")
    return next((c for c in issued if c.serial == serial and c.revoked_at is not None), None)


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
            results.append(self._receive(path, actor, opener))
        return results

    def _receive(self, path: Path, actor: str, opener: _Opening) -> IntakeResult:
        try:
            data = opener.plain(path.read_bytes())
        except OSError as error:
            return IntakeResult(str(path), IntakeOutcome.REFUSED, str(error.strerror or error))
        except AcsgError as error:
            return IntakeResult(str(path), IntakeOutcome.REFUSED, error.message)
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
        self, desk: DeskRepository, manifest: dict[str, Any], signer: x509.Certificate
    ) -> str:
        """Why a verified package must still be refused ("" when it may be received)."""
        if desk.get(manifest["package_id"]) is not None:
            return _("Another file with the same package id was already received: refused.")
        revoked = _revoked(signer, desk.certificates())
        created = datetime.fromisoformat(manifest["created"]).astimezone(UTC).replace(tzinfo=None)
        if revoked is not None and revoked.revoked_at is not None and created >= revoked.revoked_at:
            return _("Signed with a certificate revoked on {date}: refused.").format(
                date=format_datetime(revoked.revoked_at)
            )
        return ""

    def _received(
        self, digest: str, check: PackageCheck, document: dict[str, Any]
    ) -> ReceivedPackage:
        signer, manifest = check.signer, check.manifest
        assert signer is not None  # a package that verified has its signer
        return ReceivedPackage(
            id=0,
            package_id=manifest["package_id"],
            sha256=digest,
            country=document["authority"]["country"],
            authority=document["authority"]["name"],
            signer=subject_text(signer),
            signer_fingerprint=fingerprint(signer),
            certified=_issued_by(signer, self._ca()),
            sequence=int(manifest["sequence"]),
            previous_sha256=manifest["previous_package_sha256"],
            created=datetime.fromisoformat(manifest["created"]),
            received_at=utc_now(),
            state=PackageState.ACCEPTED,
            reason="",
            file_path="",
            document=json.dumps(document, ensure_ascii=False),
        )

    def _record(
        self, path: Path, copy: Path, digest: str, check: PackageCheck, actor: str
    ) -> IntakeResult:
        assert check.signer is not None  # a package that verified has its signer
        package = self._received(digest, check, self._document(copy))
        with self._database.unit_of_work() as session:
            desk = DeskRepository(session)
            refusal = self._refusal(desk, check.manifest, check.signer)
            if refusal:
                return IntakeResult(str(path), IntakeOutcome.REFUSED, refusal)
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
