"""Typed SQLAlchemy rows. Only repositories in this package touch them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from acsg_desktop.core.store.column_types import JsonText, UtcDateTime


class Base(DeclarativeBase):
    """Declarative base of every row."""


class AuthorityProfileRow(Base):
    """The national asylum authority using this data folder (a single row, id 1)."""

    __tablename__ = "authority_profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    country_code: Mapped[str] = mapped_column(String(2))
    authority_name: Mapped[str] = mapped_column(String(200))
    contact_person: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    preferred_language: Mapped[str] = mapped_column(String(8))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PersonRow(Base):
    """Someone in the authority who drafts, reviews or signs."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    passphrase_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # On an office server, the PostgreSQL login that is this person (since 0015).
    login: Mapped[str | None] = mapped_column(String(63), nullable=True, unique=True)


class FrameworkSnapshotRow(Base):
    """A framework version exactly as an assessment started with it (kept readable forever)."""

    __tablename__ = "framework_snapshot"
    __table_args__ = (UniqueConstraint("framework_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    framework_id: Mapped[str] = mapped_column(String(50))
    version: Mapped[str] = mapped_column(String(20))
    content: Mapped[str] = mapped_column(JsonText)


class AssessmentRow(Base):
    """One self-assessment (e.g. the 2026 baseline), pinned to a framework version."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)
    framework_id: Mapped[str] = mapped_column(String(50))
    framework_version: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    contexts: Mapped[str] = mapped_column(JsonText, default="{}")
    cursor: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    copied_from: Mapped[int | None] = mapped_column(
        ForeignKey("assessment.id", ondelete="SET NULL"), nullable=True
    )
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class AnswerRow(Base):
    """The answer to one indicator in one assessment."""

    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("assessment_id", "indicator_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    indicator_id: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(30))
    level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(String(200), default="")
    fingerprint: Mapped[str] = mapped_column(String(32), default="")
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class SupportRequestRow(Base):
    """A support request; what the drafter wrote is kept as JSON in ``content``."""

    __tablename__ = "support_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), index=True)
    content: Mapped[str] = mapped_column(JsonText)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_editor: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    approved_by: Mapped[str] = mapped_column(String(200), default="")
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    approval_waived: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    match_stage: Mapped[str | None] = mapped_column(String(20), nullable=True)
    match_message: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Share of the required fields done (0 to 1), kept by the requests service; NULL until it
    # has worked it out (requests stored before revision 0014).
    completeness: Mapped[float | None] = mapped_column(Float, nullable=True)


class RequestCommentRow(Base):
    """A reviewer's comment on a request, and the drafter's response."""

    __tablename__ = "request_comment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("support_request.id", ondelete="CASCADE"), index=True
    )
    author: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    response: Mapped[str] = mapped_column(Text, default="")
    responded_by: Mapped[str] = mapped_column(String(200), default="")
    responded_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class AuditRow(Base):
    """One append-only audit entry; ``hash`` covers it and the previous entry's hash."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(200))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(100), index=True)
    action: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str] = mapped_column(Text)
    new_value: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AppSettingRow(Base):
    """An authority-wide setting stored with the data (e.g. the single-person approval waiver)."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class GuideDocumentRow(Base):
    """One language version of a practice guide (indexed by the guide_fts FTS5 table)."""

    __tablename__ = "guide_document"
    __table_args__ = (UniqueConstraint("guide_id", "lang"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guide_id: Mapped[str] = mapped_column(String(100))
    lang: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(30))
    areas: Mapped[str] = mapped_column(JsonText)
    aims: Mapped[str] = mapped_column(JsonText)
    region: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)


class GuideBookmarkRow(Base):
    """A guide the user bookmarked."""

    __tablename__ = "guide_bookmark"

    guide_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PackageRow(Base):
    """A signed package written for the Secretariat."""

    __tablename__ = "package"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36), unique=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    sha256: Mapped[str] = mapped_column(String(64))
    content_digest: Mapped[str] = mapped_column(String(64), index=True)
    file_path: Mapped[str] = mapped_column(Text)
    assessment_id: Mapped[int] = mapped_column(Integer)
    signer: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    language: Mapped[str] = mapped_column(String(5), default="")  # "" before 0013


class PackageReservationRow(Base):
    """A sequence number taken before a package file is written, so that it is never issued
    twice, even when the process is killed between writing the file and recording it."""

    __tablename__ = "package_reservation"

    sequence: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    package_id: Mapped[str] = mapped_column(String(36), unique=True)
    assessment_id: Mapped[int] = mapped_column(Integer)
    content_digest: Mapped[str] = mapped_column(String(64))
    file_path: Mapped[str] = mapped_column(Text)
    signer: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(100))
    request_ids: Mapped[str] = mapped_column(Text)  # "1,2": comma-separated ids, not JSON
    state: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    language: Mapped[str] = mapped_column(String(5), default="")


class OfferRow(Base):
    """One offer of the installed catalogue, as its offers.json item (``document``)."""

    __tablename__ = "offer"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    document: Mapped[str] = mapped_column(JsonText)


class OfferInterestRow(Base):
    """An offer a request names as one the authority would like to discuss."""

    __tablename__ = "offer_interest"

    request_id: Mapped[int] = mapped_column(
        ForeignKey("support_request.id", ondelete="CASCADE"), primary_key=True
    )
    offer_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    catalogue_version: Mapped[int] = mapped_column(Integer)
    marked_by: Mapped[str] = mapped_column(String(200))
    marked_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReceiptRow(Base):
    """A signed receipt from the Secretariat, imported for one of our packages."""

    __tablename__ = "receipt"

    receipt_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36), index=True)
    issued: Mapped[str] = mapped_column(String(40))
    verification: Mapped[str] = mapped_column(String(20))
    document: Mapped[str] = mapped_column(Text)
    imported_by: Mapped[str] = mapped_column(String(200))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DeskPackageRow(Base):
    """A package received at the Secretariat's desk (kept byte for byte in ``file_path``)."""

    __tablename__ = "desk_package"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36), unique=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    country: Mapped[str] = mapped_column(String(2), index=True)
    authority: Mapped[str] = mapped_column(String(200))
    signer: Mapped[str] = mapped_column(String(400))
    signer_fingerprint: Mapped[str] = mapped_column(String(100))
    certified: Mapped[bool] = mapped_column(Boolean, default=False)
    sequence: Mapped[int] = mapped_column(Integer)
    previous_sha256: Mapped[str] = mapped_column(String(64))
    created: Mapped[str] = mapped_column(String(40))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)  # since 0014
    state: Mapped[str] = mapped_column(String(20), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    file_path: Mapped[str] = mapped_column(Text)
    document: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    replies: Mapped[str] = mapped_column(JsonText, default="{}")


class DeskCertificateRow(Base):
    """An authority certificate the desk issued, and its revocation if any."""

    __tablename__ = "desk_certificate"

    serial: Mapped[str] = mapped_column(String(64), primary_key=True)
    country: Mapped[str] = mapped_column(String(2))
    authority: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(400))
    fingerprint: Mapped[str] = mapped_column(String(100), unique=True)
    not_after: Mapped[datetime] = mapped_column(UtcDateTime)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    pem: Mapped[str] = mapped_column(Text)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    revocation_reason: Mapped[str] = mapped_column(Text, default="")


class PlanActionRow(Base):
    """One action of an assessment's action plan (since 0016)."""

    __tablename__ = "plan_action"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    indicator_id: Mapped[str] = mapped_column(String(100), default="")
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


# Defined apart (this module is long enough), imported here so that Base.metadata has them.
from acsg_desktop.core.store.contribution_rows import (  # noqa: E402
    ContributionImportRow as ContributionImportRow,
)
from acsg_desktop.core.store.evidence_rows import (  # noqa: E402
    EvidenceBlobRow as EvidenceBlobRow,
)
from acsg_desktop.core.store.evidence_rows import (  # noqa: E402
    EvidenceFileRow as EvidenceFileRow,
)
