"""Moving to another computer: one passphrase-sealed file with everything, and its import.

``move_out`` writes the file from an open workspace's database (a checked copy, the settings,
the data folder's files; the signing keys only when asked). ``inspect`` opens a file and runs
every check without changing anything, to say what it holds. ``move_in`` runs the same checks,
then, holding the data folder's lock, replaces its database (the current one is kept aside, as
a restore does) and installs the files (a different file already there is kept beside it).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from acsg_desktop import __version__
from acsg_desktop.core.errors import AcsgError, os_reason
from acsg_desktop.core.fileio import atomic_writer
from acsg_desktop.core.i18n import _
from acsg_desktop.core.package.identities import MIN_PASSPHRASE
from acsg_desktop.core.preferences import save_settings
from acsg_desktop.core.store.backup import BackupRefusedError
from acsg_desktop.core.store.database import (
    Database,
    StoreWriteError,
    database_path,
    prepare_data_dir,
    restore_closed,
    translated_errors,
)
from acsg_desktop.core.store.health import put_back
from acsg_desktop.core.store.lock import InstanceLock
from acsg_desktop.core.store.move import DatabaseFacts, database_facts, snapshot
from acsg_desktop.core.store.schema_guard import named, unexpected_objects
from acsg_desktop.core.transfer import payload
from acsg_desktop.core.transfer.install import (
    InstalledFiles,
    carried_settings,
    file_targets,
    install_files,
    settings_bytes,
)
from acsg_desktop.core.transfer.progress import Meter, Percent, ignore
from acsg_desktop.core.transfer.sealed import seal, unseal

SUFFIX = ".acsgmove"
FORMAT = "acsg-move"


@dataclass(frozen=True)
class MoveSummary:
    """What a move file holds, said before it is applied."""

    created_at: datetime
    app_version: str
    with_keys: bool
    answers: int
    requests: int
    packages: int
    last_package: int  # the highest package number (0: none yet)
    audit_entries: int
    files: int  # besides the database and the settings


@dataclass(frozen=True)
class MoveResult:
    """A move applied: what arrived, and where what was replaced was kept."""

    summary: MoveSummary
    previous_database: Path | None
    previous_files: list[Path]


@contextmanager
def _staging(data_dir: Path | None) -> Iterator[Path]:
    """A private folder inside ``data_dir`` (the same disk; the system's temporary folder
    when None), removed afterwards."""
    if data_dir is not None:
        data_dir.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=data_dir, prefix=".move-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _disk_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise AcsgError(
            _("{path} could not be read or written: {reason}").format(
                path=path, reason=os_reason(error)
            )
        ) from error


def require_passphrase(passphrase: bytes) -> None:
    """Refuse a passphrase too short to protect a file that travels."""
    if len(passphrase.decode("utf-8", errors="replace")) < MIN_PASSPHRASE:
        raise AcsgError(
            _("Choose a passphrase of at least {count} characters.").format(count=MIN_PASSPHRASE)
        )


def _manifest(facts: DatabaseFacts, with_keys: bool, entries: dict[str, Any]) -> dict[str, Any]:
    counts = facts.counts
    return {
        "format": FORMAT,
        "version": 1,
        "app_version": __version__,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "with_keys": with_keys,
        "database": {
            "revision": facts.revision,
            "audit_entries": facts.chain.entries,
            "audit_head": facts.chain.head,
            "answers": counts.answers,
            "requests": counts.requests,
            "packages": counts.packages,
            "last_package": counts.last_package,
        },
        "entries": entries,
    }


def _summary(document: dict[str, Any]) -> MoveSummary:
    database = document["database"]
    return MoveSummary(
        created_at=datetime.fromisoformat(document["created_at"]),
        app_version=document["app_version"],
        with_keys=document["with_keys"],
        answers=database["answers"],
        requests=database["requests"],
        packages=database["packages"],
        last_package=database["last_package"],
        audit_entries=database["audit_entries"],
        files=len(document["entries"]) - 2,
    )


def _zip(staging: Path, copy: Path, data_dir: Path, with_keys: bool, progress: Percent) -> Path:
    """The ZIP of everything carried, with its manifest; its path."""
    facts = database_facts(copy)
    (staging / payload.SETTINGS).write_bytes(settings_bytes(data_dir))
    files = [
        (payload.DATABASE, copy),
        (payload.SETTINGS, staging / payload.SETTINGS),
        *payload.carried_files(data_dir, with_keys),
    ]
    meter = Meter(progress, sum(path.stat().st_size for _name, path in files), 5, 45)
    zipped = staging / "payload.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        entries = {name: payload.add_file(archive, name, path, meter) for name, path in files}
        document = _manifest(facts, with_keys, entries)
        archive.writestr(payload.MANIFEST, json.dumps(document, ensure_ascii=False, indent=1))
    return zipped


def move_out(
    database: Database,
    data_dir: Path,
    target: Path,
    passphrase: bytes,
    with_keys: bool = False,
    progress: Percent = ignore,
) -> MoveSummary:
    """Write ``target``: everything of ``data_dir`` sealed with ``passphrase``.

    Raises:
        AcsgError: a passphrase too short, a database that fails its check, a disk that
            refuses; ``target`` is then not written.
    """
    require_passphrase(passphrase)
    with _disk_errors(target), _staging(data_dir) as staging:
        progress(0)
        copy = snapshot(database, staging / "database")
        zipped = _zip(staging, copy, data_dir, with_keys, progress)
        size = zipped.stat().st_size
        with zipped.open("rb") as source, atomic_writer(target) as out:
            seal(source, size, out, passphrase, Meter(progress, size, 45, 100))
        with zipfile.ZipFile(zipped) as archive:
            return _summary(payload.read_manifest(archive))


def _damaged_content() -> payload.PayloadError:
    return payload.PayloadError(
        _("The content of the file cannot be read: it was refused, and nothing was changed.")
    )


def _refuse_other_data(document: dict[str, Any], facts: DatabaseFacts) -> None:
    """The database that arrived must be the one the manifest describes."""
    listed = document["database"]
    found = {
        "revision": facts.revision,
        "audit_entries": facts.chain.entries,
        "audit_head": facts.chain.head,
        "answers": facts.counts.answers,
        "requests": facts.counts.requests,
        "packages": facts.counts.packages,
        "last_package": facts.counts.last_package,
    }
    if found != listed:
        raise payload.PayloadError(
            _("The data in the file is not the data its list of contents describes.")
        )


def _open(source: Path, passphrase: bytes, staging: Path, progress: Percent) -> dict[str, Any]:
    """Unseal and check ``source`` into ``staging/tree``; its manifest."""
    zipped = staging / "payload.zip"
    with source.open("rb") as sealed_file, zipped.open("wb") as out:
        unseal(sealed_file, out, passphrase, Meter(progress, source.stat().st_size, 0, 50))
    try:
        with zipfile.ZipFile(zipped) as archive:
            document = payload.read_manifest(archive)
            entries = document["entries"]
            meter = Meter(progress, sum(entry["size"] for entry in entries.values()), 50, 75)
            for name, expected in entries.items():
                payload.extract(archive, name, expected, staging / "tree" / name, meter)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as error:
        raise _damaged_content() from error
    zipped.unlink()
    tree = staging / "tree"
    facts = database_facts(tree / payload.DATABASE)
    _refuse_other_data(document, facts)
    _refuse_foreign_objects(tree / payload.DATABASE, facts.revision)
    carried_settings(tree / payload.SETTINGS, staging)  # refused now, not after the database
    progress(80)
    return document


def _refuse_foreign_objects(database: Path, revision: str) -> None:
    """Refuse data holding a trigger, view, table or index the app never creates."""
    try:
        with translated_errors(database, "Checking"):
            strange = unexpected_objects(database, revision)
    except StoreWriteError as error:
        raise _damaged_content() from error
    if strange:
        raise BackupRefusedError(
            _(
                "The data in the file holds what ACSG Desktop never creates ({objects}): it "
                "could change data without a trace. The file was refused, and nothing was "
                "changed."
            ).format(objects=named(strange))
        )


def inspect(
    source: Path, passphrase: bytes, data_dir: Path | None, progress: Percent = ignore
) -> MoveSummary:
    """Open and check ``source`` completely without changing anything (its content is unpacked
    for the check in ``data_dir``, or in the system's temporary folder); what it holds.

    Raises:
        SealError: a wrong passphrase, a foreign, changed or incomplete file.
        PayloadError, BackupRefusedError: content that is not what a move file holds, data
            from a newer version, an altered audit log.
    """
    with _disk_errors(source), _staging(data_dir) as staging:
        summary = _summary(_open(source, passphrase, staging, progress))
    progress(100)
    return summary


def move_in(
    source: Path, passphrase: bytes, data_dir: Path, progress: Percent = ignore
) -> MoveResult:
    """Check ``source`` as ``inspect`` does, then make its data the data of ``data_dir`` (not
    in use: this takes its lock). Everything in the file (its database, settings and files)
    is checked before anything is changed: any refusal leaves ``data_dir`` as it was. A disk
    that fails while the data is put in place has what was done undone, step by step.

    Raises:
        SealError, PayloadError, BackupRefusedError: as ``inspect``; InstanceLockedError when
            the app is open on ``data_dir``; AcsgError when the disk fails while the data is put
            in place (it says whether the folder could be put back as it was).
    """
    prepare_data_dir(data_dir)
    with _disk_errors(source), InstanceLock(data_dir), _staging(data_dir) as staging:
        document = _open(source, passphrase, staging, progress)
        tree = staging / "tree"
        settings = carried_settings(tree / payload.SETTINGS, data_dir)
        file_targets(tree / payload.FILES, data_dir)
        # restore_closed checks the database again before it replaces the current one.
        previous = restore_closed(data_dir, tree / payload.DATABASE)
        progress(95)
        installed = InstalledFiles()
        try:
            install_files(tree / payload.FILES, data_dir, installed)
            save_settings(data_dir, settings)
        except BaseException as error:
            _undo_move_in(data_dir, previous, installed, error)
            raise
    progress(100)
    return MoveResult(_summary(document), previous, installed.kept)


def _undo_move_in(
    data_dir: Path, previous: Path | None, installed: InstalledFiles, error: BaseException
) -> None:
    """Put ``data_dir`` back as it was before a move-in that failed after its database was
    replaced; for a disk's refusal, raise the error that says so and what was put back."""
    files_error = _attempt(installed.undo)
    database_error = _attempt(lambda: put_back(database_path(data_dir), previous))
    if not isinstance(error, OSError):
        return  # the first error goes on as it was
    undo_error = files_error or database_error
    if undo_error is None:
        raise AcsgError(
            _(
                "The data could not be put in place in {folder}: {reason}. The data folder "
                "was put back as it was, and nothing was changed."
            ).format(folder=data_dir, reason=os_reason(error))
        ) from error
    if database_error is None:
        where = _("The database that was there is back in place.")
    elif previous is not None:
        where = _("The database that was there is kept as {path}.").format(path=previous)
    else:
        where = _("There was no database there before.")
    raise AcsgError(
        _(
            "The data could not be put in place in {folder}: {reason}; and it could not be "
            "put back as it was: {undo_reason}. {where} Files that were there are kept beside "
            "the new ones, named “…before-move-…”. Free some space or repair the disk, then "
            "import the file again."
        ).format(
            folder=data_dir,
            reason=os_reason(error),
            undo_reason=os_reason(undo_error),
            where=where,
        )
    ) from error


def _attempt(step: Callable[[], None]) -> OSError | None:
    """Run ``step``; the disk's refusal, if any."""
    try:
        step()
    except OSError as error:
        return error
    return None
