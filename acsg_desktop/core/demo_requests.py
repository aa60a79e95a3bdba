"""The demo's support requests: four requests in different states, with review comments."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from acsg_desktop.core.assessment.model import AssessmentSummary
from acsg_desktop.core.requests.drafting import draft_from_gaps
from acsg_desktop.core.requests.model import (
    Modality,
    PartnerKind,
    RequestContent,
    SupportRequest,
    SupportType,
)
from acsg_desktop.core.workspace import Workspace

DRAFTER, REVIEWER = "Idriss Abakar", "Fatimé Zakaria"

TEXTS = {
    "en": {
        "plan": "National asylum capacity plan 2025-2028, activity 2.3",
        "pledge": "GRF 2023 pledge on asylum capacity",
        "results": "Decisions issued within six months rise from 40% to 70% of claims.",
        "measure": "Monthly statistics from the case register, reviewed each quarter.",
        "lasting": "Trained trainers repeat the course each year; procedures are adopted "
        "by decree and funded from the national budget.",
        "comment": "Please add how many officers will take part and for how long.",
        "response": "Twelve case officers over six months; the list is in annex 2.",
        "open": "Is the budget for interpreters included in the total?",
        "withdraw": "The need is now covered by a national programme.",
    },
    "fr": {
        "plan": "Plan national de capacité d'asile 2025-2028, activité 2.3",
        "pledge": "Engagement FMR 2023 sur la capacité d'asile",
        "results": "Les décisions rendues en moins de six mois passent de 40 % à 70 % "
        "des demandes.",
        "measure": "Statistiques mensuelles du registre des dossiers, examinées chaque trimestre.",
        "lasting": "Les formateurs formés reprennent le cours chaque année ; les procédures sont "
        "adoptées par décret et financées sur le budget national.",
        "comment": "Merci de préciser combien d'officiers participeront et pendant "
        "combien de temps.",
        "response": "Douze officiers de protection pendant six mois ; la liste figure en annexe 2.",
        "open": "Le budget des interprètes est-il compris dans le total ?",
        "withdraw": "Le besoin est désormais couvert par un programme national.",
    },
}


def _complete(content: RequestContent, texts: dict[str, str], budget: int) -> RequestContent:
    return replace(
        content,
        support_types=(SupportType.TECHNICAL, SupportType.MATERIAL),
        modalities=(Modality.MENTORING_TWINNING, Modality.TRAINING_OF_TRAINERS),
        plan_linked=True,
        plan_reference=texts["plan"],
        pledge_reference=texts["pledge"],
        partner_kinds=(PartnerKind.STATE, PartnerKind.EUAA_OR_REGIONAL, PartnerKind.UN_AGENCY),
        any_region=True,
        start=date(2027, 1, 1),
        duration_months=12,
        budget=Decimal(budget),
        currency="XAF",
        expected_results=texts["results"],
        measurement=texts["measure"],
        sustainability=texts["lasting"],
    )


def create_demo_requests(
    workspace: Workspace, baseline: AssessmentSummary, language: str
) -> list[SupportRequest]:
    """Draft, in review (open comment), approved (answered comment) and withdrawn requests."""
    people, requests = workspace.people, workspace.requests
    people.save(DRAFTER, frozenset({"drafter"}), actor=DRAFTER)
    people.save(REVIEWER, frozenset({"reviewer", "signatory"}), actor=DRAFTER)
    framework = workspace.assessments.framework_of(baseline)
    gaps = list(workspace.assessments.scores(baseline.id).gaps)
    texts = TEXTS[language]
    made = []
    for number in range(4):
        chosen = gaps[number * 2 : number * 2 + 2]
        drafted = draft_from_gaps(framework, baseline.id, chosen, DRAFTER)
        made.append(
            requests.create(
                _complete(drafted, texts, 25_000_000 + number * 7_500_000), actor=DRAFTER
            )
        )
    _draft, in_review, approved, withdrawn = made
    for request in (in_review, approved):
        requests.submit_for_review(request.id, actor=DRAFTER)
    requests.comment(in_review.id, texts["open"], actor=REVIEWER)
    commented = requests.comment(approved.id, texts["comment"], actor=REVIEWER)
    requests.respond(approved.id, commented.comments[0].id, texts["response"], actor=DRAFTER)
    requests.approve(approved.id, actor=REVIEWER)
    requests.withdraw(withdrawn.id, actor=DRAFTER, reason=texts["withdraw"])
    return [requests.get(request.id) for request in made]
