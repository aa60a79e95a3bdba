"""Evidence files over the store: attach to an answer, list, read, remove, and hand a copy out
to be opened by the system's own viewer (this app never runs or interprets them)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from acsg_desktop.core.assessment.answer_rules import (
    answer_key,
    not_editable_message,
)
from acsg_desktop.core.assessment.evidence_carry import MAX_ASSESSMENT_BYTES, MAX_FILE_BYTES
from acsg_desktop.core.assessment.evidence_carry import evidence_audit_value as audit_value
from acsg_desktop.core.assessment.service import AssessmentService
from acsg_desktop.core.errors import os_reason
from acsg_desktop.core.evidence.file_types import BY_MEDIA_TYPE, EvidenceError, checked_type
from acsg_desktop.core.evidence.names import safe_name, shown_name, size_text
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.records.evidence import EvidenceFile
from acsg_desktop.core.store.assessment_repository import AssessmentRepository, utc_now
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.evidence_repository import EvidenceRepository

__all__ = ["MAX_ASSESSMENT_BYTES", "MAX_FILE_BYTES", "EvidenceService", "audit_value"]


def _read(path: Path) -> tuple[str, bytes]:
    name = shown_name(path.name)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise EvidenceError(_too_big(name, size))
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise EvidenceError(
            _("{name} cannot be read: {reason}").format(name=name, reason=os_reason(error))
        ) from error
    if len(data) > MAX_FILE_BYTES:
        raise EvidenceError(_too_big(name, len(data)))
    if not data:
        raise EvidenceError(_("{name} is empty: there is nothing to attach.").format(name=name))
    return name, data


def _too_big(name: str, size: int) -> str:
    return _("{name} is {size}: a file attached as evidence may be at most {cap}.").format(
        name=name, size=size_text(size), cap=size_text(MAX_FILE_BYTES)
    )


class EvidenceService:
    """Everything the answer panel, the export and the CLI do with evidence files."""

    def __init__(self, database: Database, assessments: AssessmentService) -> None:
        self._database = database
        self._assessments = assessments

    def attach(
        self, assessment_id: int, indicator_id: str, path: Path, *, actor: str
    ) -> EvidenceFile:
        """Attach the file at ``path`` to one answer, once its type, its size and the
        assessment's total are within bounds; audited.

        Raises:
            EvidenceError: the file is refused, already attached, or the assessment cannot
                change (completed, locked, unknown); nothing is stored.
        """
        name, data = _read(path)
        kind = checked_type(name, data)
        self._require_indicator(assessment_id, indicator_id)
        digest = hashlib.sha256(data).hexdigest()
        with self._database.unit_of_work() as session:
            _require_editable(AssessmentRepository(session).status(assessment_id))
            repository = EvidenceRepository(session)
            if any(f.sha256 == digest for f in repository.files(assessment_id, indicator_id)):
                raise EvidenceError(
                    _("{name} is already attached to this answer.").format(name=name)
                )
            self._require_room(repository, assessment_id, digest, len(data))
            repository.keep_content(digest, kind.media_type, data)
            file_id = repository.add(assessment_id, indicator_id, digest, name, actor, utc_now())
            AuditRepository(session).append(
                actor,
                "answer",
                answer_key(assessment_id, indicator_id),
                "evidence_attach",
                new_value=audit_value(name, digest),
            )
            attached = repository.get(file_id)
        assert attached is not None
        return attached

    def _require_indicator(self, assessment_id: int, indicator_id: str) -> None:
        framework = self._assessments.framework_of(self._assessments.get(assessment_id))
        if indicator_id not in {indicator.id for indicator in framework.indicators}:
            raise EvidenceError(_("Unknown indicator {id}.").format(id=indicator_id))

    @staticmethod
    def _require_room(
        repository: EvidenceRepository, assessment_id: int, digest: str, size: int
    ) -> None:
        if any(f.sha256 == digest for f in repository.files(assessment_id)):
            return  # the same content elsewhere in the assessment takes no more room
        total = repository.total_size(assessment_id) + size
        if total > MAX_ASSESSMENT_BYTES:
            raise EvidenceError(
                _(
                    "This file would bring the assessment's evidence files to {total}; "
                    "an assessment may hold at most {cap}. Remove files it no longer needs."
                ).format(total=size_text(total), cap=size_text(MAX_ASSESSMENT_BYTES))
            )

    def remove(self, file_id: int, *, actor: str) -> None:
        """Detach one file from its answer (its content goes once nothing else uses it)."""
        with self._database.unit_of_work() as session:
            repository = EvidenceRepository(session)
            attached = repository.get(file_id)
            if attached is None:
                raise EvidenceError(_("This evidence file was removed already."))
            _require_editable(AssessmentRepository(session).status(attached.assessment_id))
            repository.remove(file_id, attached.sha256)
            AuditRepository(session).append(
                actor,
                "answer",
                answer_key(attached.assessment_id, attached.indicator_id),
                "evidence_remove",
                old_value=audit_value(attached.file_name, attached.sha256),
            )

    def files(self, assessment_id: int, indicator_id: str | None = None) -> list[EvidenceFile]:
        """The files of an assessment, or of one of its answers, oldest first."""
        with self._database.unit_of_work() as session:
            return EvidenceRepository(session).files(assessment_id, indicator_id)

    def content(self, attached: EvidenceFile) -> bytes:
        """The bytes of an attached file, checked against its hash."""
        with self._database.unit_of_work() as session:
            data = EvidenceRepository(session).content(attached.sha256)
        if hashlib.sha256(data).hexdigest() != attached.sha256:
            raise EvidenceError(
                _("{name} no longer matches the file that was attached.").format(
                    name=attached.file_name
                )
            )
        return data

    def open_copy(self, attached: EvidenceFile) -> Path:
        """A read-only copy of the file in a new temporary folder, under a safe name with the
        extension of its checked type, for the system's viewer to open."""
        data = self.content(attached)
        extension = BY_MEDIA_TYPE[attached.media_type].extensions[0]
        folder = Path(tempfile.mkdtemp(prefix="acsg-evidence-"))
        path = folder / safe_name(attached.file_name, extension)
        try:
            path.write_bytes(data)
            os.chmod(path, 0o400)
        except OSError as error:
            raise EvidenceError(
                _("A copy of {name} could not be written: {reason}").format(
                    name=attached.file_name, reason=os_reason(error)
                )
            ) from error
        return path


def _require_editable(status: AssessmentStatus | None) -> None:
    refusal = not_editable_message(status)
    if refusal:
        raise EvidenceError(refusal)
