"""The demo's support requests: four requests in different states, with review comments.

Each answers a different gap of the 2025 baseline, with its own results, modalities and partners:
a country of origin information unit (peer authorities, draft), the backlog (UN agency and a peer,
in review), legal information and counselling with civil society and a refugee-led organisation
(approved) and quality assurance with a university (withdrawn).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.demo.requests_es import EXCHANGES_ES, PLAN_ES, PLEDGE_ES, TEXTS_ES
from acsg_desktop.core.demo.script import typeset
from acsg_desktop.core.records.assessment import AssessmentSummary
from acsg_desktop.core.records.requests import (
    Focus,
    Modality,
    PartnerKind,
    RequestContent,
    SupportRequest,
    SupportType,
)
from acsg_desktop.core.requests.drafting import draft_from_gaps
from acsg_desktop.core.workspace import Workspace

DRAFTER, REVIEWER = "Idriss Abakar", "Fatimé Zakaria"
# Every demo person's account passphrase: the demo is for training, and says so when made.
DEMO_PASSPHRASE = "valdoria-demo"
NBSP, NNBSP = "\u00a0", "\u202f"

PLAN = {
    "en": "National asylum capacity development plan 2025-2028, activity {activity}",
    "fr": "Plan national de développement des capacités d'asile 2025-2028, activité {activity}",
    "es": PLAN_ES,
}
PLEDGE = {
    "en": "Pledge of Valdoria at the Global Refugee Forum 2023 on asylum capacity (fictional)",
    "fr": "Engagement de la Valdorie au Forum mondial sur les réfugiés 2023 sur la capacité d'asile"
    " (fictif)",
    "es": PLEDGE_ES,
}


@dataclass(frozen=True)
class DemoRequest:
    """One scripted request: what it answers, how, with whom, and what it should change."""

    areas: tuple[str, ...]
    activity: str
    support_types: tuple[SupportType, ...]
    modalities: tuple[Modality, ...]
    partners: tuple[PartnerKind, ...]
    any_region: bool
    start: date
    months: int
    budget: int
    texts: dict[str, dict[str, str]]  # language -> results, measure, lasting


REQUESTS = (
    DemoRequest(  # stays a draft
        areas=("evidence-coi",),
        activity="3.1",
        support_types=(SupportType.TECHNICAL,),
        modalities=(Modality.EXPERT_DEPLOYMENT, Modality.MENTORING_TWINNING),
        partners=(PartnerKind.STATE, PartnerKind.EUAA_OR_REGIONAL),
        any_region=True,
        start=date(2027, 3, 1),
        months=18,
        budget=60_000,
        texts={
            "en": {
                "results": "A unit of two researchers answers officers' research requests within "
                "ten working days; a sourced library on the five main countries of origin is "
                "updated every six months.",
                "measure": "The unit's log of requests and answer dates; a six-monthly check of "
                "the library's dates and sources.",
                "lasting": "Both posts are in the 2027 staffing table; the unit's working method "
                "is adopted by decision of the president.",
            },
            "fr": {
                "results": "Une cellule de deux documentalistes répond aux demandes de recherche "
                "des agents en dix jours ouvrables ; une bibliothèque sourcée sur les cinq "
                "principaux pays d'origine est mise à jour tous les six mois.",
                "measure": "Le registre des demandes et des dates de réponse de la cellule ; un "
                "contrôle semestriel des dates et des sources de la bibliothèque.",
                "lasting": "Les deux postes figurent au tableau des effectifs 2027 ; la méthode de "
                "travail de la cellule est adoptée par décision du président.",
            },
            "es": TEXTS_ES["3.1"],
        },
    ),
    DemoRequest(  # in review, with an open comment
        areas=("case-management", "processing-modalities"),
        activity="2.3",
        support_types=(SupportType.TECHNICAL, SupportType.MATERIAL),
        modalities=(Modality.EXPERT_DEPLOYMENT, Modality.SYSTEM_DEVELOPMENT, Modality.EQUIPMENT),
        partners=(PartnerKind.UN_AGENCY, PartnerKind.STATE),
        any_region=True,
        start=date(2027, 1, 1),
        months=24,
        budget=120_000,
        texts={
            "en": {
                "results": "Claims pending for more than six months, 900 at the 2026 count, "
                "fall to under 400 by the end of 2028; written triage criteria send simple "
                "claims to a shorter procedure.",
                "measure": "Monthly figures from the case register on claims pending by age, "
                "reviewed each quarter by the management meeting.",
                "lasting": "Triage criteria are adopted by decree; the register's new reports "
                "are maintained by the commission's own IT officer.",
            },
            "fr": {
                "results": "Les demandes en attente depuis plus de six mois, au nombre de 900 "
                "lors du décompte de 2026, passent sous la barre des 400 d'ici à la fin de "
                "2028 ; des critères de tri écrits orientent les demandes simples vers une "
                "procédure plus courte.",
                "measure": "Chiffres mensuels du registre des dossiers sur les demandes en attente "
                "par ancienneté, examinés chaque trimestre en réunion de direction.",
                "lasting": "Les critères de tri sont adoptés par décret ; les nouveaux états du "
                "registre sont tenus par l'informaticien de la commission.",
            },
            "es": TEXTS_ES["2.3"],
        },
    ),
    DemoRequest(  # approved, its comment answered
        areas=("legal-aid",),
        activity="4.2",
        support_types=(SupportType.FINANCIAL, SupportType.TECHNICAL),
        modalities=(Modality.FUNDING, Modality.TRAINING_OF_TRAINERS),
        partners=(PartnerKind.CIVIL_SOCIETY, PartnerKind.LEGAL_AID, PartnerKind.REFUGEE_LED),
        any_region=False,
        start=date(2027, 2, 1),
        months=12,
        budget=45_000,
        texts={
            "en": {
                "results": "At least 60% of applicants at the capital office get free counselling "
                "before their interview, and every appellant who cannot pay is offered a lawyer "
                "or counsellor from an agreed list.",
                "measure": "Attendance sheets kept by the partners; a short survey of applicants "
                "run each quarter with the refugee-led organisation.",
                "lasting": "Providers work under written agreements with quality standards; "
                "counselling moves to the national legal aid budget from 2028.",
            },
            "fr": {
                "results": "Au moins 60 % des demandeurs du bureau de la capitale bénéficient d'un "
                "conseil gratuit avant leur entretien, et chaque requérant sans ressources se voit "
                "proposer un avocat ou un conseiller inscrit sur une liste convenue.",
                "measure": "Feuilles de présence tenues par les partenaires ; une courte enquête "
                "auprès des demandeurs menée chaque trimestre avec l'organisation dirigée par "
                "des réfugiés.",
                "lasting": "Les prestataires travaillent dans le cadre d'accords écrits assortis "
                "de normes de qualité ; le conseil passe sur le budget national de l'aide "
                "juridique à partir de 2028.",
            },
            "es": TEXTS_ES["4.2"],
        },
    ),
    DemoRequest(  # withdrawn
        areas=("quality-assurance",),
        activity="3.4",
        support_types=(SupportType.TECHNICAL,),
        modalities=(Modality.STUDY_VISIT, Modality.MENTORING_TWINNING),
        partners=(PartnerKind.ACADEMIA, PartnerKind.STATE),
        any_region=True,
        start=date(2027, 4, 1),
        months=9,
        budget=30_000,
        texts={
            "en": {
                "results": "A quality reviewer audits a sample of 20 decisions each quarter with "
                "a written checklist, and the findings go to the training plan.",
                "measure": "Quarterly audit reports and the share of decisions rated correct.",
                "lasting": "The reviewer's post and the checklist are part of the commission's "
                "rules of procedure.",
            },
            "fr": {
                "results": "Un contrôleur qualité audite chaque trimestre un échantillon de 20 "
                "décisions à l'aide d'une grille écrite, et les constats alimentent le plan de "
                "formation.",
                "measure": "Rapports d'audit trimestriels et part des décisions jugées correctes.",
                "lasting": "Le poste de contrôleur et la grille figurent au règlement intérieur de "
                "la commission.",
            },
            "es": TEXTS_ES["3.4"],
        },
    ),
)
EXCHANGES = {
    "en": {
        "open": "Does the total include the laptops for the field office?",
        "comment": "Please say how the refugee-led organisation will be chosen and paid.",
        "response": "Through a call for expressions of interest shared with the refugee "
        "community committees; its costs are a separate line of the budget (annex 2).",
        "withdraw": "The need is now covered by a national programme funded from the 2027 budget.",
    },
    "fr": {
        "open": f"Le total comprend-il les ordinateurs portables du bureau de terrain{NNBSP}?",
        "comment": "Merci de préciser comment l'organisation dirigée par des réfugiés sera choisie "
        "et rémunérée.",
        "response": "Par un appel à manifestation d'intérêt diffusé auprès des comités de "
        f"réfugiés{NNBSP}; ses coûts forment une ligne distincte du budget (annexe 2).",
        "withdraw": "Le besoin est désormais couvert par un programme national financé sur le "
        "budget 2027.",
    },
    "es": EXCHANGES_ES,
}


def _complete(content: RequestContent, script: DemoRequest, language: str) -> RequestContent:
    texts = script.texts[language]
    return replace(
        content,
        support_types=script.support_types,
        modalities=script.modalities,
        focus=Focus.INSTITUTIONAL,
        plan_linked=True,
        plan_reference=PLAN[language].format(activity=script.activity),
        pledge_reference=PLEDGE[language],
        partner_kinds=script.partners,
        any_region=script.any_region,
        start=script.start,
        duration_months=script.months,
        budget=Decimal(script.budget),
        currency="USD",
        expected_results=typeset(texts["results"], language),
        measurement=typeset(texts["measure"], language),
        sustainability=typeset(texts["lasting"], language),
    )


def _gaps_for(
    script: DemoRequest, gaps: list[Gap], used: set[str], framework_areas: set[str]
) -> list[Gap]:
    """The request's gaps: the first of each of its areas, then more of them, two at most; the
    next unused gaps if the framework has none there."""
    free = [g for g in gaps if g.indicator_id not in used]
    chosen = [next((g for g in free if g.area_id == area), None) for area in script.areas]
    wanted = [g for g in chosen if g is not None]
    wanted += [g for g in free if g.area_id in script.areas and g not in wanted]
    if not wanted or not set(script.areas) & framework_areas:
        wanted = free
    return wanted[:2]


def _mark_offers_of_interest(workspace: Workspace, counts: dict[int, int]) -> None:
    """The drafter marks the best suggestions of some requests as offers to discuss."""
    for request_id, count in counts.items():
        for suggestion in workspace.offers.for_request(request_id)[:count]:
            workspace.offers.set_interest(request_id, suggestion.offer.id, True, actor=DRAFTER)


# On an office server, each demo person gets a login of their own (password: the passphrase).
DEMO_LOGINS = {
    "Amina Mahamat": ("acsg_demo_amina", {"administrator", "drafter", "reviewer", "signatory"}),
    DRAFTER: ("acsg_demo_idriss", {"drafter"}),
    REVIEWER: ("acsg_demo_fatime", {"reviewer", "signatory"}),
}


def add_demo_officials(workspace: Workspace) -> None:
    """On an office server, the three demo people as officials with their own logins; the
    login that makes the demo may act for them (it plays their parts)."""
    for name, (login, roles) in DEMO_LOGINS.items():
        if workspace.people.get(name) is None:
            workspace.people.add_official(
                name, frozenset(roles), login, DEMO_PASSPHRASE, act_for=True
            )


def add_demo_people(workspace: Workspace) -> None:
    """The drafter and the reviewer beside the contact person (the administrator), each with
    the demo passphrase: an office of several people signs in."""
    if workspace.database.is_server:
        return  # made with their logins before the demo began (add_demo_officials)
    people = workspace.people
    profile = workspace.profiles.get()
    administrator = profile.contact_person if profile else ""
    people.set_passphrase(administrator, DEMO_PASSPHRASE, actor=administrator)
    for name, roles in ((DRAFTER, {"drafter"}), (REVIEWER, {"reviewer", "signatory"})):
        people.save(
            name,
            frozenset(roles),
            actor=administrator,
            proof=DEMO_PASSPHRASE,
            passphrase=DEMO_PASSPHRASE,
        )


def create_demo_requests(
    workspace: Workspace, baseline: AssessmentSummary, language: str
) -> list[SupportRequest]:
    """Draft, in review (open comment), approved (answered comment) and withdrawn requests."""
    requests = workspace.requests
    add_demo_people(workspace)
    framework = workspace.assessments.framework_of(baseline)
    gaps = list(workspace.assessments.scores(baseline.id).gaps)
    areas = {area.id for area in framework.areas}
    exchanges = EXCHANGES[language]
    made: list[SupportRequest] = []
    used: set[str] = set()
    for script in REQUESTS:
        chosen = _gaps_for(script, gaps, used, areas)
        used |= {gap.indicator_id for gap in chosen}
        drafted = draft_from_gaps(framework, baseline.id, chosen, DRAFTER)
        made.append(requests.create(_complete(drafted, script, language), actor=DRAFTER))
    _draft, in_review, approved, withdrawn = made
    for request in (in_review, approved):
        requests.submit_for_review(request.id, actor=DRAFTER)
    requests.comment(in_review.id, exchanges["open"], actor=REVIEWER)
    commented = requests.comment(approved.id, exchanges["comment"], actor=REVIEWER)
    requests.respond(approved.id, commented.comments[0].id, exchanges["response"], actor=DRAFTER)
    _mark_offers_of_interest(workspace, {approved.id: 2, _draft.id: 1})
    requests.approve(approved.id, actor=REVIEWER)
    requests.withdraw(withdrawn.id, actor=DRAFTER, reason=exchanges["withdraw"])
    return [requests.get(request.id) for request in made]
