"""Putting a move file's settings and files in place on the new computer.

Nothing is overwritten without a copy: a file already there with other content is kept beside
the new one as ``<name>.before-move-<time>``. The window's size and place stay this computer's.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path

from acsg_desktop.core.fileio import fsync_folder
from acsg_desktop.core.preferences import Settings, load_settings, save_settings
from acsg_desktop.core.strict_json import strict_json

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


def install_settings(staged: Path, data_dir: Path) -> None:
    """Take the carried settings in ``staged`` into ``data_dir``'s, keeping the local ones."""
    document = strict_json(staged.read_bytes())
    if not isinstance(document, dict):
        return
    settings = load_settings(data_dir)
    known = {field.name for field in fields(Settings)} - LOCAL_SETTINGS
    for key, value in document.items():
        if key in known and isinstance(value, str):
            setattr(settings, key, value)
    save_settings(data_dir, settings)


def _same(first: Path, second: Path) -> bool:
    if first.stat().st_size != second.stat().st_size:
        return False
    return first.read_bytes() == second.read_bytes()


def install_files(staged_root: Path, data_dir: Path) -> list[Path]:
    """Move every file under ``staged_root`` to the same place under ``data_dir``; return
    where the different files already there were kept."""
    if not staged_root.is_dir():
        return []
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = []
    for staged in sorted(path for path in staged_root.rglob("*") if path.is_file()):
        target = data_dir / staged.relative_to(staged_root)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_file():
            if _same(staged, target):
                continue
            aside = target.with_name(f"{target.name}.before-move-{stamp}")
            os.replace(target, aside)
            kept.append(aside)
        os.replace(staged, target)
        fsync_folder(target.parent)
    return kept
