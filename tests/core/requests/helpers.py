"""A complete request and a workspace with a drafter and a reviewer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from acsg_desktop.core.records.requests import (
    Focus,
    Modality,
    PartnerKind,
    RequestContent,
    SupportType,
)
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import TEST_PASSPHRASE, add_staff

DRAFTER, REVIEWER, SIGNATORY = "Idriss Abakar", "Fatimé Zakaria", "Amina Mahamat"

COMPLETE = RequestContent(
    title="Country of origin information unit",
    areas=("evidence-coi",),
    aims=("fairness", "efficiency"),
    support_types=(SupportType.TECHNICAL,),
    modalities=(Modality.MENTORING_TWINNING,),
    focus=Focus.INSTITUTIONAL,
    description="Set up a small COI unit able to answer research requests within ten days.",
    plan_linked=True,
    plan_reference="Plan 2025-2028, activity 3.1",
    partner_kinds=(PartnerKind.STATE, PartnerKind.EUAA_OR_REGIONAL),
    start=date(2027, 3, 1),
    duration_months=18,
    budget=Decimal("45000000"),
    currency="XAF",
    expected_results="Research answered within ten days for 80% of requests.",
    measurement="Monthly log of research requests and answer dates.",
    sustainability="Two researchers on the national payroll from 2028.",
    contact_person=DRAFTER,
)


def staffed(workspace: Workspace, proof: str = TEST_PASSPHRASE) -> Workspace:
    """The drafter, the reviewer and the signatory, added by the administrator (``proof``);
    on an office server, each an official with a login of their own."""
    add_staff(
        workspace,
        {DRAFTER: {"drafter"}, REVIEWER: {"reviewer"}, SIGNATORY: {"signatory", "drafter"}},
        proof,
    )
    return workspace


def incomplete() -> RequestContent:
    return replace(COMPLETE, description="Too short", budget=None, partner_kinds=())
