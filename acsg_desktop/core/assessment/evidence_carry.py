"""Evidence files follow the answers carried over into a new assessment: the same contents
(kept once by their hash), new links for the new assessment, each audited as an attach."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from acsg_desktop.core.assessment.answer_rules import answer_key
from acsg_desktop.core.store.assessment_repository import utc_now
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.evidence_repository import EvidenceRepository

MAX_FILE_BYTES = 10_000_000
MAX_ASSESSMENT_BYTES = 200_000_000


def evidence_audit_value(name: str, sha256: str) -> str:
    """How the audit log records one file: its name and the hash of its content."""
    return json.dumps({"name": name, "sha256": sha256}, ensure_ascii=False, sort_keys=True)


def carry_evidence(
    session: Any, source_id: int, new_id: int, indicator_ids: Iterable[str], *, actor: str
) -> int:
    """Link the files of ``source_id``'s answers to ``indicator_ids`` to the same answers of
    ``new_id``, in the caller's transaction, up to the per-assessment cap (a file that would
    pass it stays behind); return how many were linked. The original's links are untouched."""
    wanted = set(indicator_ids)
    repository, audit = EvidenceRepository(session), AuditRepository(session)
    counted: set[str] = set()
    total, linked = 0, 0
    for attached in repository.files(source_id):
        if attached.indicator_id not in wanted:
            continue
        if attached.sha256 not in counted:
            if total + attached.size > MAX_ASSESSMENT_BYTES:
                continue
            counted.add(attached.sha256)
            total += attached.size
        repository.add(
            new_id,
            attached.indicator_id,
            attached.sha256,
            attached.file_name,
            attached.added_by,
            attached.added_at or utc_now(),
        )
        audit.append(
            actor,
            "answer",
            answer_key(new_id, attached.indicator_id),
            "evidence_attach",
            new_value=evidence_audit_value(attached.file_name, attached.sha256),
            reason=f"carried over from assessment {source_id}",
        )
        linked += 1
    return linked
