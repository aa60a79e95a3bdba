"""The outbox: packages made, in sequence order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from acsg_desktop.core.store.rows import PackageRow


@dataclass(frozen=True)
class PackageRecord:
    package_id: str
    sequence: int
    sha256: str
    content_digest: str
    file_path: str
    assessment_id: int
    signer: str
    fingerprint: str
    status: str
    created_at: datetime


def _record(row: PackageRow) -> PackageRecord:
    return PackageRecord(
        row.package_id,
        row.sequence,
        row.sha256,
        row.content_digest,
        row.file_path,
        row.assessment_id,
        row.signer,
        row.fingerprint,
        row.status,
        row.created_at,
    )


class PackageRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def latest(self) -> PackageRecord | None:
        row = self._session.scalar(select(PackageRow).order_by(PackageRow.sequence.desc()))
        return _record(row) if row else None

    def with_content(self, digest: str) -> PackageRecord | None:
        row = self._session.scalar(select(PackageRow).where(PackageRow.content_digest == digest))
        return _record(row) if row else None

    def for_assessment(self, assessment_id: int) -> PackageRecord | None:
        """The latest package made from ``assessment_id``."""
        row = self._session.scalar(
            select(PackageRow)
            .where(PackageRow.assessment_id == assessment_id)
            .order_by(PackageRow.sequence.desc())
        )
        return _record(row) if row else None

    def all(self) -> list[PackageRecord]:
        rows = self._session.scalars(select(PackageRow).order_by(PackageRow.sequence.desc()))
        return [_record(row) for row in rows]

    def set_status(self, package_id: str, status: str) -> str:
        """Change a package's status; return the previous one."""
        row = self._session.scalar(select(PackageRow).where(PackageRow.package_id == package_id))
        if row is None:
            raise KeyError(package_id)
        previous, row.status = row.status, status
        return previous

    def add(self, record: PackageRecord) -> None:
        self._session.add(PackageRow(**record.__dict__))
