"""Contributions as plain objects: the answers one official exports from their laptop for the
areas given to them, and what the coordinator's data folder remembers of each one imported."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from acsg_desktop.core.i18n import N_
from acsg_desktop.core.records.assessment import Answer


@dataclass(frozen=True)
class AssessmentKey:
    """Which assessment a contribution is for, the same on every laptop: the framework and its
    version, and the assessment's title and year (each laptop has its own database ids)."""

    framework_id: str
    framework_version: str
    title: str
    year: int

    @property
    def text(self) -> str:
        """The stable key written in the file: ``framework/version/year/title`` (the title
        case-folded, its spaces collapsed)."""
        title = " ".join(self.title.split()).casefold()
        return f"{self.framework_id}/{self.framework_version}/{self.year}/{title}"


@dataclass(frozen=True)
class ContributedAnswer:
    """One answer as the official's laptop holds it, with the indicator's fingerprint."""

    answer: Answer
    fingerprint: str


@dataclass(frozen=True)
class Contribution:
    """What a contribution file says (checked against its schema and signature)."""

    contribution_id: str
    created_at: datetime  # naive UTC, as the store keeps times
    contributor: str
    authority: str
    assessment: AssessmentKey
    areas: tuple[str, ...]
    answers: tuple[ContributedAnswer, ...]


class SignerStanding(StrEnum):
    """How far the coordinator can trust the key that signed (the signature itself holds)."""

    CERTIFIED = "certified"  # issued by a certificate this folder trusts (the Secretariat)
    KNOWN = "known"  # the key of this person's earlier contributions, or of this folder
    NEW = "new"  # a key not seen before: confirm its fingerprint with the person
    CHANGED = "changed"  # this person's earlier contributions were signed by another key


STANDING_LABELS = {
    SignerStanding.CERTIFIED: N_("certified by a trusted certificate"),
    SignerStanding.KNOWN: N_("the key already known for this person"),
    SignerStanding.NEW: N_("a key not seen before: confirm its fingerprint with the person"),
    SignerStanding.CHANGED: N_(
        "another key than this person's earlier contributions: confirm it with them"
    ),
}


@dataclass(frozen=True)
class CommonState:
    """One indicator as both sides held it just after the last import of a person's
    contribution: the content digests of their answer and of ours."""

    theirs: str
    ours: str


@dataclass(frozen=True)
class ImportRecord:
    """A contribution file already imported into an assessment."""

    assessment_id: int
    contribution_id: str
    sha256: str
    contributor: str
    signer_fingerprint: str
    created_at: datetime
    imported_by: str
    imported_at: datetime
    common: dict[str, CommonState] = field(default_factory=dict)
