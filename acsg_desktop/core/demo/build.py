"""`acsg demo`: an invented authority with a completed 2025 baseline and a 2026 follow-up.

For training workshops and tests. The country (Valdoria, code XA) and its asylum commission are
fictional. The answers follow one script rather than chance, so that a trainer can tell the
story: a young first-instance commission with a law and a case register, a backlog, no country
of origin information unit, no quality assurance and almost no legal aid; a year later the
capacity plan and the backlog plan have moved, the rest has not. Indicators of one area agree
with each other, the evidence named fits the area, and nothing above level 1 goes without it.
"""

# ruff: noqa: E501  (the script's sentences are kept whole, one per line)
from __future__ import annotations

from dataclasses import dataclass

from acsg_desktop.core.demo.country import DEMO_AUTHORITY, DEMO_COUNTRY
from acsg_desktop.core.demo.requests import create_demo_requests
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.framework.model import Framework, Indicator
from acsg_desktop.core.i18n import _, language_as
from acsg_desktop.core.records.assessment import Answer, AnswerKind, AssessmentSummary
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.records.requests import SupportRequest
from acsg_desktop.core.workspace import Workspace

PEOPLE = ("Amina Mahamat", "Idriss Abakar", "Fatimé Zakaria")

# The context questions of every framework version the demo has known; unknown ones are "no".
CONTEXT_SCRIPT = {
    "separate_appeal_body": True,  # 2026.1: an appeals chamber of the administrative court
    "prima_facie_used": False,
    "electronic_case_system": True,  # a case register database since 2023
    "unhcr_mandate_rsd": True,  # UNHCR still decides some claims while the commission grows
    "applicants_detained": False,
    "border_or_accelerated_procedure": False,
}
UNKNOWN_IN_BASELINE = ("statistics-monitoring.data-quality", "integrity.risk-assessment")
UNFINISHED_IN_FOLLOW_UP = 6
NBSP = "\u00a0"


@dataclass(frozen=True)
class AreaScript:
    """One area of the story: its level in 2025 and 2026, and what the team wrote."""

    baseline: int
    follow_up: int
    evidence: dict[str, str]
    note: dict[str, str]


def _s(
    baseline: int, follow_up: int, evidence_en: str, evidence_fr: str, note_en: str, note_fr: str
) -> AreaScript:
    evidence = {"en": evidence_en, "fr": evidence_fr}
    return AreaScript(baseline, follow_up, evidence, {"en": note_en, "fr": note_fr})


