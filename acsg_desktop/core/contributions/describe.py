"""The merge view in words and as data, shared by the CLI and the merge dialog."""

from __future__ import annotations

from typing import Any

from acsg_desktop.core.assessment.labels import answer_label
from acsg_desktop.core.contributions.merge import (
    STATUS_LABELS,
    Choice,
    MergeItem,
    MergeStatus,
    MergeView,
)
from acsg_desktop.core.i18n import _, format_datetime, ngettext
from acsg_desktop.core.records.assessment import Answer
from acsg_desktop.core.records.contributions import STANDING_LABELS

SHOWN_ORDER = (MergeStatus.CONFLICT, MergeStatus.CHANGED, MergeStatus.NEW, MergeStatus.IDENTICAL)


def who_and_when(answer: Answer | None) -> str:
    """ "Amina Mahamat, 1 Dec 2026, 09:14" (or a dash for no answer)."""
    if answer is None:
        return "–"
    when = format_datetime(answer.saved_at, "short") if answer.saved_at else "–"
    return _("{name}, {when}").format(name=answer.answered_by or "–", when=when)


def answer_summary(answer: Answer | None) -> str:
    """An answer on one line: its level or kind, then its note and evidence, shortened."""
    if answer is None:
        return answer_label(None)
    parts = [answer_label(answer)]
    for label, text in ((_("note"), answer.note), (_("evidence"), answer.evidence)):
        if text.strip():
            short = " ".join(text.split())
            parts.append(
                _("{label}: {text}").format(
                    label=label, text=short[:80] + ("…" if len(short) > 80 else "")
                )
            )
    return " · ".join(parts)


def signer_line(view: MergeView) -> str:
    return _(
        "Signed by {subject} (fingerprint {fingerprint}): the signature holds; {standing}."
    ).format(
        subject=view.signer_subject,
        fingerprint=view.signer_fingerprint,
        standing=_(STANDING_LABELS[view.standing]),
    )


def counts_line(view: MergeView) -> str:
    counts = {status: len(view.of(status)) for status in MergeStatus}
    return _(
        "{new} new, {changed} changed, {conflicts} in conflict, {same} identical (skipped)."
    ).format(
        new=counts[MergeStatus.NEW],
        changed=counts[MergeStatus.CHANGED],
        conflicts=counts[MergeStatus.CONFLICT],
        same=counts[MergeStatus.IDENTICAL],
    )


def heading_line(view: MergeView) -> str:
    contribution = view.contribution
    return ngettext(
        "Contribution of {name}, made {when}: {count} answer.",
        "Contribution of {name}, made {when}: {count} answers.",
        len(contribution.answers),
    ).format(
        name=contribution.contributor,
        when=format_datetime(contribution.created_at),
        count=len(contribution.answers),
    )


def already_line(view: MergeView) -> str | None:
    """Why the view cannot be applied, if it cannot."""
    if view.already is not None:
        return _("This contribution was already merged on {when} by {name}: nothing to do.").format(
            when=format_datetime(view.already.imported_at), name=view.already.imported_by
        )
    if view.newer_imported is not None:
        from acsg_desktop.core.contributions.words import older_message

        return older_message(view)
    return None


def item_line(item: MergeItem) -> str:
    proposal = {Choice.THEIRS: _("take theirs"), Choice.OURS: _("keep ours"), None: _("to decide")}[
        item.proposed
    ]
    if item.status is MergeStatus.IDENTICAL:
        proposal = _("skipped")
    return _(
        "{status}  {indicator}  [{proposal}]\n"
        "    theirs: {theirs} ({theirs_when})\n"
        "    ours:   {ours} ({ours_when})"
    ).format(
        status=_(STATUS_LABELS[item.status]),
        indicator=item.indicator_id,
        proposal=proposal,
        theirs=answer_summary(item.theirs),
        theirs_when=who_and_when(item.theirs),
        ours=answer_summary(item.ours),
        ours_when=who_and_when(item.ours),
    )


def view_lines(view: MergeView) -> list[str]:
    lines = [heading_line(view), signer_line(view), counts_line(view)]
    blocked = already_line(view)
    if blocked:
        lines.append(blocked)
    shown = [item for item in view.items if item.status is not MergeStatus.IDENTICAL]
    ordered = sorted(shown, key=lambda item: SHOWN_ORDER.index(item.status))
    return lines + [item_line(item) for item in ordered]


def merged_line(name: str, taken: int, kept: int) -> str:
    """What an apply did, in words."""
    first = ngettext(
        "Merged from {name}: {count} answer taken from the contribution.",
        "Merged from {name}: {count} answers taken from the contribution.",
        taken,
    ).format(name=name, count=taken)
    second = ngettext("{count} answer kept as ours.", "{count} answers kept as ours.", kept).format(
        count=kept
    )
    return f"{first} {second}"


def _answer_dict(answer: Answer | None) -> dict[str, Any] | None:
    if answer is None:
        return None
    return {
        "kind": answer.kind.value,
        "level": answer.level,
        "note": answer.note,
        "evidence": answer.evidence,
        "answered_by": answer.answered_by,
        "saved_at": answer.saved_at.isoformat() if answer.saved_at else None,
        "version": answer.version,
    }


def view_document(view: MergeView) -> dict[str, Any]:
    contribution = view.contribution
    return {
        "contribution_id": contribution.contribution_id,
        "contributor": contribution.contributor,
        "created_at": contribution.created_at.isoformat(),
        "areas": list(contribution.areas),
        "sha256": view.sha256,
        "signer": {
            "subject": view.signer_subject,
            "fingerprint": view.signer_fingerprint,
            "standing": view.standing.value,
        },
        "already_merged": view.already is not None,
        "newer_merged": view.newer_imported is not None,
        "items": [
            {
                "indicator": item.indicator_id,
                "status": item.status.value,
                "proposed": item.proposed.value if item.proposed else None,
                "theirs": _answer_dict(item.theirs),
                "ours": _answer_dict(item.ours),
            }
            for item in view.items
        ],
    }
