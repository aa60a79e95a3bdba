"""The contribution file (`*.acsgcontrib`): contribution.json in the signed envelope of every
ACSG file, signed with the official's own signing identity."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID

from acsg_desktop.core.envelope.format import Caps, sha256_hex
from acsg_desktop.core.envelope.reader import EnvelopeError, read_envelope
from acsg_desktop.core.envelope.signed import (
    ENVELOPE,
    check_signature,
    listing_problems,
    read_sums,
    require_envelope,
)
from acsg_desktop.core.envelope.writer import envelope_bytes
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.records.contributions import AssessmentKey, ContributedAnswer, Contribution
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.signing.cms import SignatureError
from acsg_desktop.core.signing.keys import Identity, subject_text
from acsg_desktop.core.store.column_types import as_utc_naive
from acsg_desktop.core.strict_json import JsonDocumentError, strict_json
from acsg_desktop.core.text_rules import clean

FORMAT = "acsg-contribution/1"
SUFFIX = ".acsgcontrib"
CONTRIBUTION_JSON = "contribution.json"
CAPS = Caps(max_entries=8, max_entry_bytes=30_000_000, max_total_bytes=31_000_000)


class ContributionError(AcsgError):
    """The contribution was refused or cannot be merged; ``reason`` is a stable code.
    Nothing was changed."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class SignedContribution:
    """A contribution whose signature holds, with the certificate that made it."""

    contribution: Contribution
    signer: x509.Certificate
    sha256: str
    certified: bool  # the signer is trusted by this folder, not only self-consistent


def _allowed(name: str) -> bool:
    return name == CONTRIBUTION_JSON or name in ENVELOPE


def _utc_text(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).isoformat()


def contribution_to_dict(contribution: Contribution) -> dict[str, Any]:
    """contribution.json's data."""
    key = contribution.assessment
    return {
        "format": FORMAT,
        "contribution_id": contribution.contribution_id,
        "created_at": _utc_text(contribution.created_at),
        "contributor": contribution.contributor,
        "authority": contribution.authority,
        "assessment": {
            "key": key.text,
            "framework_id": key.framework_id,
            "framework_version": key.framework_version,
            "title": key.title,
            "year": key.year,
        },
        "areas": list(contribution.areas),
        "answers": [_answer_to_dict(item) for item in contribution.answers],
    }


def _answer_to_dict(item: ContributedAnswer) -> dict[str, Any]:
    answer = item.answer
    return {
        "indicator": answer.indicator_id,
        "kind": answer.kind.value,
        "level": answer.level,
        "note": answer.note,
        "evidence": answer.evidence,
        "answered_by": answer.answered_by,
        "saved_at": _utc_text(answer.saved_at or datetime.now(UTC).replace(tzinfo=None)),
        "version": answer.version,
        "fingerprint": item.fingerprint,
    }


def contribution_bytes(contribution: Contribution, identity: Identity) -> bytes:
    """A signed contribution file."""
    document = json.dumps(contribution_to_dict(contribution), indent=2, ensure_ascii=False)
    return envelope_bytes({CONTRIBUTION_JSON: document.encode("utf-8")}, identity)


def _moment(text: str, field: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise ContributionError(
            "contribution", _("contribution.json: {field} is not a date.").format(field=field)
        ) from error
    if moment.utcoffset() is None:
        raise ContributionError(
            "contribution",
            _("contribution.json: {field} has no time zone.").format(field=field),
        )
    naive = as_utc_naive(moment)
    assert naive is not None
    return naive


def _answer_from_dict(item: dict[str, Any]) -> ContributedAnswer:
    answer = Answer(
        indicator_id=item["indicator"],
        kind=AnswerKind(item["kind"]),
        level=item["level"],
        note=clean(item["note"]),
        evidence=clean(item["evidence"]),
        answered_by=clean(item["answered_by"], multiline=False),
        saved_at=_moment(item["saved_at"], "saved_at"),
        version=int(item["version"]),
    )
    return ContributedAnswer(answer, item["fingerprint"])


def contribution_from_dict(data: dict[str, Any]) -> Contribution:
    """A contribution from contribution.json's data, already checked against its schema."""
    assessment = data["assessment"]
    key = AssessmentKey(
        assessment["framework_id"],
        assessment["framework_version"],
        clean(assessment["title"], multiline=False),
        int(assessment["year"]),
    )
    answers = tuple(_answer_from_dict(item) for item in data["answers"])
    indicators = [item.answer.indicator_id for item in answers]
    if key.text != assessment["key"] or len(set(indicators)) != len(indicators):
        raise ContributionError("contribution", _("contribution.json contradicts itself: refused."))
    return Contribution(
        contribution_id=data["contribution_id"],
        created_at=_moment(data["created_at"], "created_at"),
        contributor=clean(data["contributor"], multiline=False),
        authority=clean(data["authority"], multiline=False),
        assessment=key,
        areas=tuple(data["areas"]),
        answers=answers,
    )


def _certified(entries: dict[str, bytes], trusted: list[x509.Certificate], at: datetime) -> bool:
    """Whether the signer is also trusted by this folder (a certificate the Secretariat
    issued); an official's own self-signed key is not, and need not be."""
    try:
        check_signature(entries, trusted, at)
    except SignatureError:
        return False
    return True


def _signed_entries(path: Path, at: datetime) -> tuple[dict[str, bytes], x509.Certificate]:
    """The entries, once the signature holds for the enclosed certificate and every entry is
    listed with its hash (whether that certificate is trusted is judged apart)."""
    entries = read_envelope(path, CAPS, _allowed)
    signer = check_signature(entries, require_envelope(entries), at)
    problems = listing_problems(entries, read_sums(entries))
    if problems:
        raise problems[0]
    if CONTRIBUTION_JSON not in read_sums(entries):
        raise EnvelopeError(
            "unsigned", _("The file has no signed {name}.").format(name=CONTRIBUTION_JSON)
        )
    return entries, signer


def read_contribution(
    path: Path, trusted: list[x509.Certificate], at: datetime
) -> SignedContribution:
    """The contribution at ``path``, once its envelope, signature and schema hold.

    Raises:
        ContributionError: with the reason (a changed byte, a broken signature, a bad field).
    """
    try:
        entries, signer = _signed_entries(path, at)
    except (EnvelopeError, SignatureError) as error:
        raise ContributionError(error.reason, error.message) from error
    try:
        document = strict_json(entries[CONTRIBUTION_JSON])
    except JsonDocumentError as error:
        raise ContributionError(
            "contribution",
            _("contribution.json is not valid: {reason}").format(reason=error.message),
        ) from error
    problem = schema_problem(document, "contribution.schema.json", CONTRIBUTION_JSON)
    if problem:
        raise ContributionError("contribution", problem)
    contribution = contribution_from_dict(dict(document))
    if signer_name(signer) != contribution.contributor:
        raise ContributionError(
            "signer",
            _("The file is signed by {signer}, not by {name} whom it names: refused.").format(
                signer=subject_text(signer), name=contribution.contributor
            ),
        )
    # The signed content's hash: the same contribution, signed again, is recognised too.
    return SignedContribution(
        contribution,
        signer,
        sha256_hex(entries[CONTRIBUTION_JSON]),
        _certified(entries, trusted, at),
    )


def certificate_attribute(certificate: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    """One name of a certificate's subject ("" when it has none)."""
    values = certificate.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def signer_name(certificate: x509.Certificate) -> str:
    """The person a certificate names (its common name)."""
    return certificate_attribute(certificate, NameOID.COMMON_NAME)
