"""The package document, typed: what package.json holds and the report draws.

Built once per export from one read of the database (``document.package_document``), written
as JSON by ``to_json`` (field names are the JSON keys, checked by package.schema.json), and read
by attribute in the report, so a renamed field is a type error, not a silent blank.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from acsg_desktop.core.assessment.results import GapEntry

FORMAT = "acsg-package/1"


@dataclass(frozen=True)
class Authority:
    country: str
    name: str
    contact_person: str
    email: str


@dataclass(frozen=True)
class FrameworkRef:
    id: str
    version: str


@dataclass(frozen=True)
class AnswerEntry:
    indicator: str
    area: str
    question: str
    applies: bool
    kind: str | None
    level: int | None
    note: str
    evidence: str
    answered_by: str
    saved_at: str | None


@dataclass(frozen=True)
class AssessmentEntry:
    id: int
    title: str
    year: int
    status: str
    framework: FrameworkRef
    contexts: dict[str, bool]
    completed_at: str | None
    answers: tuple[AnswerEntry, ...]


@dataclass(frozen=True)
class AreaScore:
    id: str
    title: str
    score: float | None


@dataclass(frozen=True)
class ScoreEntry:
    completion: float
    overall: float | None
    aims: dict[str, float | None]
    areas: tuple[AreaScore, ...]


@dataclass(frozen=True)
class CommentEntry:
    author: str
    body: str
    response: str
    responded_by: str


@dataclass(frozen=True)
class InterestEntry:
    """An offer the request would like to discuss, with the catalogue version it was marked in."""

    id: str
    catalogue_version: int


@dataclass(frozen=True)
class RequestEntry:
    id: int
    status: str
    content: dict[str, Any]  # the request as drafted, in the codec's JSON form
    created_by: str
    last_editor: str
    approved_by: str | None  # always set for an exported request (the schema checks it)
    approved_at: str | None
    approval_waived: bool
    comments: tuple[CommentEntry, ...]
    offers_of_interest: tuple[InterestEntry, ...] = ()


@dataclass(frozen=True)
class CatalogueEntry:
    """The offers catalogue installed when the package was made."""

    version: int
    illustrative: bool


@dataclass(frozen=True)
class UnmetNeed:
    """A gap that no open offer of the catalogue could meet."""

    indicator: str
    area: str


@dataclass(frozen=True)
class PreviousEntry:
    """The completed assessment before this one (the latest earlier by year), for the
    report's comparison: its scores as they stand in its own framework version."""

    id: int
    title: str
    year: int
    overall: float | None
    aims: dict[str, float | None]
    areas: tuple[AreaScore, ...]


@dataclass(frozen=True)
class ActionEntry:
    """One action of the authority's own plan: the gap it answers (an indicator id, "" for a
    general action), what will be done, who owns it, when it is due (ISO date), its status."""

    gap: str
    description: str
    owner: str
    due: str
    status: str


@dataclass(frozen=True)
class EvidenceEntry:
    """A file attached to an answer: always its hash, size and name; its bytes in the package
    (at ``path``) only when the exporter chose to include the files."""

    indicator: str
    area: str
    name: str
    sha256: str
    size: int
    media_type: str
    included: bool
    path: str | None


@dataclass(frozen=True)
class PackageDocument:
    format: str
    package_id: str
    created: str
    language: str
    app_version: str
    prepared_by: str
    authority: Authority
    assessment: AssessmentEntry
    scores: ScoreEntry
    gaps: tuple[GapEntry, ...]
    insufficient_information: tuple[GapEntry, ...]
    requests: tuple[RequestEntry, ...]
    # None: no offers catalogue was installed, so the gaps were not compared with offers.
    # (A package made before offers existed has neither key; the schema allows that.)
    offers_catalogue: CatalogueEntry | None = None
    unmet_needs: tuple[UnmetNeed, ...] | None = None
    # Absent in packages made before evidence files existed (the schema allows that).
    evidence_files: tuple[EvidenceEntry, ...] = ()
    # The authority's action plan for the gaps (absent in packages made before it existed).
    action_plan: tuple[ActionEntry, ...] = ()
    # None: no completed assessment before this one (absent in packages made before).
    previous: PreviousEntry | None = None


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def to_json(document: PackageDocument) -> dict[str, Any]:
    """The document as package.json's JSON value."""
    return dict(_plain(dataclasses.asdict(document)))
