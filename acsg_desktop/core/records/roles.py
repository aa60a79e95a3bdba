"""The roles a person of the authority can hold, and which of them review.

The administrator manages people, roles, passphrases and the single-person waiver."""

from __future__ import annotations

ROLES = ("drafter", "reviewer", "signatory", "administrator")
ADMINISTRATOR = "administrator"
SIGNATORY = "signatory"
REVIEWER_ROLES = frozenset({"reviewer", "signatory"})
