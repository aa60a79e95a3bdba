"""Signing in on the command line as a demo person (the demo office has several people)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from acsg_desktop.core.demo.requests import DEMO_PASSPHRASE


@pytest.fixture
def demo_user(tmp_path: Path) -> Callable[[str], list[str]]:
    """``demo_user(name)``: the global arguments that sign ``name`` in with the demo passphrase."""
    proof = tmp_path / "demo-account-passphrase"
    proof.write_text(DEMO_PASSPHRASE + "\n", encoding="utf-8")
    return lambda name: ["--user", name, "--user-passphrase-file", str(proof)]
