"""The outbox: packages made, in sequence order, and a page of them for the list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acsg_desktop.core.records.list_rows import PackageListRow, PageOrder
from acsg_desktop.core.store.assessment_repository import utc_now
from acsg_desktop.core.store.dialect import dialect_of
from acsg_desktop.core.store.rows import AssessmentRow, PackageReservationRow, PackageRow
from acsg_desktop.core.store.sql_text import folded

WRITING, RECORDED, ABANDONED = "writing", "recorded", "abandoned"


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
    language: str = ""  # of the report; "" for packages made before it was recorded


@dataclass(frozen=True)
class Reservation:
    """A sequence number taken for a package about to be written to ``file_path``."""

    sequence: int
    package_id: str
    assessment_id: int
    content_digest: str
    file_path: str
    signer: str
    fingerprint: str
    request_ids: tuple[int, ...]
    language: str = ""


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
        row.language,
    )


_ORDERS: dict[str, Any] = {  # sort key -> column or SQL expression
    "sequence": PackageRow.sequence,
    "assessment": folded(AssessmentRow.title),  # as a reader sorts (sql_text)
    "language": PackageRow.language,
    "created": PackageRow.created_at,
    "status": PackageRow.status,
    "signer": folded(PackageRow.signer),
    "file": PackageRow.file_path,
}


def _order_by(order: PageOrder) -> tuple[Any, ...]:
    key = _ORDERS.get(order.key)
    if key is None:
        return (PackageRow.sequence.desc(),)
    if order.descending:
        return key.desc(), PackageRow.sequence.desc()
    return key.asc(), PackageRow.sequence.asc()


def _list_row(row: PackageRow, title: str | None, year: int | None) -> PackageListRow:
    return PackageListRow(
        package_id=row.package_id,
        sequence=row.sequence,
        assessment_id=row.assessment_id,
        assessment_title=title or "",
        assessment_year=year or 0,
        language=row.language,
        created_at=row.created_at,
        status=row.status,
        signer=row.signer,
        fingerprint=row.fingerprint,
        file_path=row.file_path,
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

    def page(self, offset: int, limit: int, order: PageOrder) -> list[PackageListRow]:
        """Rows ``offset`` to ``offset + limit`` of the outbox in ``order`` (newest first by
        default), each with its assessment's title."""
        dialect_of(self._session).use_text_functions(self._session)
        statement = (
            select(PackageRow, AssessmentRow.title, AssessmentRow.year)
            .outerjoin(AssessmentRow, AssessmentRow.id == PackageRow.assessment_id)
            .order_by(*_order_by(order))
            .offset(offset)
            .limit(limit)
        )
        return [
            _list_row(row, title, year) for row, title, year in self._session.execute(statement)
        ]

    def request_ids(self, package_id: str) -> tuple[int, ...]:
        """The requests ``package_id`` carried (kept with its reservation)."""
        row = self._session.scalar(
            select(PackageReservationRow).where(PackageReservationRow.package_id == package_id)
        )
        return _reservation(row).request_ids if row is not None else ()

    def set_status(self, package_id: str, status: str) -> str:
        """Change a package's status; return the previous one."""
        row = self._session.scalar(select(PackageRow).where(PackageRow.package_id == package_id))
        if row is None:
            raise KeyError(package_id)
        previous, row.status = row.status, status
        return previous

    def add(self, record: PackageRecord) -> None:
        self._session.add(PackageRow(**record.__dict__))

    def reserve(self, draft: Reservation) -> Reservation:
        """Take the next sequence number (after every package and every earlier reservation)."""
        taken = max(
            self._session.scalar(select(func.max(PackageRow.sequence))) or 0,
            self._session.scalar(select(func.max(PackageReservationRow.sequence))) or 0,
        )
        reservation = Reservation(**{**draft.__dict__, "sequence": taken + 1})
        values = {**reservation.__dict__, "request_ids": ",".join(map(str, draft.request_ids))}
        self._session.add(PackageReservationRow(**values, state=WRITING, created_at=utc_now()))
        self._session.flush()
        return reservation

    def pending(self) -> list[Reservation]:
        """Reservations whose package was never recorded (the process stopped in between)."""
        rows = self._session.scalars(
            select(PackageReservationRow)
            .where(PackageReservationRow.state == WRITING)
            .order_by(PackageReservationRow.sequence)
        )
        return [_reservation(row) for row in rows]

    def settle(self, sequence: int, state: str) -> None:
        """Mark a reservation as recorded or abandoned; its number is never issued again."""
        row = self._session.get(PackageReservationRow, sequence)
        if row is None:
            raise KeyError(sequence)
        row.state = state


def _reservation(row: PackageReservationRow) -> Reservation:
    ids = tuple(int(part) for part in row.request_ids.split(",") if part)
    return Reservation(
        row.sequence,
        row.package_id,
        row.assessment_id,
        row.content_digest,
        row.file_path,
        row.signer,
        row.fingerprint,
        ids,
        row.language,
    )
