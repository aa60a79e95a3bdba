"""Where data and shipped resources live.

The user data folder comes from platformdirs; the ``ACSG_HOME`` environment variable and the
``--data-dir`` option override it (the option wins).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_HOME = "ACSG_HOME"
ENV_DESK_HOME = "ACSG_DESK_HOME"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the data folder: ``override``, else ``$ACSG_HOME``, else the platform's folder."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_data_path

    return user_data_path("ACSG Desktop", "ACSG", roaming=True)


def desk_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The Secretariat desk's own folder: ``override``, else ``$ACSG_DESK_HOME``, else the
    platform's folder for "ACSG Desk" (never an authority's data folder)."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(ENV_DESK_HOME)
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_data_path

    return user_data_path("ACSG Desk", "ACSG", roaming=True)


def _install_root() -> Path:
    """The folder holding ``resources/`` and ``translations/``, in a checkout or a bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Shipped data: frameworks, guides, fonts, icons, schemas, trust certificates."""
    return _install_root() / "resources"


def translations_dir() -> Path:
    """Gettext catalogs: ``<lang>/LC_MESSAGES/acsg.po`` and the compiled ``.mo``."""
    return _install_root() / "translations"
