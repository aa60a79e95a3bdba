"""The demo's story, indicator by indicator: levels in 2025 and 2026, evidence and notes.

Indicators of one area share a level unless EXCEPTIONS (script_exceptions.py) gives one its own
level, evidence and note; related indicators of different areas agree (second review, appeal feedback,
allocation); the evidence named fits each indicator, and nothing above level 1 goes without it.
"""

# ruff: noqa: E501  (the script's sentences are kept whole, one per line)
from __future__ import annotations

from dataclasses import replace

from acsg_desktop.core.demo.area_script import AreaScript
from acsg_desktop.core.demo.area_script import area_script as _s
from acsg_desktop.core.demo.script_es import DEFAULT_ES, EXCEPTIONS_ES, SCRIPT_ES
from acsg_desktop.core.demo.script_exceptions import EXCEPTIONS
from acsg_desktop.core.framework.model import Indicator

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
NBSP, NNBSP = "\u00a0", "\u202f"


def _in_spanish(area: AreaScript, texts: tuple[str, str]) -> AreaScript:
    """``area`` with its Spanish evidence and note (script_es.py) beside the English and French."""
    evidence, note = texts
    return replace(area, evidence={**area.evidence, "es": evidence}, note={**area.note, "es": note})


def _with_spanish(
    scripts: dict[str, AreaScript], spanish: dict[str, tuple[str, str]]
) -> dict[str, AreaScript]:
    return {key: _in_spanish(area, spanish.get(key, ("", ""))) for key, area in scripts.items()}


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
        "Decree creating the National Asylum Commission, its rules of procedure, the organisation chart with job descriptions, the minutes of its sittings and of the quarterly coordination committee.",
        "Décret créant la Commission nationale de l'asile, son règlement intérieur, l'organigramme avec les fiches de poste, les procès-verbaux de ses séances et ceux du comité de coordination trimestriel.",
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
        "Registration procedure with its instruction to border and police posts, the monthly registration figures from the case register and the 2024 reception arrangement with the ministry of social affairs.",
        "Procédure d'enregistrement et son instruction aux postes frontière et de police, chiffres mensuels d'enregistrement tirés du registre des dossiers et accord d'accueil de 2024 avec le ministère des affaires sociales.",
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
        "No quality assurance function; errors come to light only when the commission happens to see a decision of the appeals chamber.",
        "Aucune fonction d'assurance qualité ; les erreurs n'apparaissent que lorsque la commission prend connaissance, par hasard, d'une décision de la chambre de recours.",
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
        "Refugee identity card model, the 2024 figures of cards issued and the circular on the rights the card gives.",
        "Modèle de carte d'identité de réfugié, chiffres 2024 des cartes délivrées et circulaire sur les droits attachés à la carte.",
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
        "Instruction of the president on confidentiality and data sharing (2023), with its register of transfers and its breach procedure; user accounts of the case register, the backup log and the file movement book.",
        "Instruction du président sur la confidentialité et la communication des données (2023), avec son registre des transmissions et sa procédure en cas de violation ; comptes du registre des dossiers, journal des sauvegardes et cahier des mouvements de dossiers.",
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
        2,
        2,
        "Notice at the main office saying that services are free, and the note of the head of registration on two 2024 cases of payment demanded for an appointment.",
        "Affiche du bureau principal indiquant que les services sont gratuits, et note du chef de l'enregistrement sur deux cas de paiement exigé pour un rendez-vous en 2024.",
        "Managers know some risks, but fraud risks have not been mapped in writing; a supervisor allocates cases without written criteria; suspected cases go to the president, who decides case by case.",
        "Les responsables connaissent certains risques, mais les risques de fraude n'ont pas été recensés par écrit ; un superviseur attribue les dossiers sans critères écrits ; les cas suspects remontent au président, qui décide au cas par cas.",
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
        "Statistics tables drawn from the case register: half-yearly totals in 2024, a monthly table by nationality, sex and age since 2026.",
        "Tableaux statistiques tirés du registre des dossiers : totaux semestriels en 2024, tableau mensuel par nationalité, sexe et âge depuis 2026.",
        "2025: totals twice a year. 2026: a monthly table with written definitions, checked against the register every month.",
        "2025 : totaux deux fois par an. 2026 : tableau mensuel aux définitions écrites, vérifié chaque mois par rapport au registre.",
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
SCRIPT, EXCEPTIONS = _with_spanish(SCRIPT, SCRIPT_ES), _with_spanish(EXCEPTIONS, EXCEPTIONS_ES)
DEFAULT_SCRIPT = _in_spanish(
    _s(
        2,
        2,
        "Internal note of the commission on this subject.",
        "Note interne de la commission sur ce sujet.",
        "",
        "",
    ),
    DEFAULT_ES,
)


def typeset(text: str, language: str) -> str:
    """French spacing in the demo's texts, written with plain spaces: a no-break space before
    : and %, a narrow one before ; ? !. English and Spanish texts need none."""
    if language != "fr":
        return text
    for mark, space in ((":", NBSP), ("%", NBSP), (";", NNBSP), ("?", NNBSP), ("!", NNBSP)):
        text = text.replace(" " + mark, space + mark)
    return text


def script_for(indicator: Indicator) -> AreaScript:
    """The indicator's script: its area's, or its own where it stands apart."""
    area = SCRIPT.get(indicator.area_id, DEFAULT_SCRIPT)
    own = EXCEPTIONS.get(indicator.id)
    if own is None:
        return area
    evidence = own.evidence if own.evidence["en"] else area.evidence
    note = own.note if own.note["en"] else area.note
    return AreaScript(own.baseline, own.follow_up, evidence, note)


def scripted_level(indicator: Indicator, follow_up: bool) -> int:
    """The level the script gives ``indicator`` in 2025 or 2026."""
    script = script_for(indicator)
    return script.follow_up if follow_up else script.baseline
