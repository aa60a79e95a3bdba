"""The demo's story, indicator by indicator: levels in 2025 and 2026, evidence and notes.

Indicators of one area share a level unless EXCEPTIONS gives one its own level, evidence and
note; related indicators of different areas agree (second review, appeal feedback,
allocation); the evidence named fits each indicator, and nothing above level 1 goes without it.
"""

# ruff: noqa: E501  (the script's sentences are kept whole, one per line)
from __future__ import annotations

from dataclasses import dataclass, replace

from acsg_desktop.core.demo.script_es import DEFAULT_ES, EXCEPTIONS_ES, SCRIPT_ES
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
# Indicators that stand apart from their area's level, each with the evidence and note that fit
# it (empty texts: the area's). Related indicators of different areas agree (tests/core/test_demo.py).
EXCEPTIONS: dict[str, AreaScript] = {
    "legal-framework.implementing-rules": _s(
        2,
        2,
        "Implementing decree of 2022 (registration and interview) and the circulars of 2023 on notification.",
        "Décret d'application de 2022 (enregistrement et entretien) et circulaires de 2023 sur la notification.",
        "Implementing rules cover registration and the interview; appeals and notification have no written procedure yet.",
        "Les règles d'application couvrent l'enregistrement et l'entretien ; les recours et la notification n'ont pas encore de procédure écrite.",
    ),
    "legal-framework.review-consultation": _s(
        2,
        2,
        "Letter of UNHCR of 2024 on the gaps of the law, answered by the commission.",
        "Lettre du HCR de 2024 sur les lacunes de la loi, à laquelle la commission a répondu.",
        "Problems with the law are known but not collected; a revision has been discussed without a timetable.",
        "Les problèmes de la loi sont connus mais ne sont pas recensés ; une révision a été évoquée, sans calendrier.",
    ),
    "governance.independence": _s(
        3,
        3,
        "Rules of procedure of the commission (decisions rest on the file, the law and country information) and the conflict-of-interest declarations signed by its members.",
        "Règlement intérieur de la commission (les décisions reposent sur le dossier, la loi et les informations sur les pays) et déclarations de conflit d'intérêts signées par ses membres.",
        "",
        "",
    ),
    "governance.oversight": _s(
        2,
        2,
        "Two letters of the ombudsperson (2024) on complaints from applicants, with no formal reply on file.",
        "Deux lettres du médiateur (2024) sur des plaintes de demandeurs, sans réponse formelle au dossier.",
        "The ombudsperson receives a few complaints from applicants but has no agreed access to asylum premises.",
        "Le médiateur reçoit quelques plaintes de demandeurs mais n'a pas d'accès convenu aux locaux de l'asile.",
    ),
    "governance.rsd-handover": _s(
        3,
        3,
        "Handover plan agreed with UNHCR in 2024, with its stages and the list of files to transfer.",
        "Plan de reprise convenu avec le HCR en 2024, avec ses étapes et la liste des dossiers à transférer.",
        "",
        "",
    ),
    "planning-resources.budget": _s(2, 2, "", "", "", ""),
    "planning-resources.financial-management": _s(2, 2, "", "", "", ""),
    "planning-resources.external-funding": _s(2, 2, "", "", "", ""),
    "case-management.workload-allocation": _s(
        2,
        2,
        "",
        "",
        "A supervisor allocates cases without written rules; workloads are not tracked.",
        "Un superviseur attribue les dossiers sans règles écrites ; la charge de travail n'est pas suivie.",
    ),
    "case-management.digital-roadmap": _s(2, 2, "", "", "", ""),
    "quality-assurance.pre-decision-review": _s(
        2,
        2,
        "Sample of ten decisions read by the head of unit in 2024; which drafts are read is not recorded.",
        "Échantillon de dix décisions lues par le chef de service en 2024 ; le choix des projets relus n'est pas consigné.",
        "The head of unit reads some drafts informally, depending on his time; the reading is not recorded.",
        "Le chef de service relit certains projets de manière informelle, selon son temps ; la relecture n'est pas consignée.",
    ),
    "quality-assurance.external-feedback": _s(
        2,
        2,
        "Folder of the appeal decisions the commission asked the chamber for in 2024.",
        "Classeur des décisions de recours que la commission a demandées à la chambre en 2024.",
        "Some appeal decisions reach the commission; nobody records why a decision was overturned.",
        "Certaines décisions de recours parviennent à la commission ; personne ne consigne pourquoi une décision a été annulée.",
    ),
    "appeals.members-and-case-law": _s(
        2,
        2,
        "Programme of the 2023 seminar on refugee law attended by some members of the chamber.",
        "Programme du séminaire de 2023 sur le droit des réfugiés suivi par certains membres de la chambre.",
        "The chamber sends its decisions to the commission only when asked; its members have had a one-off seminar.",
        "La chambre ne transmet ses décisions à la commission que sur demande ; ses membres ont suivi un séminaire ponctuel.",
    ),
    "legal-aid.procedural-information": _s(
        2,
        2,
        "Leaflet on the procedure (2024), in French only.",
        "Dépliant sur la procédure (2024), en français seulement.",
        "",
        "",
    ),
    "status-and-rights.family-unity": _s(
        2,
        2,
        "Case register extract of the 2024 decisions extending status to spouses and minor children.",
        "Extrait du registre des décisions de 2024 étendant le statut aux conjoints et aux enfants mineurs.",
        "Spouses and minor children receive the same status in practice, without a written rule; family reunification is left to the ministry of foreign affairs.",
        "Les conjoints et les enfants mineurs reçoivent le même statut dans la pratique, sans règle écrite ; le regroupement familial relève du ministère des affaires étrangères.",
    ),
    "status-and-rights.cessation-revocation": _s(
        3,
        3,
        "Articles of Asylum Law No. 12 of 2021 on cessation, cancellation and revocation, and the hearing procedure of the implementing decree.",
        "Articles de la loi sur l'asile n° 12 de 2021 sur la cessation, l'annulation et la révocation, et procédure d'audition du décret d'application.",
        "No status has been ended yet; the procedure has not been used.",
        "Aucun statut n'a encore pris fin ; la procédure n'a pas été utilisée.",
    ),
    "staffing-training.code-of-conduct": _s(
        2,
        2,
        "",
        "",
        "The code is on paper; interpreters are not covered by it.",
        "Le code existe sur papier ; les interprètes n'y sont pas soumis.",
    ),
    "staffing-training.wellbeing": _s(2, 2, "", "", "", ""),
    "statistics-monitoring.performance": _s(2, 2, "", "", "", ""),
    "statistics-monitoring.publication": _s(2, 2, "", "", "", ""),
    "partnerships.academia": _s(
        3,
        3,
        "Memorandum of 2024 with the university law clinic (refugee law course and internships).",
        "Convention de 2024 avec la clinique juridique de l'université (cours de droit des réfugiés et stages).",
        "",
        "",
    ),
    "partnerships.civil-society": _s(
        2,
        2,
        "Attendance lists of two ad hoc meetings with NGOs in 2024, which record who came but not the issues raised; other contacts are letters and e-mails handled case by case.",
        "Listes de présence de deux réunions ponctuelles avec des ONG en 2024, qui indiquent qui était présent mais pas les questions soulevées ; les autres contacts sont des lettres et courriels traités au cas par cas.",
        "Meetings are occasional and rest on a few officials; the issues raised are neither recorded nor followed up.",
        "Les réunions sont ponctuelles et reposent sur quelques agents ; les questions soulevées ne sont ni consignées ni suivies.",
    ),
    "partnerships.refugee-led": _s(1, 1, "", "", "", ""),
    "contingency.plan": _s(1, 1, "", "", "", ""),
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
