"""Audit entries described in the user's language (the log itself stays in stable codes)."""

from __future__ import annotations

from acsg_desktop.core.audit.chain import AuditEntry
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.core.records.assessment import STATUS_LABELS, AssessmentStatus
from acsg_desktop.core.records.requests import MatchStage, RequestStatus
from acsg_desktop.core.requests.labels import label

ACTIONS = {
    "create": N_("Created"),
    "status": N_("Status changed"),
    "answer": N_("Answer"),
    "contexts": N_("Context questions"),
    "roles": N_("Roles"),
    "set": N_("Setting changed"),
    "comment": N_("Review comment"),
    "response": N_("Response to a comment"),
    "edit": N_("Changed"),
    "match_stage": N_("The Secretariat's reply"),
    "offer_interest": N_("Offer of interest"),
}
# Statuses that older versions recorded for the Secretariat's reply (now match stages).
FORMER_STATUSES = {"matched": N_("Matched"), "not_matched": N_("Not matched")}


def action_label(entry: AuditEntry) -> str:
    """What the entry records, e.g. "Changed: budget" or "Status changed"."""
    kind, _separator, detail = entry.action.partition(":")
    text = _(ACTIONS.get(kind, kind))
    return f"{text}: {detail}" if kind == "edit" and detail else text


def _status(value: str) -> str:
    if value in {status.value for status in RequestStatus}:
        return label(RequestStatus(value))
    if value in {status.value for status in AssessmentStatus}:
        return _(STATUS_LABELS[AssessmentStatus(value)])
    return _(FORMER_STATUSES[value]) if value in FORMER_STATUSES else value


def _stage(value: str) -> str:
    return label(MatchStage(value)) if value in {s.value for s in MatchStage} else value


def value_label(entry: AuditEntry, value: str) -> str:
    """A before/after value as shown: statuses in the user's language, the rest as recorded."""
    if entry.action == "match_stage":
        return _stage(value)
    return _status(value) if entry.action == "status" else value
