"""Files written so that a crash or a full disk never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".partial"


def fsync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """Yield a file in ``target``'s folder; on success it is fsynced and renamed over ``target``.

    On any exception the temporary file is removed and ``target`` is untouched.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX
    )
    temp_path = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_path, target)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)


def write_bytes_atomically(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically."""
    with atomic_writer(target) as stream:
        stream.write(data)


def write_files_together(files: dict[Path, bytes]) -> None:
    """Replace each target of ``files`` with its data, all or none on a full or failing disk.

    Every file is written in full and synced beside its target first; only then are they
    renamed into place, in order (a rename needs no space). A refusal while writing removes
    what was written and changes no target; only a crash between two renames (milliseconds)
    could leave some renamed and not the others.
    """
    written: list[tuple[Path, Path]] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX
            )
            written.append((Path(temp_name), target))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        for temp_path, target in written:
            os.replace(temp_path, target)
    except BaseException:
        for temp_path, _target in written:
            temp_path.unlink(missing_ok=True)
        raise
    for folder in {target.parent for _temp, target in written}:
        fsync_folder(folder)


def write_text_atomically(target: Path, text: str) -> None:
    """Replace ``target`` with ``text`` (UTF-8) atomically."""
    write_bytes_atomically(target, text.encode("utf-8"))


# SQLite's side files of a temporary copy (a backup killed mid-copy leaves them beside it).
LEFTOVER_SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete temporary files a killed process left in ``folder``; return what was removed.

    Only our own names (``.<name>.partial`` and SQLite's ``-wal``, ``-shm`` and ``-journal``
    files beside them) are touched: a live database's own side files never match.
    """
    removed = []
    for suffix in LEFTOVER_SIDE_SUFFIXES:
        for leftover in folder.glob(f".*{TEMP_SUFFIX}{suffix}"):
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
    return removed


def remove_leftovers_in(data_dir: Path) -> list[Path]:
    """Clean ``data_dir`` and every folder directly inside it (backups, identities, logs, ...).

    Call it only while holding the data folder's lock, so a second start cannot remove the
    temporary files of the instance that is running. Folders the user chose for exports are
    not known here and are not cleaned.

    Args:
        data_dir: the data folder.

    Returns:
        The files removed.
    """
    removed = remove_leftovers(data_dir)
    try:
        folders = [
            entry for entry in data_dir.iterdir() if entry.is_dir() and not entry.is_symlink()
        ]
    except OSError:
        return removed
    for folder in folders:
        removed.extend(remove_leftovers(folder))
    return removed
