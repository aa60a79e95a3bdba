"""Exporting a signed package: read once, build, write, re-read and verify, then record.

The same content exported again in the same language is recognised, not duplicated; in another
language it is a new package (the same requests again, see ``document``). The sequence number
is reserved in the database before the file is written, and the package, the assessment's lock
and the requests' status are recorded in one transaction: a stop at any moment leaves either
everything recorded or a reserved number that is settled at the next export (adopted if its
file is complete, else never issued again).
"""

from __future__ import annotations

import hashlib
import time
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from acsg_desktop.core.assessment.service import AssessmentService
from acsg_desktop.core.audit.chain import verify_chain
from acsg_desktop.core.errors import AcsgError, os_reason
from acsg_desktop.core.fileio import write_bytes_atomically
from acsg_desktop.core.i18n import _, language_as
from acsg_desktop.core.package import layout
from acsg_desktop.core.package.contents import content_digest, package_bytes
from acsg_desktop.core.package.document import ExportSource, package_document, read_source
from acsg_desktop.core.package.evidence import EvidenceChoice, evidence_entries, included_contents
from acsg_desktop.core.package.identities import IdentityInfo, IdentityStore
from acsg_desktop.core.package.model import PackageDocument, to_json
from acsg_desktop.core.package.report import build_draft_report
from acsg_desktop.core.package.verify import verify_package
from acsg_desktop.core.people.accounts import require_role
from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.records.offers import Offer
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.records.roles import SIGNATORY
from acsg_desktop.core.requests.workflow import can_move
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.signing.keys import Identity, fingerprint
from acsg_desktop.core.store.assessment_repository import AssessmentRepository
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.health import describe_damage
from acsg_desktop.core.store.package_repository import (
    ABANDONED,
    RECORDED,
    PackageRecord,
    PackageRepository,
    Reservation,
)
from acsg_desktop.core.store.request_repository import RequestRepository
from acsg_desktop.core.store.schema_guard import named

# A full integrity_check before the first export of a session, then again once this old. In
# between, quick_check: the same checks of every page, b-tree and free list, only not whether
# each index still matches its table, which nothing but this process's own transactions could
# have changed since (the database has one writer, and SQLite keeps indexes and tables in step
# in every transaction); damage from the disk shows in the pages, which quick_check reads.
FULL_CHECK_EVERY_SECONDS = 15 * 60


def _full_check_due(database: Database) -> bool:
    passed = database.full_check_passed_at
    return passed is None or time.monotonic() - passed > FULL_CHECK_EVERY_SECONDS


class PackageError(AcsgError):
    """The package could not be made; nothing was written or locked."""


@dataclass(frozen=True)
class ExportResult:
    record: PackageRecord
    reused: bool
    # the assessment's earlier package whose content this one repeats (another language)
    repeats: PackageRecord | None = None


class ExportService:
    """Exports of one data folder: given only the database, the frameworks and the keys."""

    def __init__(
        self, database: Database, assessments: AssessmentService, identities: IdentityStore
    ) -> None:
        self._database = database
        self._assessments = assessments
        self._identities = identities

    def export(
        self,
        assessment_id: int,
        person: str,
        passphrase: bytes,
        out: Path,
        language: str,
        evidence: EvidenceChoice = EvidenceChoice.HASHES,
    ) -> ExportResult:
        """Make, write, re-read and verify the package; then record it and lock its contents.
        Only a signatory exports, with the passphrase of their own signing key. ``evidence``:
        include the answers' evidence files, or only list their hashes."""
        self._require_signatory(person)
        identity = self._identities.unlock(person, passphrase)
        problems = self._database.integrity_problems(thorough=_full_check_due(self._database))
        if problems:
            raise PackageError(_failed_check(self._database, problems))
        settle_pending(self._database, identity)
        document, offers, repeats = self._document(assessment_id, person, language, evidence)
        digest = content_digest(document)
        with self._database.unit_of_work() as session:
            repository = PackageRepository(session)
            existing, previous = repository.with_content(digest), repository.latest()
            audit = verify_chain(AuditRepository(session).entries())
        if existing is not None:
            return ExportResult(existing, reused=True)
        reservation = _reserve(self._database, document, digest, identity, out, person)
        previous_sha = previous.sha256 if previous else ""
        attachments = included_contents(self._database, document.evidence_files)
        data = package_bytes(
            document, identity, reservation.sequence, previous_sha, audit, offers, attachments
        )
        _write(out, data)
        check = verify_package(out, [identity.certificate])
        if not check.ok:
            raise PackageError(
                _("The package written to {path} failed its check: {reason}").format(
                    path=out, reason=check.failures[0].message
                )
            )
        record = _record_of(reservation, hashlib.sha256(data).hexdigest())
        record_contents(self._database, record, reservation)
        return ExportResult(record, reused=False, repeats=repeats)

    def preview(self, assessment_id: int, person: str, language: str) -> bytes:
        """The report the export would sign, built the same way but unsigned, marked as a draft
        on every page; nothing is recorded, reserved or locked, no passphrase is needed."""
        document, offers, _repeats = self._document(assessment_id, person, language)
        with language_as(language):
            return build_draft_report(document, offers)

    def _require_signatory(self, person: str) -> None:
        with self._database.unit_of_work() as session:
            require_role(
                session,
                person,
                SIGNATORY,
                _("Only a signatory signs and exports the package; {name} is not one.").format(
                    name=person
                ),
            )

    def create_identity(
        self, person: str, profile: Profile, passphrase: bytes, *, actor: str
    ) -> IdentityInfo:
        """A new signing identity for ``person``: a signatory makes their own, nobody else's."""
        if actor != person:
            raise PackageError(
                _("A signing identity is made by its own holder; sign in as {name}.").format(
                    name=person
                )
            )
        self._require_signatory(person)
        return self._identities.create(person, profile, passphrase)

    def _document(
        self,
        assessment_id: int,
        person: str,
        language: str,
        evidence: EvidenceChoice = EvidenceChoice.HASHES,
    ) -> tuple[PackageDocument, dict[str, Offer], PackageRecord | None]:
        """The checked document, the installed offers by id (read with it) for the report, and
        the earlier package it repeats, if any."""
        try:
            source = read_source(self._database, self._assessments, assessment_id)
        except KeyError as error:
            raise PackageError(
                _("There is no assessment {id}.").format(id=assessment_id)
            ) from error
        offers = {offer.id: offer for offer in source.offers.catalogue.offers}
        return _checked_document(source, person, language, evidence), offers, source.repeats


