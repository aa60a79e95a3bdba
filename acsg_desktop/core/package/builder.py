"""Building a signed package: package.json, the signed PDF/A report, manifest, sums, signature.

Written atomically, read back and verified before it counts as exported; exporting locks the
assessment and the requests. The same content exported again is recognised, not duplicated.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from acsg_desktop import __version__
from acsg_desktop.core.assessment.model import AssessmentStatus
from acsg_desktop.core.envelope.writer import envelope_bytes
from acsg_desktop.core.errors import AcsgError, os_reason
from acsg_desktop.core.fileio import write_bytes_atomically
from acsg_desktop.core.i18n import _, language_as
from acsg_desktop.core.package import layout
from acsg_desktop.core.package.document import package_document
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.package.pdf_finish import make_pdfa3, sign_pdf
from acsg_desktop.core.package.report import build_report
from acsg_desktop.core.package.verify import verify_package
from acsg_desktop.core.requests.model import RequestStatus
from acsg_desktop.core.requests.workflow import can_move
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.signing.keys import Identity, fingerprint
from acsg_desktop.core.store.assessment_repository import AssessmentRepository
from acsg_desktop.core.store.health import describe_damage
from acsg_desktop.core.store.package_repository import (
    ABANDONED,
    RECORDED,
    PackageRecord,
    PackageRepository,
    Reservation,
)
from acsg_desktop.core.store.request_repository import RequestRepository
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.paths import resources_dir

VOLATILE = ("package_id", "created", "prepared_by")


class PackageError(AcsgError):
    """The package could not be made; nothing was written or locked."""


@dataclass(frozen=True)
class ExportResult:
    record: PackageRecord
    reused: bool


def content_digest(document: dict[str, Any]) -> str:
    """What the package says, without when, by whom and under which id it was made."""
    stable = {key: value for key, value in document.items() if key not in VOLATILE}
    stable["assessment"] = {k: v for k, v in document["assessment"].items() if k != "status"}
    return hashlib.sha256(json.dumps(stable, sort_keys=True).encode()).hexdigest()


def _manifest(
    workspace: Workspace,
    document: dict[str, Any],
    identity: Identity,
    sequence: int,
    previous_sha: str,
) -> dict[str, Any]:
    check = workspace.audit_check()
    return {
        "format": layout.MANIFEST_FORMAT,
        "package_id": document["package_id"],
        "sequence": sequence,
        "previous_package_sha256": previous_sha,
        "created": document["created"],
        "app_version": __version__,
        "framework": document["assessment"]["framework"],
        "language": document["language"],
        "signer": {
            "subject": identity.certificate.subject.rfc4514_string(),
            "fingerprint": fingerprint(identity.certificate),
        },
        "audit_log": {"entries": check.entries, "head": check.head},
        "approvals": [
            {
                "request": r["id"],
                "approved_by": r["approved_by"],
                "approved_at": r["approved_at"],
                "waived": r["approval_waived"],
            }
            for r in document["requests"]
        ],
    }


def _contents(
    workspace: Workspace,
    document: dict[str, Any],
    identity: Identity,
    sequence: int,
    previous_sha: str,
) -> bytes:
    package_json = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode()
    with language_as(document["language"]):
        report = sign_pdf(
            make_pdfa3(build_report(document), package_json, _("ACSG submission package")), identity
        )
    manifest = _manifest(workspace, document, identity, sequence, previous_sha)
    listed = {
        layout.PACKAGE_JSON: package_json,
        layout.REPORT: report,
        layout.MANIFEST: json.dumps(manifest, ensure_ascii=False, indent=2).encode(),
        layout.VERIFY: (resources_dir() / "package" / "VERIFY.txt").read_bytes(),
    }
    return envelope_bytes(listed, identity)


def _document(
    workspace: Workspace, assessment_id: int, person: str, language: str
) -> dict[str, Any]:
    summary = workspace.assessments.get(assessment_id)
    if summary.status is AssessmentStatus.IN_PROGRESS:
        raise PackageError(_("Only a completed assessment can be exported."))
    profile = workspace.profiles.get()
    if profile is None:
        raise PackageError(_("Set the authority profile first."))
    requests = [
        workspace.requests.get(r.id)
        for r in workspace.requests.list()
        if r.status is RequestStatus.APPROVED
    ]
    created = datetime.now(UTC).isoformat(timespec="seconds")
    with language_as(language):
        document = package_document(
            workspace.assessments,
            assessment_id,
            profile,
            requests,
            person,
            language,
            str(uuid.uuid4()),
            created,
        )
    problem = schema_problem(document, "package.schema.json", layout.PACKAGE_JSON)
    if problem:
        raise PackageError(problem)
    return document


def export_package(
    workspace: Workspace,
    assessment_id: int,
    person: str,
    passphrase: bytes,
    out: Path,
    language: str,
) -> ExportResult:
    """Make, write, re-read and verify the package; then record it and lock what it contains.

    The sequence number is reserved in the database before the file is written, and the
    package, the assessment's lock and the requests' status are recorded in one transaction:
    a stop at any moment leaves either everything recorded or a reserved number that is
    settled at the next export (adopted if its file is complete, else never used again).
    """
    identity = IdentityStore(workspace.data_dir).unlock(person, passphrase)
    problems = workspace.database.integrity_problems()
    if problems:
        raise PackageError(
            _("The database is damaged ({problem}); nothing was exported.").format(
                problem=describe_damage(problems)
            )
        )
    settle_pending(workspace, identity)
    document = _document(workspace, assessment_id, person, language)
    digest = content_digest(document)
    with workspace.database.unit_of_work() as session:
        repository = PackageRepository(session)
        existing, previous = repository.with_content(digest), repository.latest()
        already = repository.for_assessment(assessment_id)
    if existing is None and already is not None and not document["requests"]:
        existing = already  # exported before and nothing new approved since: the same package
    if existing is not None:
        return ExportResult(existing, reused=True)
    reservation = _reserve(workspace, document, digest, identity, out, person)
    data = _contents(
        workspace, document, identity, reservation.sequence, previous.sha256 if previous else ""
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
    record_contents(workspace, record, reservation)
    return ExportResult(record, reused=False)


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
    workspace: Workspace,
    document: dict[str, Any],
    digest: str,
    identity: Identity,
    out: Path,
    person: str,
) -> Reservation:
    draft = Reservation(
        0,
        document["package_id"],
        document["assessment"]["id"],
        digest,
        str(out),
        person,
        fingerprint(identity.certificate),
        tuple(request["id"] for request in document["requests"]),
    )
    with workspace.database.unit_of_work() as session:
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
    )


def record_contents(workspace: Workspace, record: PackageRecord, reservation: Reservation) -> None:
    """Record the package, lock its assessment and mark its requests, in one transaction.

    A request that moved on since it was read (withdrawn, say) is left as it is: the package
    holds what was approved when it was made.
    """
    with workspace.database.unit_of_work() as session:
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


def settle_pending(workspace: Workspace, identity: Identity) -> None:
    """Finish what an interrupted export left: adopt a complete file, else retire its number."""
    with workspace.database.unit_of_work() as session:
        pending = PackageRepository(session).pending()
    for reservation in pending:
        data = _adoptable(reservation, identity)
        if data is not None:
            record_contents(
                workspace, _record_of(reservation, hashlib.sha256(data).hexdigest()), reservation
            )
        else:
            with workspace.database.unit_of_work() as session:
                PackageRepository(session).settle(reservation.sequence, ABANDONED)
