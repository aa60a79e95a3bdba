"""Putting a move file's settings and files in place on the new computer.

Nothing is overwritten without a copy: a file already there with other content is kept beside
the new one as ``<name>.before-move-<time>``. The window's size and place stay this computer's.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path

from acsg_desktop.core.errors import os_reason
from acsg_desktop.core.fileio import fsync_folder
from acsg_desktop.core.i18n import _
from acsg_desktop.core.preferences import Settings, load_settings
from acsg_desktop.core.strict_json import JsonDocumentError, strict_json
from acsg_desktop.core.transfer.payload import PayloadError

# Settings that describe this screen, not the office: never carried.
LOCAL_SETTINGS = frozenset({"window_geometry"})


def settings_bytes(data_dir: Path) -> bytes:
    """The settings of ``data_dir`` that travel, as JSON."""
    carried = {
        key: value
        for key, value in asdict(load_settings(data_dir)).items()
        if key not in LOCAL_SETTINGS
    }
    return json.dumps(carried, ensure_ascii=False).encode("utf-8")


def carried_settings(staged: Path, data_dir: Path) -> Settings:
    """``data_dir``'s settings with the carried ones in ``staged`` taken in (the local ones
    kept), without saving them: read before anything changes, so a bad file changes nothing.

    Raises:
        PayloadError: the carried settings are not a JSON object the app accepts.
    """
    settings = load_settings(data_dir)
    if not staged.is_file():
        return settings
    try:
        document = strict_json(staged.read_bytes())
    except (JsonDocumentError, OSError) as error:
        reason = error.message if isinstance(error, JsonDocumentError) else os_reason(error)
        raise PayloadError(
            _(
                "The settings in the file cannot be read ({reason}): it was refused, and "
                "nothing was changed."
            ).format(reason=reason)
        ) from error
    if not isinstance(document, dict):
        raise PayloadError(
            _(
                "The settings in the file cannot be read ({reason}): it was refused, and "
                "nothing was changed."
            ).format(reason=_("they are not a list of names and values"))
        )
    known = {field.name for field in fields(Settings)} - LOCAL_SETTINGS
    for key, value in document.items():
        if key in known and isinstance(value, str):
            setattr(settings, key, value)
    return settings


def file_targets(staged_root: Path, data_dir: Path) -> list[tuple[Path, Path]]:
    """(staged file, where it goes) for each file under ``staged_root``, checked before
    anything is installed: no place may be a folder, nor lie under a file.

    Raises:
        PayloadError: a file of the move cannot be put in its place.
    """
    if not staged_root.is_dir():
        return []
    pairs = []
    for staged in sorted(path for path in staged_root.rglob("*") if path.is_file()):
        relative = staged.relative_to(staged_root)
        target = data_dir / relative
        folders = [data_dir / parent for parent in relative.parents if parent.parts]
        if (
            target.is_symlink()
            or target.is_dir()
            or any(place.is_symlink() or place.is_file() for place in folders)
        ):
            raise PayloadError(
                _(
                    "{name} cannot be put in its place in {folder}: something else is there. "
                    "The file was refused, and nothing was changed."
                ).format(name=relative.as_posix()[:200], folder=data_dir)
            )
        pairs.append((staged, target))
    return pairs


def _same(first: Path, second: Path) -> bool:
    if first.stat().st_size != second.stat().st_size:
        return False
    return first.read_bytes() == second.read_bytes()


@dataclass
class InstalledFiles:
    """What ``install_files`` changed so far, so that a later failure can undo it."""

    placed: list[Path] = field(default_factory=list)  # new files where there was none
    replaced: list[tuple[Path, Path]] = field(default_factory=list)  # (place, old file kept)
    folders: list[Path] = field(default_factory=list)  # folders made for them

    @property
    def kept(self) -> list[Path]:
        """Where the different files already there were kept."""
        return [aside for _place, aside in self.replaced]

    def undo(self) -> None:
        """Put every place back as it was before the install.

        Raises:
            OSError: the disk refused a step; the steps not yet undone stay as they are.
        """
        for place in reversed(self.placed):
            place.unlink(missing_ok=True)
        self.placed.clear()
        while self.replaced:
            place, aside = self.replaced[-1]
            os.replace(aside, place)
            self.replaced.pop()
        for folder in reversed(self.folders):
            with suppress(OSError):  # not empty: something else was put there meanwhile
                folder.rmdir()
        self.folders.clear()


def _make_folders(folder: Path, installed: InstalledFiles) -> None:
    missing = [place for place in (folder, *folder.parents) if not place.exists()]
    for place in reversed(missing):
        place.mkdir()
        installed.folders.append(place)


def install_files(staged_root: Path, data_dir: Path, installed: InstalledFiles) -> None:
    """Move every file under ``staged_root`` to the same place under ``data_dir``, noting each
    step in ``installed`` as it is done (a different file already there is kept beside).

    Raises:
        OSError: the disk refused a step; ``installed`` holds the steps done until then.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for staged, target in file_targets(staged_root, data_dir):
        _make_folders(target.parent, installed)
        if target.is_file():
            if _same(staged, target):
                continue
            aside = target.with_name(f"{target.name}.before-move-{stamp}")
            os.replace(target, aside)
            installed.replaced.append((target, aside))
        else:
            installed.placed.append(target)
        os.replace(staged, target)
        fsync_folder(target.parent)
