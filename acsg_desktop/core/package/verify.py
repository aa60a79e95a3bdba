"""Verifying a package the way the Secretariat would, naming every failure (entry and check)."""

from __future__ import annotations

import hashlib
import json
import math
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from acsg_desktop.core.guides.bundle_format import parse_sums
from acsg_desktop.core.i18n import _
from acsg_desktop.core.package import layout
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.signing.cms import SignatureError, load_certificates, verify_detached
from acsg_desktop.core.signing.keys import fingerprint


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


def strict_json(data: bytes) -> Any:
    """JSON without duplicate keys, NaN/Infinity, unsafe integers or invalid UTF-8."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _value in items]
        if len(keys) != len(set(keys)):
            raise ValueError(_("a key appears twice"))
        return dict(items)

    def number(text: str) -> float:
        value = float(text)
        if math.isinf(value):
            raise ValueError(_("a number is too large"))
        return value

    def integer(text: str) -> int:
        value = int(text)
        if abs(value) > layout.MAX_SAFE_INTEGER:
            raise ValueError(_("a number is too large"))
        return value

    def constant(name: str) -> Any:
        raise ValueError(_("{name} is not allowed").format(name=name))

    return json.loads(
        data.decode("utf-8"),
        object_pairs_hook=pairs,
        parse_float=number,
        parse_int=integer,
        parse_constant=constant,
    )


def _read_entries(path: Path, check: PackageCheck) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = [info.filename for info in archive.infolist()]
            if len(names) != len(set(names)):
                check.fail("(package)", "duplicate", _("An entry appears twice."))
            return {
                info.filename: archive.read(info)
                for info in archive.infolist()
                if info.file_size <= layout.MAX_ENTRY_BYTES
            }
    except (zipfile.BadZipFile, OSError) as error:
        check.fail(
            "(package)", "zip", _("This is not a readable package: {reason}").format(reason=error)
        )
        return {}


def _check_signature(
    entries: dict[str, bytes], trusted: list[x509.Certificate] | None, check: PackageCheck
) -> dict[str, str]:
    anchors = trusted if trusted is not None else load_certificates(entries[layout.SIGNER])
    check.trusted_by_caller = trusted is not None
    try:
        result = verify_detached(
            entries[layout.SUMS], entries[layout.SIGNATURE], anchors, datetime.now(UTC)
        )
        check.signer = result.signer
    except SignatureError as error:
        check.fail(layout.SIGNATURE, error.reason, error.message)
    try:
        return parse_sums(entries[layout.SUMS])
    except ValueError:
        check.fail(layout.SUMS, "format", _("SHA256SUMS is malformed."))
        return {}


def _check_hashes(entries: dict[str, bytes], sums: dict[str, str], check: PackageCheck) -> None:
    for name in entries:
        if name not in sums and name not in (layout.SUMS, layout.SIGNATURE):
            check.fail(name, "unlisted", _("{name} is not listed in SHA256SUMS.").format(name=name))
    for name, digest in sums.items():
        if name not in entries:
            check.fail(name, "missing", _("{name} is listed but missing.").format(name=name))
        elif hashlib.sha256(entries[name]).hexdigest() != digest:
            check.fail(name, "sha256", _("{name} was changed after signing.").format(name=name))


def _check_json(entries: dict[str, bytes], check: PackageCheck) -> Any:
    try:
        document = strict_json(entries[layout.PACKAGE_JSON])
    except (UnicodeDecodeError, ValueError) as error:
        check.fail(
            layout.PACKAGE_JSON,
            "json",
            _("package.json is not valid: {reason}").format(reason=error),
        )
        return None
    problem = schema_problem(document, "package.schema.json", layout.PACKAGE_JSON)
    if problem:
        check.fail(layout.PACKAGE_JSON, "schema", problem)
    return document


def verify_package(
    path: Path, trusted: list[x509.Certificate] | None = None, previous: Path | None = None
) -> PackageCheck:
    """Every check of the format doc; ``previous`` is the authority's preceding package."""
    from acsg_desktop.core.package.pdf_check import check_report

    check = PackageCheck()
    entries = _read_entries(path, check)
    missing = [name for name in layout.ENTRIES if name not in entries]
    for name in missing:
        check.fail(name, "missing", _("{name} is missing from the package.").format(name=name))
    if missing:
        return check
    sums = _check_signature(entries, trusted, check)
    _check_hashes(entries, sums, check)
    document = _check_json(entries, check)
    check_report(entries[layout.REPORT], entries[layout.PACKAGE_JSON], check)
    _check_manifest(entries, document, check, previous)
    return check


def _check_manifest(
    entries: dict[str, bytes], document: Any, check: PackageCheck, previous: Path | None
) -> None:
    try:
        manifest = strict_json(entries[layout.MANIFEST])
    except (UnicodeDecodeError, ValueError) as error:
        check.fail(layout.MANIFEST, "json", str(error))
        return
    check.manifest = manifest
    if isinstance(document, dict) and manifest.get("package_id") != document.get("package_id"):
        check.fail(layout.MANIFEST, "package_id", _("The manifest is for another package."))
    if check.signer is not None and manifest.get("signer", {}).get("fingerprint") != fingerprint(
        check.signer
    ):
        check.fail(layout.MANIFEST, "signer", _("The manifest names another signer."))
    if previous is not None:
        _check_sequence(manifest, previous, check)


def _check_sequence(manifest: dict[str, Any], previous: Path, check: PackageCheck) -> None:
    try:
        with zipfile.ZipFile(previous) as archive:
            earlier = json.loads(archive.read(layout.MANIFEST))
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        check.fail(layout.MANIFEST, "previous", _("The previous package cannot be read."))
        return
    if manifest.get("sequence", 0) <= earlier.get("sequence", 0):
        check.fail(
            layout.MANIFEST,
            "sequence",
            _(
                "Sequence {number} is not after the previous package's {previous}: "
                "an older package was replayed."
            ).format(number=manifest.get("sequence"), previous=earlier.get("sequence")),
        )
    if manifest.get("previous_package_sha256") != hashlib.sha256(previous.read_bytes()).hexdigest():
        check.fail(layout.MANIFEST, "previous", _("The previous-package hash does not match."))
