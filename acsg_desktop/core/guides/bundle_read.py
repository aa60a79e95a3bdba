"""Reading a guide bundle from the Secretariat: never extracted, every entry checked first.

Order: the envelope's structure and caps -> signature over SHA256SUMS by a trusted signer ->
every entry listed with its hash -> bundle.json against its schema and the listing -> the
guides themselves. Any failure raises BundleError naming the reason; nothing is installed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from acsg_desktop.core.envelope.reader import EnvelopeError, read_envelope
from acsg_desktop.core.envelope.signed import check_signature, listing_problems, read_sums
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.guides.bundle_format import CAPS, GUIDE_NAME, MANIFEST, allowed_name
from acsg_desktop.core.guides.loader import GuideError, guides_from_files
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.guides import Guide
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.signing.cms import SignatureError
from acsg_desktop.core.strict_json import JsonDocumentError, strict_json


class BundleError(AcsgError):
    """The bundle was refused; ``reason`` is a stable code, the message is for people."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class BundleContents:
    version: int
    expires: datetime
    min_app_version: str
    guides: list[Guide]
    signer: x509.Certificate


def _aware_time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise BundleError("manifest", _("bundle.json: expires is not a date.")) from error
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise BundleError("manifest", _("bundle.json: expires has no time zone."))
    return moment


def _manifest(data: bytes) -> dict[str, Any]:
    try:
        document = strict_json(data)
    except JsonDocumentError as error:
        raise BundleError(
            "manifest", _("bundle.json is not valid: {reason}").format(reason=error.message)
        ) from error
    problem = schema_problem(document, "guide-bundle.schema.json", MANIFEST)
    if problem:
        raise BundleError("manifest", problem)
    return dict(document)


def _check_manifest_listing(
    entries: dict[str, bytes], sums: dict[str, str], manifest: dict[str, Any]
) -> None:
    files = {item["name"]: item for item in manifest["files"]}
    guides = {name for name in sums if GUIDE_NAME.match(name)}
    if len(files) != len(manifest["files"]) or set(files) != guides:
        raise BundleError("manifest", _("bundle.json does not list the same files as SHA256SUMS."))
    for name, item in files.items():
        if item["sha256"] != sums[name] or item["size"] != len(entries[name]):
            raise BundleError("hash", _("{name} does not match bundle.json.").format(name=name))


def _signed_entries(
    path: Path, trusted: list[x509.Certificate], at: datetime
) -> tuple[dict[str, bytes], dict[str, str], x509.Certificate]:
    try:
        entries = read_envelope(path, CAPS, allowed_name)
        signer = check_signature(entries, trusted, at)
        sums = read_sums(entries)
        problems = listing_problems(entries, sums)
        if problems:
            raise problems[0]
        if MANIFEST not in sums:
            raise EnvelopeError("unsigned", _("The bundle has no signed bundle.json."), MANIFEST)
    except (EnvelopeError, SignatureError) as error:
        raise BundleError(error.reason, error.message) from error
    return entries, sums, signer


def read_bundle(path: Path, trusted: list[x509.Certificate], at: datetime) -> BundleContents:
    """Everything in the bundle at ``path``, once every check has held."""
    entries, sums, signer = _signed_entries(path, trusted, at)
    manifest = _manifest(entries[MANIFEST])
    expires = _aware_time(manifest["expires"])
    _check_manifest_listing(entries, sums, manifest)
    try:
        guides = guides_from_files(
            {name: entries[name].decode("utf-8") for name in entries if GUIDE_NAME.match(name)}
        )
    except (GuideError, UnicodeDecodeError) as error:
        raise BundleError(
            "guide", getattr(error, "message", _("A guide is not UTF-8 text."))
        ) from error
    version = int(manifest["version"])  # the schema's "integer" also admits 2.0
    return BundleContents(version, expires, manifest["min_app_version"], guides, signer)
