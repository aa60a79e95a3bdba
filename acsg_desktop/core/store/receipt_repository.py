"""Receipts imported from the Secretariat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from acsg_desktop.core.store.rows import ReceiptRow


@dataclass(frozen=True)
class ReceiptRecord:
    receipt_id: str
    package_id: str
    issued: datetime
    verification: str
    document: str
    imported_by: str
    imported_at: datetime


def _record(row: ReceiptRow) -> ReceiptRecord:
    return ReceiptRecord(
        row.receipt_id,
        row.package_id,
        datetime.fromisoformat(row.issued),
        row.verification,
        row.document,
        row.imported_by,
        row.imported_at,
    )


class ReceiptRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, receipt_id: str) -> ReceiptRecord | None:
        row = self._session.get(ReceiptRow, receipt_id)
        return _record(row) if row else None

    def for_package(self, package_id: str) -> list[ReceiptRecord]:
        """The receipts of ``package_id``, latest issued first."""
        rows = self._session.scalars(select(ReceiptRow).where(ReceiptRow.package_id == package_id))
        return sorted((_record(row) for row in rows), key=lambda r: r.issued, reverse=True)

    def all(self) -> list[ReceiptRecord]:
        return sorted(
            (_record(row) for row in self._session.scalars(select(ReceiptRow))),
            key=lambda r: r.issued,
            reverse=True,
        )

    def add(self, record: ReceiptRecord) -> None:
        self._session.add(
            ReceiptRow(
                receipt_id=record.receipt_id,
                package_id=record.package_id,
                issued=record.issued.isoformat(),
                verification=record.verification,
                document=record.document,
                imported_by=record.imported_by,
                imported_at=record.imported_at,
            )
        )
