"""Names of request choices and statuses in the current language."""

from __future__ import annotations

from enum import StrEnum

from acsg_desktop.core.i18n import N_, _
from acsg_desktop.core.records.offers import OfferStatus, PledgingArea
from acsg_desktop.core.records.requests import (
    Focus,
    MatchStage,
    Modality,
    PartnerKind,
    RequestStatus,
    SupportType,
)

LABELS: dict[StrEnum, str] = {
    SupportType.TECHNICAL: N_("Technical"),
    SupportType.MATERIAL: N_("Material"),
    SupportType.FINANCIAL: N_("Financial"),
    Modality.EXPERT_DEPLOYMENT: N_("Expert deployment"),
    Modality.MENTORING_TWINNING: N_("Mentoring or twinning"),
    Modality.STUDY_VISIT: N_("Study visit"),
    Modality.TRAINING_OF_TRAINERS: N_("Training of trainers"),
    Modality.EQUIPMENT: N_("Equipment"),
    Modality.SYSTEM_DEVELOPMENT: N_("System development"),
    Modality.FUNDING: N_("Funding"),
    Modality.OTHER: N_("Other"),
    Focus.INSTITUTIONAL: N_("Institutional capacity"),
    Focus.INDIVIDUAL: N_("Individual capacity"),
    PartnerKind.STATE: N_("State"),
    PartnerKind.EUAA_OR_REGIONAL: N_("EUAA or regional body"),
    PartnerKind.UN_AGENCY: N_("UN agency"),
    PartnerKind.CIVIL_SOCIETY: N_("Civil society"),
    PartnerKind.LEGAL_AID: N_("Legal aid provider"),
    PartnerKind.REFUGEE_LED: N_("Refugee-led organisation"),
    PartnerKind.ACADEMIA: N_("Academia"),
    PartnerKind.PRIVATE_SECTOR: N_("Private sector"),
    RequestStatus.DRAFT: N_("Draft"),
    RequestStatus.IN_REVIEW: N_("In review"),
    RequestStatus.APPROVED: N_("Approved"),
    RequestStatus.EXPORTED: N_("Exported"),
    RequestStatus.WITHDRAWN: N_("Withdrawn"),
    MatchStage.PROPOSED: N_("Proposed"),
    MatchStage.UNDER_DISCUSSION: N_("Under discussion"),
    MatchStage.AGREED: N_("Agreed (planning)"),
    MatchStage.IN_PROGRESS: N_("In progress"),
    MatchStage.COMPLETED: N_("Completed"),
    MatchStage.NOT_MATCHED: N_("Not matched"),
    OfferStatus.OPEN: N_("Open"),
    OfferStatus.COMMITTED: N_("Committed"),
    OfferStatus.CLOSED: N_("Closed"),
    PledgingArea.INSTITUTIONAL: N_("Strong institutional capacities"),
    PledgingArea.LEGAL: N_("Legislative and regulatory frameworks"),
    PledgingArea.PROCEDURES: N_("Procedures, systems and practices for efficiency and quality"),
    PledgingArea.EXPERTISE: N_("Diverse expertise, innovation and research"),
}


def label(choice: StrEnum) -> str:
    """The name of ``choice`` in the current language."""
    return _(LABELS[choice])
