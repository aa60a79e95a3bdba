"""A new request nobody has written in yet: it may be deleted, leaving no trace but the audit."""

from __future__ import annotations

from dataclasses import fields

from acsg_desktop.core.records.requests import RequestContent, RequestStatus, SupportRequest

# What the form fills in by itself: a draft with nothing else is blank.
_FORM_DEFAULTS = ("contact_person", "start", "currency", "any_region")


def is_blank_draft(request: SupportRequest) -> bool:
    """True for a draft without comments whose content is only the form's defaults."""
    if request.status is not RequestStatus.DRAFT or request.comments:
        return False
    blank = RequestContent()
    return all(
        getattr(request.content, field.name) == getattr(blank, field.name)
        for field in fields(RequestContent)
        if field.name not in _FORM_DEFAULTS
    )
