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


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def to_json(document: PackageDocument) -> dict[str, Any]:
    """The document as package.json's JSON value."""
    return dict(_plain(dataclasses.asdict(document)))
