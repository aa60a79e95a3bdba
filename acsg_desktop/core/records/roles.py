"""The roles a person of the authority can hold, and which of them review."""

from __future__ import annotations

ROLES = ("drafter", "reviewer", "signatory")
REVIEWER_ROLES = frozenset({"reviewer", "signatory"})
