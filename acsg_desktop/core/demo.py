"""`acsg demo`: a fictional authority with a completed 2025 baseline and a 2026 follow-up.

For training workshops and tests. Levels are drawn deterministically from each indicator's id,
so every demo folder holds the same data; notes and evidence are in the language chosen.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from acsg_desktop.core.assessment.model import Answer, AnswerKind, AssessmentSummary
from acsg_desktop.core.demo_requests import create_demo_requests
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.framework.model import Framework, Indicator
from acsg_desktop.core.i18n import _, language_as
from acsg_desktop.core.profile import Profile
from acsg_desktop.core.requests.model import SupportRequest
from acsg_desktop.core.workspace import Workspace

PEOPLE = ("Amina Mahamat", "Idriss Abakar", "Fatimé Zakaria")
CONTEXTS = {"separate_appeal_body": True, "prima_facie_used": False, "electronic_case_system": True}
UNKNOWN_INDICATORS = ("statistics-monitoring.data-quality", "integrity.risk-assessment")
UNFINISHED_IN_FOLLOW_UP = 6

EVIDENCE = {
    "en": (
        "Standard operating procedures (2024 edition) and the register of trained staff.",
        "Monthly caseload statistics for the last twelve months.",
        "Minutes of the quarterly management meeting and the follow-up table.",
        "Sample of 20 case files reviewed by the quality unit in March.",
        "Budget execution report for the last financial year.",
    ),
    "fr": (
        "Procédures opérationnelles standard (édition 2024) et registre des agents formés.",
        "Statistiques mensuelles des dossiers sur les douze derniers mois.",
        "Procès-verbaux de la réunion trimestrielle de direction et tableau de suivi.",
        "Échantillon de 20 dossiers relus par la cellule qualité en mars.",
        "Rapport d'exécution budgétaire du dernier exercice.",
    ),
}
NOTES = {
    "en": (
        "Discussed with the head of the eligibility unit.",
        "Practice differs between the capital and the field offices.",
        "Improved since the training of new case officers.",
        "",
        "Depends on external funding that ends next year.",
    ),
    "fr": (
        "Examiné avec le chef de la division de l'éligibilité.",
        "La pratique diffère entre la capitale et les bureaux de terrain.",
        "En progrès depuis la formation des nouveaux officiers de protection.",
        "",
        "Dépend d'un financement extérieur qui prend fin l'an prochain.",
    ),
}


@dataclass(frozen=True)
class DemoResult:
    baseline: AssessmentSummary
    follow_up: AssessmentSummary
    requests: list[SupportRequest]


def _draw(indicator_id: str, salt: str, choices: int) -> int:
    digest = hashlib.sha256(f"{salt}:{indicator_id}".encode()).digest()
    return digest[0] % choices


def _answer(indicator: Indicator, level: int, language: str, salt: str) -> Answer:
    if indicator.id in UNKNOWN_INDICATORS and salt == "2025":
        return Answer(indicator.id, AnswerKind.INSUFFICIENT_INFORMATION, answered_by=PEOPLE[2])
    pick = _draw(indicator.id, salt + "text", 5)
    return Answer(
        indicator_id=indicator.id,
        kind=AnswerKind.LEVEL,
        level=level,
        note=NOTES[language][pick],
        evidence=EVIDENCE[language][pick] if level >= 2 else "",
        answered_by=PEOPLE[_draw(indicator.id, salt + "who", len(PEOPLE))],
    )


def _baseline_level(indicator: Indicator) -> int:
    return 1 + _draw(indicator.id, "2025", 3)  # 1 to 3


def _fill(
    workspace: Workspace,
    assessment: AssessmentSummary,
    framework: Framework,
    language: str,
    follow_up: bool,
) -> None:
    service = workspace.assessments
    service.set_contexts(assessment.id, CONTEXTS, actor=PEOPLE[0])
    applicable = [i for i in framework.indicators if i.applies(CONTEXTS)]
    for position, indicator in enumerate(applicable):
        if follow_up and position >= len(applicable) - UNFINISHED_IN_FOLLOW_UP:
            break
        level = _baseline_level(indicator)
        if follow_up:
            level = min(5, level + _draw(indicator.id, "2026", 3) // 2 + (indicator.weight == 2))
        answer = _answer(indicator, level, language, "2026" if follow_up else "2025")
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
                "TD",
                _("Demo asylum authority (fictional)"),
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
