"""The receipt file (`*.acsgreceipt`): receipt.json in the signed envelope of every ACSG file."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from acsg_desktop.core.envelope.format import Caps
from acsg_desktop.core.envelope.reader import EnvelopeError
from acsg_desktop.core.envelope.signed import ENVELOPE, read_signed
from acsg_desktop.core.envelope.writer import envelope_bytes
from acsg_desktop.core.i18n import _
from acsg_desktop.core.receipts.refusal import ReceiptError
from acsg_desktop.core.records.receipts import Receipt, RequestReply, Verification
from acsg_desktop.core.records.requests import MatchStage
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.signing.cms import SignatureError
from acsg_desktop.core.signing.keys import Identity
from acsg_desktop.core.strict_json import JsonDocumentError, strict_json
from acsg_desktop.core.text_rules import clean

FORMAT = "acsg-receipt/1"
RECEIPT_JSON = "receipt.json"
CAPS = Caps(max_entries=8, max_entry_bytes=2_000_000, max_total_bytes=2_100_000, max_ratio=100)


def _allowed(name: str) -> bool:
    return name == RECEIPT_JSON or name in ENVELOPE


def receipt_to_dict(receipt: Receipt) -> dict[str, Any]:
    """receipt.json's data."""
    return {
        "format": FORMAT,
        "receipt_id": receipt.receipt_id,
        "issued": receipt.issued.isoformat(),
        "package": {
            "package_id": receipt.package_id,
            "sha256": receipt.package_sha256,
            "sequence": receipt.sequence,
            "received_at": receipt.received_at.isoformat(),
        },
        "authority": {
            "country": receipt.country,
            "name": receipt.authority,
            "signer_fingerprint": receipt.signer_fingerprint,
        },
        "verification": {
            "result": receipt.verification.value,
            "message": receipt.verification_message,
        },
        "requests": [
            {"id": reply.request_id, "match_stage": reply.stage.value, "message": reply.message}
            for reply in receipt.requests
        ],
    }


def _aware(text: str, field: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise ReceiptError(
            "receipt", _("receipt.json: {field} is not a date.").format(field=field)
        ) from error
    if moment.utcoffset() is None:
        raise ReceiptError(
            "receipt", _("receipt.json: {field} has no time zone.").format(field=field)
        )
    return moment


def receipt_from_dict(data: dict[str, Any]) -> Receipt:
    """A receipt from receipt.json's data, already checked against its schema."""
    package, authority, verification = data["package"], data["authority"], data["verification"]
    return Receipt(
        receipt_id=data["receipt_id"],
        issued=_aware(data["issued"], "issued"),
        package_id=package["package_id"],
        package_sha256=package["sha256"],
        sequence=int(package["sequence"]),
        received_at=_aware(package["received_at"], "received_at"),
        country=authority["country"],
        authority=clean(authority["name"], multiline=False),
        signer_fingerprint=authority["signer_fingerprint"],
        verification=Verification(verification["result"]),
        verification_message=clean(verification["message"]),
        requests=tuple(
            RequestReply(int(item["id"]), MatchStage(item["match_stage"]), clean(item["message"]))
            for item in data["requests"]
        ),
    )


def receipt_bytes(receipt: Receipt, identity: Identity) -> bytes:
    """A signed receipt file (the desk's side)."""
    document = json.dumps(receipt_to_dict(receipt), indent=2, ensure_ascii=False)
    return envelope_bytes({RECEIPT_JSON: document.encode("utf-8")}, identity)


def read_receipt(
    path: Path, trusted: list[x509.Certificate], at: datetime
) -> tuple[Receipt, x509.Certificate]:
    """The receipt at ``path`` and its signer, once the envelope, signature and schema hold.

    Raises:
        ReceiptError: with the reason; nothing was imported.
    """
    try:
        entries, _sums, signer = read_signed(
            path, CAPS, _allowed, trusted, at, RECEIPT_JSON, own_certificate=True
        )
    except (EnvelopeError, SignatureError) as error:
        raise ReceiptError(error.reason, error.message) from error
    try:
        document = strict_json(entries[RECEIPT_JSON])
    except JsonDocumentError as error:
        raise ReceiptError(
            "receipt", _("receipt.json is not valid: {reason}").format(reason=error.message)
        ) from error
    problem = schema_problem(document, "receipt.schema.json", RECEIPT_JSON)
    if problem:
        raise ReceiptError("receipt", problem)
    return receipt_from_dict(dict(document)), signer
