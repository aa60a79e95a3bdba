"""Support requests as plain objects: what is asked, and where it stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum


class SupportType(StrEnum):
    TECHNICAL = "technical"
    MATERIAL = "material"
    FINANCIAL = "financial"


class Modality(StrEnum):
    EXPERT_DEPLOYMENT = "expert_deployment"
    MENTORING_TWINNING = "mentoring_twinning"
    STUDY_VISIT = "study_visit"
    TRAINING_OF_TRAINERS = "training_of_trainers"
    EQUIPMENT = "equipment"
    SYSTEM_DEVELOPMENT = "system_development"
    FUNDING = "funding"
    OTHER = "other"


class Focus(StrEnum):
    INSTITUTIONAL = "institutional"
    INDIVIDUAL = "individual"


class PartnerKind(StrEnum):
    STATE = "state"
    EUAA_OR_REGIONAL = "euaa_or_regional_body"
    UN_AGENCY = "un_agency"
    CIVIL_SOCIETY = "civil_society"
    LEGAL_AID = "legal_aid"
    REFUGEE_LED = "refugee_led"
    ACADEMIA = "academia"
    PRIVATE_SECTOR = "private_sector"


class RequestStatus(StrEnum):
    """draft -> in review -> approved -> exported; the Secretariat's reply is its match stage."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    EXPORTED = "exported"
    WITHDRAWN = "withdrawn"


class MatchStage(StrEnum):
    """Where the Secretariat's matching of an exported request stands, in the ACSG's words."""

    PROPOSED = "proposed"
    UNDER_DISCUSSION = "under_discussion"
    AGREED = "agreed"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    NOT_MATCHED = "not_matched"


@dataclass(frozen=True)
class RequestContent:
    """Everything the drafter writes. Empty values mean "not given yet"."""

    title: str = ""
    assessment_id: int | None = None
    areas: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    aims: tuple[str, ...] = ()
    support_types: tuple[SupportType, ...] = ()
    modalities: tuple[Modality, ...] = ()
    focus: Focus | None = None
    description: str = ""
    plan_linked: bool | None = None
    plan_reference: str = ""
    pledge_reference: str = ""
    partner_kinds: tuple[PartnerKind, ...] = ()
    any_region: bool = True
    start: date | None = None
    duration_months: int | None = None
    budget: Decimal | None = None
    currency: str = ""
    expected_results: str = ""
    measurement: str = ""
    sustainability: str = ""
    contact_person: str = ""


@dataclass(frozen=True)
class Comment:
    """A reviewer's comment and the drafter's response to it."""

    id: int
    author: str
    body: str
    created_at: datetime
    response: str = ""
    responded_by: str = ""
    responded_at: datetime | None = None

    @property
    def answered(self) -> bool:
        """Answered by someone other than its author (a reviewer cannot satisfy herself)."""
        return bool(self.response.strip()) and self.responded_by != self.author


@dataclass(frozen=True)
class SupportRequest:
    """A stored request with its status, people and review."""

    id: int
    content: RequestContent
    status: RequestStatus
    created_by: str
    created_at: datetime
    last_editor: str
    updated_at: datetime
    approved_by: str = ""
    approved_at: datetime | None = None
    approval_waived: bool = False
    comments: tuple[Comment, ...] = field(default_factory=tuple)
    version: int = 1
    match_stage: MatchStage | None = None
    match_message: str = ""
