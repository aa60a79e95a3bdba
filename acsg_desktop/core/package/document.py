"""package.json: the assessment, its scores and gaps, and the approved requests, as data."""

from __future__ import annotations

from typing import Any

from acsg_desktop import __version__
from acsg_desktop.core.assessment.results import results_document
from acsg_desktop.core.assessment.service import AssessmentService
from acsg_desktop.core.profile import Profile
from acsg_desktop.core.requests.codec import content_to_dict
from acsg_desktop.core.requests.model import SupportRequest

FORMAT = "acsg-package/1"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _answers(service: AssessmentService, assessment_id: int) -> list[dict[str, Any]]:
    summary = service.get(assessment_id)
    framework = service.framework_of(summary)
    answers = service.answers(assessment_id)
    rows = []
    for indicator in framework.indicators:
        answer = answers.get(indicator.id)
        rows.append(
            {
                "indicator": indicator.id,
                "area": indicator.area_id,
                "question": indicator.question.get(),
                "applies": indicator.applies(summary.contexts),
                "kind": answer.kind.value if answer else None,
                "level": answer.level if answer else None,
                "note": answer.note if answer else "",
                "evidence": answer.evidence if answer else "",
                "answered_by": answer.answered_by if answer else "",
                "saved_at": _iso(answer.saved_at) if answer else None,
            }
        )
    return rows


def _request(request: SupportRequest) -> dict[str, Any]:
    return {
        "id": request.id,
        "status": request.status.value,
        "content": content_to_dict(request.content),
        "created_by": request.created_by,
        "last_editor": request.last_editor,
        "approved_by": request.approved_by,
        "approved_at": _iso(request.approved_at),
        "approval_waived": request.approval_waived,
        "comments": [
            {
                "author": c.author,
                "body": c.body,
                "response": c.response,
                "responded_by": c.responded_by,
            }
            for c in request.comments
        ],
    }


def package_document(
    service: AssessmentService,
    assessment_id: int,
    profile: Profile,
    requests: list[SupportRequest],
    prepared_by: str,
    language: str,
    package_id: str,
    created: str,
) -> dict[str, Any]:
    """Everything the Secretariat needs, in the current language for the texts."""
    summary = service.get(assessment_id)
    framework = service.framework_of(summary)
    results = results_document(framework, summary, service.scores(assessment_id))
    return {
        "format": FORMAT,
        "package_id": package_id,
        "created": created,
        "language": language,
        "app_version": __version__,
        "prepared_by": prepared_by,
        "authority": {
            "country": profile.country_code,
            "name": profile.authority_name,
            "contact_person": profile.contact_person,
            "email": profile.email,
        },
        "assessment": {
            **results["assessment"],
            "contexts": summary.contexts,
            "completed_at": _iso(summary.completed_at),
            "answers": _answers(service, assessment_id),
        },
        "scores": {
            "completion": results["completion"],
            "overall": results["overall"],
            "aims": results["aims"],
            "areas": results["areas"],
        },
        "gaps": results["gaps"],
        "insufficient_information": results["insufficient_information"],
        "requests": [_request(request) for request in requests],
    }
