"""What a move file carries, as a ZIP inside the sealed file: the database, the settings, the
files of the data folder (the signing keys only when asked), and a manifest that lists each
entry with its size and SHA-256.

The ZIP is read back only after every chunk of the sealed file proved the passphrase, and even
then nothing in it is trusted: every name must be one we write, every entry must be listed in
the manifest with the size and hash read, and nothing is written outside the staging folder.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.fileio import TEMP_SUFFIX
from acsg_desktop.core.i18n import _
from acsg_desktop.core.package.identities import FOLDER as IDENTITIES
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.strict_json import strict_json

MANIFEST = "manifest.json"
DATABASE = "acsg.sqlite3"
SETTINGS = "settings.json"
FILES = "files"
# Never carried: they belong to this computer (its own backups and logs).
LOCAL_FOLDERS = frozenset({"backups", "logs"})
MAX_MANIFEST = 64 * 1024 * 1024
_BLOCK = 1024 * 1024

Progress = Callable[[int], None]  # told each time how many more bytes are done


class PayloadError(AcsgError):
    """The content of a move file is not what a move file holds; nothing was changed."""


def carried_files(data_dir: Path, with_keys: bool) -> Iterator[tuple[str, Path]]:
    """(entry name, path) of each file of ``data_dir``'s folders that a move carries: no
    symbolic link is followed, no temporary file is taken."""
    try:
        folders = sorted(entry for entry in data_dir.iterdir() if entry.is_dir())
    except OSError:
        return
    for folder in folders:
        if folder.is_symlink() or not _carried_folder(folder.name, with_keys):
            continue
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(name for name in dirs if not _temporary(name))
            for name in sorted(names):
                path = Path(root) / name
                if not _temporary(name) and path.is_file() and not path.is_symlink():
                    yield f"{FILES}/{path.relative_to(data_dir).as_posix()}", path


def _carried_folder(name: str, with_keys: bool) -> bool:
    if name.startswith(".") or name in LOCAL_FOLDERS:
        return False
    return with_keys or name != IDENTITIES


def _temporary(name: str) -> bool:
    return name.startswith(".") or name.endswith(TEMP_SUFFIX)


def add_file(archive: zipfile.ZipFile, name: str, path: Path, progress: Progress) -> dict[str, Any]:
    """Copy ``path`` into ``archive`` as ``name``; its size and SHA-256 for the manifest."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as source, archive.open(name, "w", force_zip64=True) as target:
        while block := source.read(_BLOCK):
            digest.update(block)
            target.write(block)
            size += len(block)
            progress(len(block))
    return {"size": size, "sha256": digest.hexdigest()}


def entry_path(name: str, with_keys: bool) -> PurePosixPath:
    """The relative path ``name`` stands for, once it is known to be one we write.

    Raises:
        PayloadError: a name we never write (absolute, with "..", a local folder, a key
            in a file made without keys).
    """
    path = PurePosixPath(name)
    parts = path.parts
    plain = all(part not in ("", ".", "..") and not _temporary(part) for part in parts)
    if name in (DATABASE, SETTINGS):
        return path
    if (
        "\\" not in name
        and "\0" not in name
        and not path.is_absolute()
        and plain
        and len(parts) >= 3
        and parts[0] == FILES
        and _carried_folder(parts[1], with_keys)
    ):
        return path
    raise PayloadError(
        _("The file holds an entry that a move file never holds: {name}").format(name=name[:200])
    )


def read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    """The manifest, checked (strict JSON, schema, the entries it lists are exactly those
    in the archive, each once).

    Raises:
        PayloadError: a missing, malformed or incomplete manifest.
    """
    names = archive.namelist()
    if MANIFEST not in names or archive.getinfo(MANIFEST).file_size > MAX_MANIFEST:
        raise PayloadError(_("The file has no readable list of its contents."))
    document = strict_json(archive.read(MANIFEST))
    problem = schema_problem(document, "move.schema.json", MANIFEST)
    if problem:
        raise PayloadError(problem)
    listed = set(document["entries"])
    if len(names) != len(set(names)) or set(names) != listed | {MANIFEST} or DATABASE not in listed:
        raise PayloadError(_("The file's contents do not match its list of contents."))
    for name in listed:
        entry_path(name, document["with_keys"])
    return dict(document)


def extract(
    archive: zipfile.ZipFile, name: str, expected: dict[str, Any], target: Path, progress: Progress
) -> None:
    """Write entry ``name`` to ``target``, refusing it unless its size and hash are those the
    manifest lists (at most that size is ever read)."""
    digest, size = hashlib.sha256(), 0
    target.parent.mkdir(parents=True, exist_ok=True)
    with archive.open(name) as source, target.open("wb") as out:
        while block := source.read(min(_BLOCK, expected["size"] + 1 - size)):
            digest.update(block)
            out.write(block)
            size += len(block)
            progress(len(block))
    if size != expected["size"] or digest.hexdigest() != expected["sha256"]:
        raise PayloadError(
            _("{name} in the file does not match its listed hash.").format(name=name[:200])
        )
