"""Which database a start uses: the data folder's own file, or an office server.

In order: ``--database`` (the word ``local`` means the folder's own file), the environment
variable ``ACSG_DATABASE``, then the server this computer was connected to last (kept in the
folder's settings without its password).
"""

from __future__ import annotations

import os
from pathlib import Path

from acsg_desktop.core.preferences import load_settings, save_settings

ENVIRONMENT_VARIABLE = "ACSG_DATABASE"
LOCAL = "local"


def chosen_database(data_dir: Path, given: str | None = None) -> str | None:
    """The office server address to use, or None for the folder's own database."""
    for candidate in (given, os.environ.get(ENVIRONMENT_VARIABLE)):
        if candidate:
            return None if candidate.strip().lower() == LOCAL else candidate.strip()
    remembered = load_settings(data_dir).database
    return remembered or None


def remember_database(data_dir: Path, address: str | None) -> None:
    """Start on ``address`` next time (None: the folder's own database). No password is kept."""
    from acsg_desktop.core.store.server_url import without_password

    settings = load_settings(data_dir)
    settings.database = without_password(address) if address else ""
    save_settings(data_dir, settings)