SCRIPT: dict[str, AreaScript] = {
    "legal-framework": _s(
        3,
        3,
        "Asylum Law No. 12 of 2021 and its implementing decree of 2022, with their gazette numbers.",
        "Loi sur l'asile n° 12 de 2021 et son décret d'application de 2022, avec leurs numéros au Journal officiel.",
        "The law is in force; some implementing rules are still missing.",
        "La loi est en vigueur ; certaines règles d'application manquent encore.",
    ),
    "governance": _s(
        3,
        3,
        "Decree creating the National Asylum Commission, its organisation chart and the minutes of its sittings.",
        "Décret créant la Commission nationale de l'asile, son organigramme et les procès-verbaux de ses séances.",
        "The commission sits every month; the handover of cases from UNHCR is agreed but not finished.",
        "La commission siège chaque mois ; la reprise des dossiers du HCR est convenue mais pas achevée.",
    ),
    "planning-resources": _s(
        2,
        3,
        "Draft capacity development plan 2025-2028 and the 2025 budget line of the commission.",
        "Projet de plan de développement des capacités 2025-2028 et ligne budgétaire 2025 de la commission.",
        "2025: the plan is a draft. 2026: adopted by the minister in March, first actions under way.",
        "2025 : le plan est un projet. 2026 : adopté par le ministre en mars, premières actions engagées.",
    ),
    "premises-equipment": _s(
        2,
        2,
        "Inventory of offices and equipment, March 2025: two interview rooms, eleven computers.",
        "Inventaire des locaux et équipements, mars 2025 : deux salles d'entretien, onze ordinateurs.",
        "The field office shares one room and works without a generator.",
        "Le bureau de terrain partage une seule salle et travaille sans groupe électrogène.",
    ),
    "access-registration": _s(
        3,
        3,
        "Registration procedure and the monthly registration figures from the case register.",
        "Procédure d'enregistrement et chiffres mensuels d'enregistrement tirés du registre des dossiers.",
        "Registration within 15 days in the capital, longer at the border post.",
        "Enregistrement sous 15 jours dans la capitale, plus long au poste frontière.",
    ),
    "processing-modalities": _s(
        2,
        2,
        "Note of the president on priority cases (2024); no written triage criteria yet.",
        "Note du président sur les dossiers prioritaires (2024) ; pas encore de critères de tri écrits.",
        "Every claim follows the same regular procedure.",
        "Toutes les demandes suivent la même procédure ordinaire.",
    ),
    "case-management": _s(
        2,
        3,
        "Case register extract: 1 400 claims pending for more than six months (December 2024).",
        "Extrait du registre : 1 400 demandes en attente depuis plus de six mois (décembre 2024).",
        "2025: backlog measured, no plan. 2026: backlog plan adopted, older claims down to 900.",
        "2025 : arriéré mesuré, sans plan. 2026 : plan de réduction adopté, dossiers anciens ramenés à 900.",
    ),
    "interview-interpretation": _s(
        2,
        2,
        "Interview guide (2023) and the list of interpreters paid per session.",
        "Guide d'entretien (2023) et liste des interprètes payés à la séance.",
        "Interpreters for the main languages only; none has been trained.",
        "Des interprètes pour les principales langues seulement ; aucun n'a été formé.",
    ),
    "evidence-coi": _s(
        1,
        1,
        "",
        "",
        "No country of origin information unit; officers search the internet case by case.",
        "Pas de cellule d'informations sur les pays d'origine ; les agents cherchent sur internet au cas par cas.",
    ),
    "decision-quality": _s(
        2,
        2,
        "Decision template (2024) and a sample of ten decisions read by the head of unit.",
        "Modèle de décision (2024) et échantillon de dix décisions lues par le chef de service.",
        "Reasons are written, but credibility and country information are rarely discussed.",
        "Les décisions sont motivées, mais la crédibilité et les informations sur le pays sont rarement discutées.",
    ),
    "quality-assurance": _s(
        1,
        1,
        "",
        "",
        "No quality assurance function; errors are found when the appeals chamber overturns a decision.",
        "Aucune fonction d'assurance qualité ; les erreurs apparaissent lorsque la chambre de recours annule une décision.",
    ),
    "appeals": _s(
        3,
        3,
        "Law on the administrative court (appeals chamber) and its 2024 activity report.",
        "Loi sur le tribunal administratif (chambre de recours) et son rapport d'activité 2024.",
        "Appeals suspend removal; the chamber decides in about eight months.",
        "Le recours suspend l'éloignement ; la chambre statue en huit mois environ.",
    ),
    "status-and-rights": _s(
        3,
        3,
        "Refugee identity card model and the 2024 figures of cards issued.",
        "Modèle de carte d'identité de réfugié et chiffres 2024 des cartes délivrées.",
        "Cards are issued; travel documents take several months.",
        "Les cartes sont délivrées ; les titres de voyage prennent plusieurs mois.",
    ),
    "legal-aid": _s(
        1,
        1,
        "",
        "",
        "Applicants get a leaflet in French only; no free counselling at first instance.",
        "Les demandeurs reçoivent un dépliant en français seulement ; aucun conseil gratuit en première instance.",
    ),
    "specific-needs": _s(
        2,
        2,
        "Registration form with a field for specific needs, and the referral list of the health ministry.",
        "Formulaire d'enregistrement avec une rubrique sur les besoins spécifiques, et liste d'orientation du ministère de la santé.",
        "Needs are noted at registration but rarely acted on.",
        "Les besoins sont notés à l'enregistrement mais rarement suivis d'effet.",
    ),
    "confidentiality-data": _s(
        3,
        3,
        "Confidentiality rules signed by staff, user accounts of the case register and the backup log.",
        "Règles de confidentialité signées par le personnel, comptes du registre des dossiers et journal des sauvegardes.",
        "Rules are applied; paper files are kept in a locked room.",
        "Les règles sont appliquées ; les dossiers papier sont conservés dans une salle fermée à clé.",
    ),
    "staffing-training": _s(
        2,
        3,
        "Staffing table (14 case officers for 2 600 claims a year) and the training records.",
        "Tableau des effectifs (14 agents de protection pour 2 600 demandes par an) et registre des formations.",
        "2026: six case officers recruited and trained under the capacity plan.",
        "2026 : six agents de protection recrutés et formés au titre du plan de développement des capacités.",
    ),
    "integrity": _s(
        3,
        3,
        "Code of conduct, the register of declared conflicts of interest and the complaints box log.",
        "Code de conduite, registre des conflits d'intérêts déclarés et relevé de la boîte à plaintes.",
        "Controls exist; fraud risks have not been mapped.",
        "Des contrôles existent ; les risques de fraude n'ont pas été recensés.",
    ),
    "contingency": _s(
        2,
        2,
        "Note on the 2023 arrivals at the border post and the measures taken then.",
        "Note sur les arrivées de 2023 au poste frontière et les mesures prises alors.",
        "No written contingency plan; the 2023 response was improvised.",
        "Pas de plan d'urgence écrit ; la réponse de 2023 a été improvisée.",
    ),
    "statistics-monitoring": _s(
        2,
        3,
        "Monthly statistics table drawn from the case register.",
        "Tableau statistique mensuel tiré du registre des dossiers.",
        "2026: figures checked against the register every quarter.",
        "2026 : chiffres vérifiés chaque trimestre par rapport au registre.",
    ),
    "partnerships": _s(
        2,
        2,
        "Minutes of the two 2024 meetings with NGOs and the memorandum with the university law clinic.",
        "Comptes rendus des deux réunions de 2024 avec les ONG et convention avec la clinique juridique de l'université.",
        "Dialogue is occasional; refugee-led organisations have never been invited.",
        "Le dialogue est ponctuel ; les organisations dirigées par des réfugiés n'ont jamais été invitées.",
    ),
}
# Indicators that stand apart from their area's level, each for a reason the note gives.
EXCEPTIONS: dict[str, tuple[int, int]] = {
    "partnerships.refugee-led": (1, 1),
    "contingency.plan": (1, 1),
}
DEFAULT_SCRIPT = _s(
    2,
    2,
    "Internal note of the commission on this subject.",
    "Note interne de la commission sur ce sujet.",
    "",
    "",
)


