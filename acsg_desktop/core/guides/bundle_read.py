"""Reading a guide bundle from the Secretariat: never extracted, every entry checked first.

Order: ZIP structure and caps -> signature over SHA256SUMS by a trusted signer -> every entry
listed with its hash and size -> bundle.json -> the guides themselves. Any failure raises
BundleError naming the reason; nothing is installed.
"""

from __future__ import annotations

import json
import re
import stat
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.guides.bundle_format import (
    ENVELOPE,
    MANIFEST,
    MAX_ENTRIES,
    MAX_ENTRY_BYTES,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    SIGNATURE,
    SIGNER,
    SUMS,
    parse_sums,
    sha256_hex,
)
from acsg_desktop.core.guides.loader import GuideError, guides_from_files
from acsg_desktop.core.guides.model import Guide
from acsg_desktop.core.i18n import _
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.signing.cms import SignatureError, load_certificates, verify_detached

GUIDE_NAME = re.compile(r"^[a-z0-9-]+\.(en|fr)\.md$")


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


def _check_name(info: zipfile.ZipInfo, seen: set[str]) -> None:
    name = info.filename
    unsafe = (
        ".." in name
        or name.startswith(("/", "\\"))
        or "\\" in name
        or "\0" in name
        or ":" in name
        or "/" in name
    )
    if unsafe:
        raise BundleError(
            "unsafe_name", _("Unsafe entry name in the bundle: {name}.").format(name=repr(name))
        )
    if name in seen:
        raise BundleError("duplicate", _("The bundle holds {name} twice.").format(name=name))
    if stat.S_ISLNK(info.external_attr >> 16):
        raise BundleError("symlink", _("The bundle holds a link ({name}).").format(name=name))
    if info.flag_bits & 0x1:
        raise BundleError(
            "encrypted", _("The bundle holds an encrypted entry ({name}).").format(name=name)
        )
    if not (GUIDE_NAME.match(name) or name in ENVELOPE or name == MANIFEST):
        raise BundleError(
            "unexpected", _("Unexpected entry in the bundle: {name}.").format(name=name)
        )
    seen.add(name)


def _check_sizes(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise BundleError("too_many", _("The bundle has too many entries."))
    total = 0
    for info in infos:
        total += info.file_size
        too_big = info.file_size > MAX_ENTRY_BYTES or total > MAX_TOTAL_BYTES
        if too_big or info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BundleError(
                "too_big",
                _("The bundle entry {name} is too large or too compressed to be safe.").format(
                    name=info.filename
                ),
            )


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """An entry's bytes, stopping at its declared size (entries that lie are refused)."""
    with archive.open(info) as stream:
        data = stream.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise BundleError(
            "size",
            _("The size of {name} does not match the bundle's index.").format(name=info.filename),
        )
    return data


def _verified_sums(
    entries: dict[str, bytes], trusted: list[x509.Certificate], at: datetime
) -> tuple[dict[str, str], x509.Certificate]:
    missing = [name for name in (*ENVELOPE, MANIFEST) if name not in entries]
    if missing:
        raise BundleError(
            "unsigned", _("The bundle is not signed (missing {name}).").format(name=missing[0])
        )
    if not load_certificates(entries[SIGNER]):
        raise BundleError("unsigned", _("signer.pem holds no certificate."))
    try:
        check = verify_detached(entries[SUMS], entries[SIGNATURE], trusted, at)
    except SignatureError as error:
        raise BundleError(error.reason, error.message) from error
    try:
        return parse_sums(entries[SUMS]), check.signer
    except ValueError as error:
        raise BundleError("sums", _("The list of hashes is malformed.")) from error


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _manifest(data: bytes) -> dict[str, Any]:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _value in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate key")
        return dict(pairs)

    try:
        document = json.loads(
            data.decode("utf-8"),
            object_pairs_hook=no_duplicates,
            parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)),
        )
    except (UnicodeDecodeError, ValueError) as error:
        raise BundleError("manifest", _("bundle.json is not valid JSON.")) from error
    problem = schema_problem(document, "guide-bundle.schema.json", MANIFEST)
    if problem:
        raise BundleError("manifest", problem)
    return dict(document)


def _check_listing(
    entries: dict[str, bytes], sums: dict[str, str], manifest: dict[str, Any]
) -> None:
    listed = set(sums) | set(ENVELOPE)
    for name in entries:
        if name not in listed:
            raise BundleError(
                "unlisted", _("{name} is not listed in SHA256SUMS.").format(name=name)
            )
    for name, digest in sums.items():
        if name not in entries:
            raise BundleError("missing", _("{name} is listed but missing.").format(name=name))
        if sha256_hex(entries[name]) != digest:
            raise BundleError(
                "hash",
                _(
                    "{name} does not match its hash: it was changed or comes from another bundle."
                ).format(name=name),
            )
    files = {item["name"]: item for item in manifest["files"]}
    if set(files) != set(sums) - {MANIFEST}:
        raise BundleError("manifest", _("bundle.json does not list the same files as SHA256SUMS."))
    for name, item in files.items():
        if item["sha256"] != sums[name] or item["size"] != len(entries[name]):
            raise BundleError("hash", _("{name} does not match bundle.json.").format(name=name))


def read_bundle(path: Path, trusted: list[x509.Certificate], at: datetime) -> BundleContents:
    """Everything in the bundle at ``path``, once every check has held."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos, seen = archive.infolist(), set[str]()
            for info in infos:
                _check_name(info, seen)
            _check_sizes(infos)
            entries = {info.filename: _read(archive, info) for info in infos}
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise BundleError("not_zip", _("This file is not a guide bundle.")) from error
    sums, signer = _verified_sums(entries, trusted, at)
    manifest = _manifest(entries[MANIFEST])
    _check_listing(entries, sums, manifest)
    try:
        guides = guides_from_files(
            {name: entries[name].decode("utf-8") for name in entries if GUIDE_NAME.match(name)}
        )
    except (GuideError, UnicodeDecodeError) as error:
        raise BundleError("guide", getattr(error, "message", str(error))) from error
    return BundleContents(
        manifest["version"],
        datetime.fromisoformat(manifest["expires"]),
        manifest["min_app_version"],
        guides,
        signer,
    )
