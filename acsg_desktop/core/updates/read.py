"""Reading a signed update: never extracted, every entry checked first.

Order: the envelope's structure and caps -> signature over SHA256SUMS by a trusted signer ->
every entry listed with its hash -> bundle.json against the kind's schema and the listing.
Any failure raises UpdateError naming the reason; the caller installs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from acsg_desktop.core.envelope.reader import EnvelopeError
from acsg_desktop.core.envelope.signed import read_signed
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.signing.cms import SignatureError
from acsg_desktop.core.strict_json import JsonDocumentError, strict_json
from acsg_desktop.core.updates.kind import MANIFEST, UpdateKind


class UpdateError(AcsgError):
    """The update was refused; ``reason`` is a stable code, the message is for people."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class SignedUpdate:
    """A checked update: its manifest's facts and its content files (name -> bytes)."""

    version: int
    expires: datetime
    min_app_version: str
    files: dict[str, bytes]
    signer: x509.Certificate


def _aware_time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise UpdateError("manifest", _("bundle.json: expires is not a date.")) from error
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise UpdateError("manifest", _("bundle.json: expires has no time zone."))
    return moment


def _manifest(data: bytes, kind: UpdateKind) -> dict[str, Any]:
    try:
        document = strict_json(data)
    except JsonDocumentError as error:
        raise UpdateError(
            "manifest", _("bundle.json is not valid: {reason}").format(reason=error.message)
        ) from error
    problem = schema_problem(document, kind.schema, MANIFEST)
    if problem:
        raise UpdateError("manifest", problem)
    return dict(document)


def _check_manifest_listing(
    entries: dict[str, bytes], sums: dict[str, str], manifest: dict[str, Any], kind: UpdateKind
) -> None:
    files = {item["name"]: item for item in manifest["files"]}
    content = {name for name in sums if kind.content.match(name)}
    if len(files) != len(manifest["files"]) or set(files) != content:
        raise UpdateError("manifest", _("bundle.json does not list the same files as SHA256SUMS."))
    for name, item in files.items():
        if item["sha256"] != sums[name] or item["size"] != len(entries[name]):
            raise UpdateError("hash", _("{name} does not match bundle.json.").format(name=name))


def _signed_entries(
    path: Path, kind: UpdateKind, trusted: list[x509.Certificate], at: datetime
) -> tuple[dict[str, bytes], dict[str, str], x509.Certificate]:
    try:
        return read_signed(
            path, kind.caps, kind.allowed_name, trusted, at, MANIFEST, own_certificate=True
        )
    except (EnvelopeError, SignatureError) as error:
        raise UpdateError(error.reason, error.message) from error


def read_update(
    path: Path, kind: UpdateKind, trusted: list[x509.Certificate], at: datetime
) -> SignedUpdate:
    """The update at ``path``, once its envelope, signature and manifest have held.

    Args:
        path: the file received.
        kind: which kind of update it must be.
        trusted: the Secretariat certificates a signer must chain to.
        at: the time certificates are checked against (the highest time seen).

    Raises:
        UpdateError: with the reason; nothing was read into the app.
    """
    entries, sums, signer = _signed_entries(path, kind, trusted, at)
    manifest = _manifest(entries[MANIFEST], kind)
    expires = _aware_time(manifest["expires"])
    _check_manifest_listing(entries, sums, manifest, kind)
    files = {name: data for name, data in entries.items() if kind.content.match(name)}
    version = int(manifest["version"])  # the schema's "integer" also admits 2.0
    return SignedUpdate(version, expires, manifest["min_app_version"], files, signer)
