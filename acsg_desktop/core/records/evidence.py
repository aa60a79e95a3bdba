"""A file attached to an answer as evidence, as a plain object."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class EvidenceFile:
    """One attachment: which answer, which content (by its SHA-256) and under which name."""

    id: int
    assessment_id: int
    indicator_id: str
    sha256: str
    size: int
    media_type: str
    file_name: str
    added_by: str
    added_at: datetime | None = None
