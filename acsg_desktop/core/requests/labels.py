"""Names of request choices and statuses in the current language."""

from __future__ import annotations

from enum import StrEnum

from acsg_desktop.core.i18n import N_, _
from acsg_desktop.core.records.requests import (
    Focus,
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
    RequestStatus.MATCHED: N_("Matched"),
    RequestStatus.NOT_MATCHED: N_("Not matched"),
    RequestStatus.WITHDRAWN: N_("Withdrawn"),
}


def label(choice: StrEnum) -> str:
    """The name of ``choice`` in the current language."""
    return _(LABELS[choice])
