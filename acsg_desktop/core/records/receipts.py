"""The Secretariat's signed receipt for one package, as plain objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from acsg_desktop.core.records.requests import MatchStage


class Verification(StrEnum):
    """What the desk found when it checked the package."""

    VERIFIED = "verified"
    HELD = "held"
    REFUSED = "refused"


@dataclass(frozen=True)
class RequestReply:
    """The Secretariat's word on one request of the package."""

    request_id: int
    stage: MatchStage
    message: str = ""


@dataclass(frozen=True)
class Receipt:
    """Received, verified, and per request the match stage and a message."""

    receipt_id: str
    issued: datetime
    package_id: str
    package_sha256: str
    sequence: int
    received_at: datetime
    country: str
    authority: str
    signer_fingerprint: str
    verification: Verification
    verification_message: str
    requests: tuple[RequestReply, ...]
