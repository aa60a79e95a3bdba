"""Evidence files in the database: each content once (``evidence_blob``), and its links to
answers (``evidence_file``). Returns plain objects, never rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from acsg_desktop.core.records.evidence import EvidenceFile
from acsg_desktop.core.store.evidence_rows import EvidenceBlobRow, EvidenceFileRow

_COLUMNS = (
    EvidenceFileRow.id,
    EvidenceFileRow.assessment_id,
    EvidenceFileRow.indicator_id,
    EvidenceFileRow.blob_sha256,
    EvidenceBlobRow.size,
    EvidenceBlobRow.media_type,
    EvidenceFileRow.file_name,
    EvidenceFileRow.added_by,
    EvidenceFileRow.added_at,
)


def _listing() -> Any:
    return (
        select(*_COLUMNS)
        .join(EvidenceBlobRow, EvidenceBlobRow.sha256 == EvidenceFileRow.blob_sha256)
        .order_by(EvidenceFileRow.indicator_id, EvidenceFileRow.added_at, EvidenceFileRow.id)
    )


class EvidenceRepository:
    """Reads and writes evidence files."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def files(self, assessment_id: int, indicator_id: str | None = None) -> list[EvidenceFile]:
        """The files of one assessment (of one of its answers when ``indicator_id`` is given)."""
        query = _listing().where(EvidenceFileRow.assessment_id == assessment_id)
        if indicator_id is not None:
            query = query.where(EvidenceFileRow.indicator_id == indicator_id)
        return [EvidenceFile(*row) for row in self._session.execute(query)]

    def get(self, file_id: int) -> EvidenceFile | None:
        row = self._session.execute(_listing().where(EvidenceFileRow.id == file_id)).first()
        return EvidenceFile(*row) if row else None

    def total_size(self, assessment_id: int) -> int:
        """The bytes of the distinct contents attached anywhere in the assessment."""
        distinct = (
            select(EvidenceFileRow.blob_sha256)
            .where(EvidenceFileRow.assessment_id == assessment_id)
            .distinct()
            .subquery()
        )
        query = select(func.coalesce(func.sum(EvidenceBlobRow.size), 0)).where(
            EvidenceBlobRow.sha256.in_(select(distinct.c.blob_sha256))
        )
        return int(self._session.scalar(query) or 0)

    def keep_content(self, sha256: str, media_type: str, content: bytes) -> None:
        """Store ``content`` under its hash unless it is stored already."""
        if self._session.get(EvidenceBlobRow, sha256) is None:
            self._session.add(
                EvidenceBlobRow(
                    sha256=sha256, size=len(content), media_type=media_type, content=content
                )
            )

    def add(
        self, assessment_id: int, indicator_id: str, sha256: str, name: str, by: str, at: datetime
    ) -> int:
        row = EvidenceFileRow(
            assessment_id=assessment_id,
            indicator_id=indicator_id,
            blob_sha256=sha256,
            file_name=name,
            added_by=by,
            added_at=at,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def content(self, sha256: str) -> bytes:
        data = self._session.scalar(
            select(EvidenceBlobRow.content).where(EvidenceBlobRow.sha256 == sha256)
        )
        return bytes(data) if data is not None else b""

    def remove(self, file_id: int, sha256: str) -> None:
        """Drop one link, and the content once no answer links to it any more."""
        self._session.execute(delete(EvidenceFileRow).where(EvidenceFileRow.id == file_id))
        still_used = self._session.scalar(
            select(func.count()).where(EvidenceFileRow.blob_sha256 == sha256)
        )
        if not still_used:
            self._session.execute(delete(EvidenceBlobRow).where(EvidenceBlobRow.sha256 == sha256))
