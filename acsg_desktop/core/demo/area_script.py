"""One area's part in the demo's story (script.py), and the short way to write it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AreaScript:
    """One area of the story: its level in 2025 and 2026, and what the team wrote."""

    baseline: int
    follow_up: int
    evidence: dict[str, str]
    note: dict[str, str]


def area_script(
    baseline: int, follow_up: int, evidence_en: str, evidence_fr: str, note_en: str, note_fr: str
) -> AreaScript:
    evidence = {"en": evidence_en, "fr": evidence_fr}
    return AreaScript(baseline, follow_up, evidence, {"en": note_en, "fr": note_fr})
