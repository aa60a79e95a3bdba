"""Rows of the contributions imported from other laptops (migration 0018); ``rows`` imports
them so that every table is in ``Base.metadata`` (the copy to a server walks it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from acsg_desktop.core.store.column_types import JsonText, UtcDateTime
from acsg_desktop.core.store.rows import Base


class ContributionImportRow(Base):
    """One contribution file merged into an assessment, and the state both sides then shared
    (``common``: indicator -> digests of their answer and ours), to tell conflicts next time."""

    __tablename__ = "contribution_import"
    __table_args__ = (UniqueConstraint("assessment_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    contribution_id: Mapped[str] = mapped_column(String(36))
    sha256: Mapped[str] = mapped_column(String(64))
    contributor: Mapped[str] = mapped_column(String(200))
    signer_fingerprint: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    imported_by: Mapped[str] = mapped_column(String(200))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    common: Mapped[str] = mapped_column(JsonText)