@dataclass(frozen=True)
class DemoResult:
    baseline: AssessmentSummary
    follow_up: AssessmentSummary
    requests: list[SupportRequest]


def _typeset(text: str, language: str) -> str:
    """French spacing before : and ; in the script's texts (written with plain spaces)."""
    if language != "fr":
        return text
    return text.replace(" :", NBSP + ":").replace(" ;", "\u202f;")


def script_for(indicator: Indicator) -> AreaScript:
    return SCRIPT.get(indicator.area_id, DEFAULT_SCRIPT)


def scripted_level(indicator: Indicator, follow_up: bool) -> int:
    """The level the script gives ``indicator`` in 2025 or 2026."""
    area = script_for(indicator)
    baseline, later = EXCEPTIONS.get(indicator.id, (area.baseline, area.follow_up))
    return later if follow_up else baseline


def _answer(indicator: Indicator, position: int, language: str, follow_up: bool) -> Answer:
    if indicator.id in UNKNOWN_IN_BASELINE and not follow_up:
        return Answer(indicator.id, AnswerKind.INSUFFICIENT_INFORMATION, answered_by=PEOPLE[2])
    level = scripted_level(indicator, follow_up)
    area = script_for(indicator)
    return Answer(
        indicator_id=indicator.id,
        kind=AnswerKind.LEVEL,
        level=level,
        note=_typeset(area.note[language], language),
        evidence=_typeset(area.evidence[language], language) if level >= 2 else "",
        answered_by=PEOPLE[position % len(PEOPLE)],
    )


def _fill(
    workspace: Workspace,
    assessment: AssessmentSummary,
    framework: Framework,
    language: str,
    follow_up: bool,
) -> None:
    service = workspace.assessments
    contexts = {context.id: CONTEXT_SCRIPT.get(context.id, False) for context in framework.contexts}
    service.set_contexts(assessment.id, contexts, actor=PEOPLE[0])
    applicable = [i for i in framework.indicators if i.applies(contexts)]
    for position, indicator in enumerate(applicable):
        if follow_up and position >= len(applicable) - UNFINISHED_IN_FOLLOW_UP:
            break
        answer = _answer(indicator, position, language, follow_up)
        service.save_answer(assessment.id, answer, actor=answer.answered_by)


def create_demo(workspace: Workspace, language: str) -> DemoResult:
    """Fill an empty data folder with the demo authority and its two assessments, titled and
    annotated in ``language``."""
    with language_as(language):
        return _create_demo(workspace, language)


def _create_demo(workspace: Workspace, language: str) -> DemoResult:
    if workspace.assessments.list():
        raise AcsgError(
            _("This data folder already holds assessments; run the demo in an empty folder.")
        )
    if workspace.profiles.get() is None:
        workspace.profiles.save(
            Profile(
                DEMO_COUNTRY,
                DEMO_AUTHORITY.get(language, DEMO_AUTHORITY["en"]),
                PEOPLE[0],
                "demo@example.org",
                language,
            )
        )
    service = workspace.assessments
    framework = service.shipped_framework()
    baseline = service.create(_("2025 baseline"), 2025, actor=PEOPLE[0])
    _fill(workspace, baseline, framework, language, follow_up=False)
    service.complete(baseline.id, actor=PEOPLE[0])
    follow_up = service.create(_("2026 follow-up"), 2026, actor=PEOPLE[0])
    _fill(workspace, follow_up, framework, language, follow_up=True)
    requests = create_demo_requests(workspace, service.get(baseline.id), language)
    workspace.set_current_user(PEOPLE[0])
    return DemoResult(service.get(baseline.id), service.get(follow_up.id), requests)
