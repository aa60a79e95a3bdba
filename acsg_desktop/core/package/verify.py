"""Verifying a package the way the Secretariat would, naming every failure (entry and check)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from acsg_desktop.core.envelope.format import SIGNATURE, SIGNER
from acsg_desktop.core.envelope.reader import EnvelopeError, read_envelope
from acsg_desktop.core.envelope.signed import (
    check_signature,
    listing_problems,
    read_sums,
    require_envelope,
)
from acsg_desktop.core.i18n import _
from acsg_desktop.core.package import layout
from acsg_desktop.core.package.evidence import evidence_problems
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.signing.cms import SignatureError
from acsg_desktop.core.signing.keys import fingerprint
from acsg_desktop.core.strict_json import JsonDocumentError, strict_json


@dataclass(frozen=True)
class Failure:
    entry: str
    check: str
    message: str


@dataclass
class PackageCheck:
    failures: list[Failure] = field(default_factory=list)
    signer: x509.Certificate | None = None
    manifest: dict[str, Any] = field(default_factory=dict)
    trusted_by_caller: bool = False

    @property
    def ok(self) -> bool:
        return not self.failures

    def fail(self, entry: str, check: str, message: str) -> None:
        self.failures.append(Failure(entry, check, message))

    def refuse(self, error: EnvelopeError) -> None:
        self.fail(error.entry, error.reason, error.message)


def _entries(path: Path, check: PackageCheck) -> dict[str, bytes] | None:
    try:
        entries = read_envelope(path, layout.CAPS, layout.allowed_name)
    except EnvelopeError as error:
        check.refuse(error)
        return None
    missing = [name for name in layout.ENTRIES if name not in entries]
    for name in missing:
        check.fail(name, "missing", _("{name} is missing from the package.").format(name=name))
    return None if missing else entries


def _check_signature(
    entries: dict[str, bytes], trusted: list[x509.Certificate] | None, check: PackageCheck
) -> None:
    check.trusted_by_caller = trusted is not None
    try:
        anchors = trusted if trusted is not None else require_envelope(entries)
        check.signer = check_signature(entries, anchors, datetime.now(UTC))
    except EnvelopeError as error:
        check.refuse(error)
    except SignatureError as error:
        check.fail(
            SIGNATURE if error.reason != "signer_pem" else SIGNER, error.reason, error.message
        )


def _check_listing(entries: dict[str, bytes], check: PackageCheck) -> None:
    try:
        sums = read_sums(entries)
    except EnvelopeError as error:
        check.refuse(error)
        return
    for problem in listing_problems(entries, sums):
        check.refuse(problem)


def _document(entries: dict[str, bytes], name: str, schema: str, check: PackageCheck) -> Any:
    """The JSON entry ``name`` once it is strict JSON and meets ``schema``; else None."""
    try:
        document = strict_json(entries[name])
    except JsonDocumentError as error:
        check.fail(
            name, "json", _("{name} is not valid: {reason}").format(name=name, reason=error.message)
        )
        return None
    problem = schema_problem(document, schema, name)
    if problem:
        check.fail(name, "schema", problem)
        return None
    return document


def verify_package(
    path: Path, trusted: list[x509.Certificate] | None = None, previous: Path | None = None
) -> PackageCheck:
    """Every check of the format doc; ``previous`` is the authority's preceding package.

    ``trusted`` None means "trust the enclosed signer.pem", to be confirmed by its fingerprint.
    """
    from acsg_desktop.core.package.pdf_check import check_report

    check = PackageCheck()
    entries = _entries(path, check)
    if entries is None:
        return check
    _check_signature(entries, trusted, check)
    _check_listing(entries, check)
    document = _document(entries, layout.PACKAGE_JSON, "package.schema.json", check)
    if document is not None:
        for problem in evidence_problems(document, entries):
            check.fail(layout.EVIDENCE_FOLDER, "evidence", problem)
    check_report(entries[layout.REPORT], entries[layout.PACKAGE_JSON], check)
    manifest = _document(entries, layout.MANIFEST, "manifest.schema.json", check)
    if manifest is not None:
        _check_manifest(manifest, document, check, previous)
    return check


def _check_manifest(
    manifest: dict[str, Any], document: Any, check: PackageCheck, previous: Path | None
) -> None:
    check.manifest = manifest
    if document is not None and manifest["package_id"] != document["package_id"]:
        check.fail(layout.MANIFEST, "package_id", _("The manifest is for another package."))
    if check.signer is not None and manifest["signer"]["fingerprint"] != fingerprint(check.signer):
        check.fail(layout.MANIFEST, "signer", _("The manifest names another signer."))
    if previous is not None:
        _check_sequence(manifest, previous, check)


def _previous_manifest(previous: Path) -> dict[str, Any] | None:
    earlier = PackageCheck()
    try:
        entries = read_envelope(previous, layout.CAPS, layout.allowed_name)
    except EnvelopeError:
        return None
    if layout.MANIFEST not in entries:
        return None
    manifest = _document(entries, layout.MANIFEST, "manifest.schema.json", earlier)
    return manifest if earlier.ok else None


def _check_sequence(manifest: dict[str, Any], previous: Path, check: PackageCheck) -> None:
    earlier = _previous_manifest(previous)
    if earlier is None:
        check.fail(layout.MANIFEST, "previous", _("The previous package cannot be read."))
        return
    if manifest["sequence"] <= earlier["sequence"]:
        check.fail(
            layout.MANIFEST,
            "sequence",
            _(
                "Sequence {number} is not after the previous package's {previous}: "
                "an older package was replayed."
            ).format(number=manifest["sequence"], previous=earlier["sequence"]),
        )
    if manifest["previous_package_sha256"] != hashlib.sha256(previous.read_bytes()).hexdigest():
        check.fail(layout.MANIFEST, "previous", _("The previous-package hash does not match."))
