"""Shared test set-up: offscreen Qt, and never the real user data folder."""

from __future__ import annotations

import os

# Before anything imports Qt: without a display, pytest-qt would abort the interpreter.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from acsg_desktop.core import i18n
from acsg_desktop.core.people import passphrases

# Account hashes made by tests use a low scrypt cost (tests/core/people checks the real one).
passphrases.log2_n = 10

# The throwaway PostgreSQL server: postgres_cluster, postgres_url, database_backend; workspaces
# on either backend: store_backend, module_backend, backend_workspace, demo_logins_dropped.
pytest_plugins = ["tests.postgres_fixtures", "tests.backend_fixtures"]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data folder through ACSG_HOME (and desk folder through
    ACSG_DESK_HOME), and starts in English."""
    home = tmp_path / "acsg-home"
    monkeypatch.setenv("ACSG_HOME", str(home))
    monkeypatch.setenv("ACSG_DESK_HOME", str(tmp_path / "acsg-desk"))
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    i18n.set_language("en")
    yield home
    i18n.set_language("en")


@pytest.fixture
def french() -> Iterator[None]:
    """Run the test with the French catalog."""
    i18n.set_language("fr")
    yield
    i18n.set_language("en")
