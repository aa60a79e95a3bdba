"""Audit entries described in the user's language (the log itself stays in stable codes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from acsg_desktop.core.assessment.labels import KIND_LABELS, level_with_name
from acsg_desktop.core.audit.chain import AuditEntry
from acsg_desktop.core.audit.words import (
    EMPTY,
    NOT_JSON,
    decoded,
    edit_words,
    field_value,
    listed,
    plain,
)
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.core.records.assessment import STATUS_LABELS, AnswerKind, AssessmentStatus
from acsg_desktop.core.records.requests import MatchStage, RequestStatus
from acsg_desktop.core.requests.labels import label

ACTIONS = {
    "create": N_("Created"),
    "delete": N_("Deleted"),
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
    "evidence_attach": N_("Evidence file attached"),
    "evidence_remove": N_("Evidence file removed"),
}
# Statuses that older versions recorded for the Secretariat's reply (now match stages).
FORMER_STATUSES = {"matched": N_("Matched"), "not_matched": N_("Not matched")}
JSON_ACTIONS = {"contexts", "roles"}
EVIDENCE_ACTIONS = {"evidence_attach", "evidence_remove"}
# How a note or an evidence text changed between two saves of an answer.
TEXT_CHANGES = {
    ("note", "added"): N_("note added"),
    ("note", "changed"): N_("note changed"),
    ("note", "removed"): N_("note removed"),
    ("evidence", "added"): N_("evidence added"),
    ("evidence", "changed"): N_("evidence changed"),
    ("evidence", "removed"): N_("evidence removed"),
}


@dataclass(frozen=True)
class HistoryRow:
    """One audit entry as the history shows it: what, and the values before and after."""

    entry: AuditEntry
    what: str
    before: str
    after: str


def _answer(text: str) -> dict[str, Any]:
    data = decoded(text) if text else {}
    return data if isinstance(data, dict) else {}


def answer_changes(entry: AuditEntry) -> list[str]:
    """How the note and evidence changed in an answer entry, e.g. ["note changed"]."""
    old, new = _answer(entry.old_value), _answer(entry.new_value)
    changes = []
    for key in ("note", "evidence"):
        before, after = str(old.get(key) or ""), str(new.get(key) or "")
        if before != after:
            how = "added" if not before else "removed" if not after else "changed"
            changes.append(_(TEXT_CHANGES[(key, how)]))
    return changes


def action_label(entry: AuditEntry) -> str:
    """What the entry records, e.g. "Budget", "Type of support: Technical added", "Answer"."""
    kind, _separator, detail = entry.action.partition(":")
    if kind == "edit" and detail:
        return edit_words(detail, entry.old_value, entry.new_value)
    text = _(ACTIONS.get(kind, kind))
    changes = answer_changes(entry) if kind == "answer" else []
    if changes:
        return _("{field}: {changes}").format(field=text, changes=listed(changes))
    return text


def _status(value: str) -> str:
    if value in {status.value for status in RequestStatus}:
        return label(RequestStatus(value))
    if value in {status.value for status in AssessmentStatus}:
        return _(STATUS_LABELS[AssessmentStatus(value)])
    return _(FORMER_STATUSES[value]) if value in FORMER_STATUSES else value or EMPTY


def _stage(value: str) -> str:
    return label(MatchStage(value)) if value in {s.value for s in MatchStage} else value or EMPTY


def answer_value(text: str) -> str:
    """A recorded answer in words: "2 · Limited", "Not applicable" or "Not answered"."""
    data = _answer(text)
    kind, level = data.get("kind"), data.get("level")
    if kind == AnswerKind.LEVEL.value and isinstance(level, int) and 1 <= level <= 5:
        return level_with_name(level)
    if kind in {k.value for k in KIND_LABELS}:
        return _(KIND_LABELS[AnswerKind(kind)])
    return _("Not answered")


def evidence_value(text: str) -> str:
    """A recorded evidence file in words: its name (the log also keeps its SHA-256)."""
    data = _answer(text)
    return str(data.get("name") or EMPTY)


def _setting(value: str) -> str:
    return {"yes": _("Yes"), "no": _("No")}.get(value, value or EMPTY)


def value_label(entry: AuditEntry, value: str, currency: str = "") -> str:
    """A before/after value in words: statuses, stages, answers, request fields (a budget in
    ``currency`` when given); never ``[]``, ``null`` or ``""``."""
    kind, _separator, detail = entry.action.partition(":")
    if kind == "edit" and detail:
        return field_value(detail, value, currency)
    simple = {"match_stage": _stage, "status": _status, "answer": answer_value, "set": _setting}
    if kind in simple:
        return simple[kind](value)
    if kind in EVIDENCE_ACTIONS:
        return evidence_value(value)
    if kind == "offer_interest":
        return _("Offer {id}").format(id=value) if value else EMPTY
    if kind in JSON_ACTIONS and (data := decoded(value)) is not NOT_JSON:
        return plain(data)
    return value or EMPTY


def _currency(text: str) -> str:
    value = decoded(text)
    return value if isinstance(value, str) else ""


def _currencies(entries: list[AuditEntry], current: str) -> list[tuple[str, str]]:
    """The request's currency before and after each entry: the old value of the next currency
    change, else ``current`` (or, when it is not given, the last currency recorded). A budget
    and a currency changed in one save (consecutive entries) go together."""
    changes = [entry for entry in entries if entry.action == "edit:currency"]
    known = current or (_currency(changes[-1].new_value) if changes else "")
    result: list[tuple[str, str]] = []
    for entry, later in zip(reversed(entries), [None, *reversed(entries)], strict=False):
        together = (
            later is not None and later.action == "edit:currency" and later.id == entry.id + 1
        )
        after = _currency(later.new_value) if together and later else known
        result.append((known, after))
        if entry.action == "edit:currency":
            known = _currency(entry.old_value)
    return result[::-1]


def history_rows(entries: list[AuditEntry], currency: str = "") -> list[HistoryRow]:
    """The entries in words, oldest first; ``currency`` is the request's current currency."""
    currencies = _currencies(entries, currency)
    return [
        HistoryRow(
            entry,
            action_label(entry),
            value_label(entry, entry.old_value, before),
            value_label(entry, entry.new_value, after),
        )
        for entry, (before, after) in zip(entries, currencies, strict=True)
    ]
