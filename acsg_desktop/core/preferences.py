"""Per-data-folder settings kept in ``settings.json`` (needed before the database opens)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from acsg_desktop.core.fileio import write_text_atomically

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    """What the app remembers between runs, outside the database."""

    language: str = ""
    window_geometry: str = ""
    open_assessment: str = ""
    current_user: str = ""
    # The office server this computer works on (address without its password); "" for the
    # data folder's own database.
    database: str = ""
    text_size: str = ""  # % of the normal size ("" for 100)
    high_contrast: str = ""  # "on" or ""


def settings_path(data_dir: Path) -> Path:
    """Where the settings of ``data_dir`` are stored."""
    return data_dir / SETTINGS_FILE


def load_settings(data_dir: Path) -> Settings:
    """Read the settings; a missing or unreadable file gives the defaults (never a crash)."""
    try:
        raw = json.loads(settings_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {field.name for field in fields(Settings)}
    return Settings(**{key: str(value) for key, value in raw.items() if key in known})


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Write the settings atomically."""
    text = json.dumps(asdict(settings), ensure_ascii=False, indent=2)
    write_text_atomically(settings_path(data_dir), text)
