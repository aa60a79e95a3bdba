"""Request content to and from JSON (for the store, the CLI and the package)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from acsg_desktop.core.records.requests import (
    Focus,
    Modality,
    PartnerKind,
    RequestContent,
    SupportRequest,
    SupportType,
)


def content_to_dict(content: RequestContent) -> dict[str, Any]:
    """Plain JSON-ready data; the budget is a string so that no precision is lost."""
    return {
        "title": content.title,
        "assessment_id": content.assessment_id,
        "areas": list(content.areas),
        "indicators": list(content.indicators),
        "aims": list(content.aims),
        "support_types": [choice.value for choice in content.support_types],
        "modalities": [choice.value for choice in content.modalities],
        "focus": content.focus.value if content.focus else None,
        "description": content.description,
        "plan_linked": content.plan_linked,
        "plan_reference": content.plan_reference,
        "pledge_reference": content.pledge_reference,
        "partner_kinds": [choice.value for choice in content.partner_kinds],
        "any_region": content.any_region,
        "start": content.start.isoformat() if content.start else None,
        "duration_months": content.duration_months,
        "budget": str(content.budget) if content.budget is not None else None,
        "currency": content.currency,
        "expected_results": content.expected_results,
        "measurement": content.measurement,
        "sustainability": content.sustainability,
        "contact_person": content.contact_person,
    }


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def content_from_dict(data: dict[str, Any]) -> RequestContent:
    """The inverse of ``content_to_dict``; unknown choices are dropped, never a crash."""

    def choices(key: str, kind: Any) -> tuple[Any, ...]:
        values = {member.value for member in kind}
        return tuple(kind(value) for value in data.get(key, []) if value in values)

    focus = data.get("focus")
    return RequestContent(
        title=str(data.get("title", "")),
        assessment_id=data.get("assessment_id"),
        areas=tuple(data.get("areas", [])),
        indicators=tuple(data.get("indicators", [])),
        aims=tuple(data.get("aims", [])),
        support_types=choices("support_types", SupportType),
        modalities=choices("modalities", Modality),
        focus=Focus(focus) if focus in {f.value for f in Focus} else None,
        description=str(data.get("description", "")),
        plan_linked=data.get("plan_linked"),
        plan_reference=str(data.get("plan_reference", "")),
        pledge_reference=str(data.get("pledge_reference", "")),
        partner_kinds=choices("partner_kinds", PartnerKind),
        any_region=bool(data.get("any_region", True)),
        start=date.fromisoformat(data["start"]) if data.get("start") else None,
        duration_months=data.get("duration_months"),
        budget=_decimal(data.get("budget")),
        currency=str(data.get("currency", "")),
        expected_results=str(data.get("expected_results", "")),
        measurement=str(data.get("measurement", "")),
        sustainability=str(data.get("sustainability", "")),
        contact_person=str(data.get("contact_person", "")),
    )


def content_to_json(content: RequestContent) -> str:
    return json.dumps(content_to_dict(content), ensure_ascii=False, sort_keys=True)


def content_from_json(text: str) -> RequestContent:
    return content_from_dict(json.loads(text))


def request_to_dict(request: SupportRequest) -> dict[str, Any]:
    """A whole request as JSON-ready data (for ``acsg request show --json`` and the package).

    Who approved it is None (JSON null) while nobody has, never an empty string; so is the
    time of the approval. Timestamps are ISO 8601 strings.
    """
    return {
        "id": request.id,
        "status": request.status.value,
        "content": content_to_dict(request.content),
        "created_by": request.created_by,
        "last_editor": request.last_editor,
        "approved_by": request.approved_by or None,
        "approved_at": request.approved_at.isoformat() if request.approved_at else None,
        "approval_waived": request.approval_waived,
        "comments": [
            {
                "author": comment.author,
                "body": comment.body,
                "response": comment.response,
                "responded_by": comment.responded_by,
            }
            for comment in request.comments
        ],
    }
