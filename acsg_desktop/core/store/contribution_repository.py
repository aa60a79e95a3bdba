"""The contributions already imported into an assessment (table ``contribution_import``)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from acsg_desktop.core.records.contributions import CommonState, ImportRecord
from acsg_desktop.core.store.contribution_rows import ContributionImportRow


def _record(row: ContributionImportRow) -> ImportRecord:
    common = json.loads(row.common or "{}")
    return ImportRecord(
        assessment_id=row.assessment_id,
        contribution_id=row.contribution_id,
        sha256=row.sha256,
        contributor=row.contributor,
        signer_fingerprint=row.signer_fingerprint,
        created_at=row.created_at,
        imported_by=row.imported_by,
        imported_at=row.imported_at,
        common={
            indicator: CommonState(str(pair["theirs"]), str(pair["ours"]))
            for indicator, pair in common.items()
        },
    )


class ContributionRepository:
    """Reads and writes import records; returns plain objects, never rows."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def for_assessment(self, assessment_id: int) -> list[ImportRecord]:
        """Every import into ``assessment_id``, the latest first."""
        rows = self._session.scalars(
            select(ContributionImportRow)
            .where(ContributionImportRow.assessment_id == assessment_id)
            .order_by(ContributionImportRow.imported_at.desc(), ContributionImportRow.id.desc())
        )
        return [_record(row) for row in rows]

    def with_hash(self, assessment_id: int, sha256: str) -> ImportRecord | None:
        """The import of the file with this SHA-256 into ``assessment_id``, if any."""
        row = self._session.scalars(
            select(ContributionImportRow).where(
                ContributionImportRow.assessment_id == assessment_id,
                ContributionImportRow.sha256 == sha256,
            )
        ).first()
        return _record(row) if row else None

    def latest_from(self, assessment_id: int, contributor: str) -> ImportRecord | None:
        """The last contribution of ``contributor`` imported into ``assessment_id``."""
        return next(
            (r for r in self.for_assessment(assessment_id) if r.contributor == contributor), None
        )

    def common_with(self, assessment_id: int, contributor: str) -> dict[str, CommonState]:
        """Per indicator, the state shared after the latest import of ``contributor``'s
        contributions that held it."""
        shared: dict[str, CommonState] = {}
        for record in reversed(self.for_assessment(assessment_id)):
            if record.contributor == contributor:
                shared.update(record.common)
        return shared

    def add(self, record: ImportRecord) -> None:
        common = {
            indicator: {"theirs": state.theirs, "ours": state.ours}
            for indicator, state in record.common.items()
        }
        self._session.add(
            ContributionImportRow(
                assessment_id=record.assessment_id,
                contribution_id=record.contribution_id,
                sha256=record.sha256,
                contributor=record.contributor,
                signer_fingerprint=record.signer_fingerprint,
                created_at=record.created_at,
                imported_by=record.imported_by,
                imported_at=record.imported_at,
                common=json.dumps(common, ensure_ascii=False, sort_keys=True),
            )
        )
        self._session.flush()
