"""Evidence files in a package: the exporter chooses, per export, to include the files or only
their hashes. Either way package.json lists every attachment (hash, size, name, whether it is
included); included files go in as ``evidence/<sha256>-<safe name>``, covered by SHA256SUMS.
Verification checks the included files against the hashes package.json lists."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from acsg_desktop.core.evidence.file_types import BY_MEDIA_TYPE
from acsg_desktop.core.evidence.names import safe_name
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _
from acsg_desktop.core.package import layout
from acsg_desktop.core.package.model import EvidenceEntry
from acsg_desktop.core.records.evidence import EvidenceFile

if TYPE_CHECKING:  # `acsg verify` reads packages without the database layer
    from acsg_desktop.core.store.database import Database


class EvidenceChoice(StrEnum):
    """What a package carries of the evidence files."""

    FILES = "files"
    HASHES = "hashes"


def package_name(attached: EvidenceFile) -> str:
    """The entry an included file has in the package."""
    extension = BY_MEDIA_TYPE[attached.media_type].extensions[0]
    return layout.evidence_entry(attached.sha256, safe_name(attached.file_name, extension))


def evidence_entries(
    files: Iterable[EvidenceFile], framework: Framework, choice: EvidenceChoice
) -> tuple[EvidenceEntry, ...]:
    """The attachments of the assessment's answers, in the framework's order of indicators."""
    order = {indicator.id: number for number, indicator in enumerate(framework.indicators)}
    included = choice is EvidenceChoice.FILES
    return tuple(
        EvidenceEntry(
            indicator=attached.indicator_id,
            area=framework.indicator(attached.indicator_id).area_id,
            name=attached.file_name,
            sha256=attached.sha256,
            size=attached.size,
            media_type=attached.media_type,
            included=included,
            path=package_name(attached) if included else None,
        )
        for attached in sorted(files, key=lambda f: (order.get(f.indicator_id, 0), f.id))
        if attached.indicator_id in order
    )


def included_contents(database: Database, entries: Iterable[EvidenceEntry]) -> dict[str, bytes]:
    """The bytes of every included file by its entry name, each checked against its hash."""
    from acsg_desktop.core.store.evidence_repository import EvidenceRepository

    wanted = {entry.path: entry.sha256 for entry in entries if entry.path}
    contents: dict[str, bytes] = {}
    with database.unit_of_work() as session:
        repository = EvidenceRepository(session)
        for path, digest in wanted.items():
            data = repository.content(digest)
            if hashlib.sha256(data).hexdigest() != digest:
                raise ValueError(path)
            contents[path] = data
    return contents


def evidence_problems(document: Mapping[str, Any], entries: Mapping[str, bytes]) -> list[str]:
    """How the package's evidence files disagree with what package.json lists: an included file
    missing or with other bytes, a file in the package that package.json does not include."""
    listed = [item for item in document.get("evidence_files", []) if item["included"]]
    paths = {item["path"] for item in listed}
    problems = []
    for item in listed:
        data = entries.get(item["path"])
        if data is None:
            problems.append(
                _("{name} is listed as included but missing.").format(name=item["path"])
            )
        elif hashlib.sha256(data).hexdigest() != item["sha256"] or len(data) != item["size"]:
            problems.append(
                _("{name} does not match the hash package.json gives it.").format(name=item["path"])
            )
        elif not item["path"].startswith(layout.evidence_entry(item["sha256"], "")):
            problems.append(_("{name} is not named by its hash.").format(name=item["path"]))
    problems += [
        _("{name} is not listed in package.json.").format(name=name)
        for name in entries
        if layout.is_evidence_entry(name) and name not in paths
    ]
    return problems
