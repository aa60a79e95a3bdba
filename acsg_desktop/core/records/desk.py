"""What the Secretariat's desk keeps: packages received, and the certificates it issued."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class PackageState(StrEnum):
    """Where a received package stands at the desk."""

    ACCEPTED = "accepted"
    HELD_REPLAY = "held_replay"  # a sequence not after the authority's latest package
    HELD_FORK = "held_fork"  # its previous-package hash is not the latest package's
    HELD_SIGNER = "held_signer"  # signed by another key than the authority's usual one
    REJECTED = "rejected"  # a person decided against a held package


HELD = frozenset({PackageState.HELD_REPLAY, PackageState.HELD_FORK, PackageState.HELD_SIGNER})


class IntakeOutcome(StrEnum):
    """What intake did with one file."""

    ACCEPTED = "accepted"
    HELD = "held"
    ALREADY_RECEIVED = "already_received"
    REFUSED = "refused"


@dataclass(frozen=True)
class ReceivedPackage:
    """A package the desk received and verified, with its data as the authority sent it."""

    id: int
    package_id: str
    sha256: str
    country: str
    authority: str
    signer: str
    signer_fingerprint: str
    certified: bool
    sequence: int
    previous_sha256: str
    created: datetime
    received_at: datetime
    state: PackageState
    reason: str
    file_path: str
    document: str
    decided_by: str = ""
    replies: str = "{}"  # the match stage last sent for each request, {"12": "agreed"}


@dataclass(frozen=True)
class IntakeResult:
    """One file of an intake: what happened to it and why, in words."""

    path: str
    outcome: IntakeOutcome
    message: str
    package: ReceivedPackage | None = None


@dataclass(frozen=True)
class IssuedCertificate:
    serial: str
    country: str
    authority: str
    subject: str
    fingerprint: str
    not_after: datetime
    issued_at: datetime
    pem: str
    revoked_at: datetime | None = None  # naive UTC, as every time the desk stores
    revocation_reason: str = ""

    def revoked_by(self, moment: datetime) -> bool:
        """Whether the certificate is revoked at ``moment`` (naive UTC): a revocation may be
        dated later, for a planned handover."""
        return self.revoked_at is not None and self.revoked_at <= moment

    def revocable_now(self, now: datetime) -> bool:
        """Whether a revocation from ``now`` would change anything: not yet revoked, or only
        from a later date (a revocation is brought forward, never put off)."""
        return self.revoked_at is None or self.revoked_at > now
