"""The merge view: how each answer of a contribution stands against the coordinator's, worked
out without changing anything.

For each contributed answer: **new** (not answered here), **identical** (skipped), **changed**
(different content; the newer side is proposed, both times shown) or **conflict** (both sides
changed since the last common state, i.e. since the last import of this person's
contribution: their answer differs from what they had sent, ours from what we kept then). A
conflict has no proposal: a person takes theirs or keeps ours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from acsg_desktop.core.assessment.answer_rules import answer_json
from acsg_desktop.core.envelope.format import sha256_hex
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.core.records.assessment import Answer
from acsg_desktop.core.records.contributions import (
    CommonState,
    Contribution,
    ImportRecord,
    SignerStanding,
)


class MergeStatus(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    CONFLICT = "conflict"
    IDENTICAL = "identical"


class Choice(StrEnum):
    THEIRS = "theirs"
    OURS = "ours"


STATUS_LABELS = {
    MergeStatus.NEW: N_("New answer"),
    MergeStatus.CHANGED: N_("Changed answer"),
    MergeStatus.CONFLICT: N_("Conflict"),
    MergeStatus.IDENTICAL: N_("Identical"),
}


def content_digest(answer: Answer | None) -> str:
    """A hash of what an answer says (kind, level, note, evidence, who), not of when."""
    return sha256_hex(answer_json(answer).encode("utf-8")) if answer else ""


@dataclass(frozen=True)
class MergeItem:
    """One contributed answer against ours; ``proposed`` is None for a conflict."""

    indicator_id: str
    status: MergeStatus
    theirs: Answer
    ours: Answer | None
    proposed: Choice | None


@dataclass(frozen=True)
class MergeView:
    """Everything a person needs to decide; nothing was changed to work it out."""

    assessment_id: int
    contribution: Contribution
    sha256: str
    signer_subject: str
    signer_fingerprint: str
    standing: SignerStanding
    already: ImportRecord | None  # this very contribution was imported before
    newer_imported: ImportRecord | None  # a later contribution of this person is already in
    items: tuple[MergeItem, ...]

    def of(self, status: MergeStatus) -> list[MergeItem]:
        return [item for item in self.items if item.status is status]

    @property
    def can_apply(self) -> bool:
        return self.already is None and self.newer_imported is None


def _changed_side(theirs: Answer, ours: Answer, common: CommonState | None) -> Choice | None:
    """Which side to propose for two different answers; None when both moved (a conflict)."""
    if common is None:  # never merged from this person: the newer one is proposed
        newer = (theirs.saved_at and ours.saved_at and theirs.saved_at > ours.saved_at) or False
        return Choice.THEIRS if newer else Choice.OURS
    theirs_moved = content_digest(theirs) != common.theirs
    ours_moved = content_digest(ours) != common.ours
    if theirs_moved and ours_moved:
        return None
    return Choice.THEIRS if theirs_moved else Choice.OURS


def classify(theirs: Answer, ours: Answer | None, common: CommonState | None) -> MergeItem:
    """How one contributed answer stands against ours."""
    identifier = theirs.indicator_id
    if ours is None:
        return MergeItem(identifier, MergeStatus.NEW, theirs, None, Choice.THEIRS)
    if content_digest(theirs) == content_digest(ours):
        return MergeItem(identifier, MergeStatus.IDENTICAL, theirs, ours, None)
    side = _changed_side(theirs, ours, common)
    status = MergeStatus.CONFLICT if side is None else MergeStatus.CHANGED
    return MergeItem(identifier, status, theirs, ours, side)


def merge_items(
    contribution: Contribution,
    ours: Mapping[str, Answer],
    common: Mapping[str, CommonState],
) -> tuple[MergeItem, ...]:
    """Every contributed answer classified, in the contribution's order."""
    return tuple(
        classify(
            item.answer, ours.get(item.answer.indicator_id), common.get(item.answer.indicator_id)
        )
        for item in contribution.answers
    )


class DecisionError(ValueError):
    """The decisions do not cover every conflict, or name an indicator the view lacks."""


def chosen(items: tuple[MergeItem, ...], decisions: Mapping[str, Choice]) -> dict[str, Choice]:
    """What each new, changed or conflicting answer becomes: the person's decision, else the
    proposal.

    Raises:
        DecisionError: a conflict is undecided, or a decision names another indicator.
    """
    known = {item.indicator_id for item in items}
    stray = sorted(set(decisions) - known)
    if stray:
        raise DecisionError(
            _("These indicators are not in the contribution: {ids}.").format(ids=", ".join(stray))
        )
    result: dict[str, Choice] = {}
    undecided: list[str] = []
    for item in items:
        if item.status is MergeStatus.IDENTICAL:
            continue
        choice = decisions.get(item.indicator_id, item.proposed)
        if choice is None:
            undecided.append(item.indicator_id)
        else:
            result[item.indicator_id] = choice
    if undecided:
        raise DecisionError(
            _("Decide every conflict first (take theirs or keep ours): {ids}.").format(
                ids=", ".join(undecided)
            )
        )
    return result