def _failed_check(database: Database, problems: list[str]) -> str:
    if database.is_server:  # the server checks its own pages: these are named objects
        return _(
            "The office server {server} failed its check ({problems}); nothing was exported. "
            "Ask your IT officer."
        ).format(server=database.location, problems=named(problems))
    return _("The database is damaged ({problem}); nothing was exported.").format(
        problem=describe_damage(problems)
    )


def _checked_document(
    source: ExportSource, person: str, language: str, evidence: EvidenceChoice
) -> PackageDocument:
    if source.summary.status is AssessmentStatus.IN_PROGRESS:
        raise PackageError(_("Only a completed assessment can be exported."))
    if source.profile is None:
        raise PackageError(_("Set the authority profile first."))
    created = datetime.now(UTC).isoformat(timespec="seconds")
    with language_as(language):
        document = package_document(
            source, source.profile, person, language, str(uuid.uuid4()), created
        )
    files = evidence_entries(source.evidence, source.framework, evidence)
    document = replace(document, evidence_files=files)
    problem = schema_problem(to_json(document), "package.schema.json", layout.PACKAGE_JSON)
    if problem:
        raise PackageError(problem)
    return document


def _write(out: Path, data: bytes) -> None:
    try:
        write_bytes_atomically(out, data)
    except OSError as error:
        raise PackageError(
            _("The package could not be written to {path}: {reason}").format(
                path=out, reason=os_reason(error)
            )
        ) from error


def _reserve(
    database: Database,
    document: PackageDocument,
    digest: str,
    identity: Identity,
    out: Path,
    person: str,
) -> Reservation:
    draft = Reservation(
        0,
        document.package_id,
        document.assessment.id,
        digest,
        str(out),
        person,
        fingerprint(identity.certificate),
        tuple(request.id for request in document.requests),
        document.language,
    )
    with database.unit_of_work() as session:
        return PackageRepository(session).reserve(draft)


def _record_of(reservation: Reservation, sha256: str) -> PackageRecord:
    return PackageRecord(
        reservation.package_id,
        reservation.sequence,
        sha256,
        reservation.content_digest,
        reservation.file_path,
        reservation.assessment_id,
        reservation.signer,
        reservation.fingerprint,
        "exported",
        datetime.now(UTC).replace(tzinfo=None),
        reservation.language,
    )


def record_contents(database: Database, record: PackageRecord, reservation: Reservation) -> None:
    """Record the package, lock its assessment and mark its requests, in one transaction.

    A request that moved on since it was read (withdrawn, say) is left as it is: the package
    holds what was approved when it was made.
    """
    with database.unit_of_work() as session:
        packages = PackageRepository(session)
        packages.add(record)
        packages.settle(reservation.sequence, RECORDED)
        assessments = AssessmentRepository(session)
        if assessments.status(record.assessment_id) is AssessmentStatus.COMPLETED:
            assessments.lock(record.assessment_id, record.signer)
        requests = RequestRepository(session)
        for request_id in reservation.request_ids:
            request = requests.get(request_id)
            if request is not None and can_move(request.status, RequestStatus.EXPORTED):
                requests.move(request, RequestStatus.EXPORTED, record.signer)


def _adoptable(reservation: Reservation, identity: Identity) -> bytes | None:
    """The file of an interrupted export when it is complete and is the reserved package."""
    path = Path(reservation.file_path)
    if fingerprint(identity.certificate) != reservation.fingerprint or not path.is_file():
        return None
    check = verify_package(path, [identity.certificate])
    if not check.ok or check.manifest.get("package_id") != reservation.package_id:
        return None
    return path.read_bytes()


def settle_pending(database: Database, identity: Identity) -> None:
    """Finish what an interrupted export left: adopt a complete file, else retire its number."""
    with database.unit_of_work() as session:
        pending = PackageRepository(session).pending()
    for reservation in pending:
        data = _adoptable(reservation, identity)
        if data is not None:
            sha256 = hashlib.sha256(data).hexdigest()
            record_contents(database, _record_of(reservation, sha256), reservation)
        else:
            with database.unit_of_work() as session:
                PackageRepository(session).settle(reservation.sequence, ABANDONED)
