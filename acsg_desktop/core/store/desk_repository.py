"""The desk's packages and certificates; plain objects in and out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from acsg_desktop.core.records.desk import IssuedCertificate, PackageState, ReceivedPackage
from acsg_desktop.core.records.list_rows import PageOrder, ReceivedListRow
from acsg_desktop.core.store.desk_list import received_count, received_page
from acsg_desktop.core.store.rows import DeskCertificateRow, DeskPackageRow


def _package(row: DeskPackageRow) -> ReceivedPackage:
    return ReceivedPackage(
        id=row.id,
        package_id=row.package_id,
        sha256=row.sha256,
        country=row.country,
        authority=row.authority,
        signer=row.signer,
        signer_fingerprint=row.signer_fingerprint,
        certified=row.certified,
        sequence=row.sequence,
        previous_sha256=row.previous_sha256,
        created=datetime.fromisoformat(row.created),
        received_at=row.received_at,
        state=PackageState(row.state),
        reason=row.reason,
        file_path=row.file_path,
        document=row.document,
        decided_by=row.decided_by,
        replies=row.replies,
    )


def _certificate(row: DeskCertificateRow) -> IssuedCertificate:
    return IssuedCertificate(
        row.serial,
        row.country,
        row.authority,
        row.subject,
        row.fingerprint,
        row.not_after,
        row.issued_at,
        row.pem,
        row.revoked_at,
        row.revocation_reason,
    )


class DeskRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- Packages ---------------------------------------------------------------------------

    def find(self, package_id: str, sha256: str) -> ReceivedPackage | None:
        """A package already received with this id or these exact bytes."""
        row = self._session.scalar(
            select(DeskPackageRow).where(
                or_(DeskPackageRow.package_id == package_id, DeskPackageRow.sha256 == sha256)
            )
        )
        return _package(row) if row else None

    def get(self, package_id: str) -> ReceivedPackage | None:
        row = self._session.scalar(
            select(DeskPackageRow).where(DeskPackageRow.package_id == package_id)
        )
        return _package(row) if row else None

    def latest_accepted(self, country: str, authority: str) -> ReceivedPackage | None:
        """The authority's accepted package with the highest sequence."""
        row = self._session.scalar(
            select(DeskPackageRow)
            .where(
                DeskPackageRow.country == country,
                DeskPackageRow.authority == authority,
                DeskPackageRow.state == PackageState.ACCEPTED.value,
            )
            .order_by(DeskPackageRow.sequence.desc())
        )
        return _package(row) if row else None

    def packages(self) -> list[ReceivedPackage]:
        """Every package received, by country, authority, then sequence."""
        rows = self._session.scalars(
            select(DeskPackageRow).order_by(
                DeskPackageRow.country, DeskPackageRow.authority, DeskPackageRow.sequence
            )
        )
        return [_package(row) for row in rows]

    def page(
        self, offset: int, limit: int, order: PageOrder, labels: Mapping[str, str]
    ) -> list[ReceivedListRow]:
        """One page of the received list, sorted in SQL (see :mod:`desk_list`)."""
        return received_page(self._session, offset, limit, order, labels)

    def count(self) -> int:
        return received_count(self._session)

    def add(self, package: ReceivedPackage) -> int:
        values = asdict(package)
        values.pop("id")
        values["state"] = package.state.value
        values["created"] = package.created.isoformat()
        row = DeskPackageRow(**values)
        self._session.add(row)
        self._session.flush()
        return row.id

    def decide(self, package_id: str, state: PackageState, person: str, reason: str) -> str:
        """A person's decision on a held package; returns the state before."""
        row = self._session.scalar(
            select(DeskPackageRow).where(DeskPackageRow.package_id == package_id)
        )
        if row is None:
            raise KeyError(package_id)
        before = row.state
        row.state, row.decided_by, row.reason = state.value, person, reason
        return before

    def set_replies(self, package_id: str, replies: str) -> None:
        row = self._session.scalar(
            select(DeskPackageRow).where(DeskPackageRow.package_id == package_id)
        )
        if row is None:
            raise KeyError(package_id)
        row.replies = replies

    # --- Certificates -----------------------------------------------------------------------

    def add_certificate(self, certificate: IssuedCertificate) -> None:
        self._session.add(DeskCertificateRow(**asdict(certificate)))

    def certificates(self) -> list[IssuedCertificate]:
        rows = self._session.scalars(
            select(DeskCertificateRow).order_by(DeskCertificateRow.issued_at)
        )
        return [_certificate(row) for row in rows]

    def certificate(self, serial: str) -> IssuedCertificate | None:
        row = self._session.get(DeskCertificateRow, serial)
        return _certificate(row) if row else None

    def revoke(self, serial: str, at: datetime, reason: str) -> None:
        row = self._session.get(DeskCertificateRow, serial)
        if row is None:
            raise KeyError(serial)
        row.revoked_at, row.revocation_reason = at, reason
