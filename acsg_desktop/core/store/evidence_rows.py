"""Rows of the evidence files (migration 0017); ``rows`` imports them so that every table is
in ``Base.metadata`` (the copy between a laptop and the server walks it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from acsg_desktop.core.store.column_types import UtcDateTime
from acsg_desktop.core.store.rows import Base


class EvidenceBlobRow(Base):
    """One distinct file content, kept once whatever the number of answers it is attached to."""

    __tablename__ = "evidence_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class EvidenceFileRow(Base):
    """A file attached to one answer, under the name it had when attached."""

    __tablename__ = "evidence_file"
    __table_args__ = (UniqueConstraint("assessment_id", "indicator_id", "blob_sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    indicator_id: Mapped[str] = mapped_column(String(100))
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("evidence_blob.sha256"))
    file_name: Mapped[str] = mapped_column(String(255))
    added_by: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)
