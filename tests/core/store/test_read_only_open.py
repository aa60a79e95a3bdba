"""``Workspace.open(read_only=True)`` on either backend: it reads what the writer stored, and a
write through it is refused with nothing saved (SQLite: ``mode=ro``; the office server:
every transaction ``default_transaction_read_only``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD


def test_a_read_only_open_reads_and_refuses_to_write(
    tmp_path: Path, store_backend: str | None
) -> None:
    folder = tmp_path / "data"
    with Workspace.open(folder, store_backend) as writer:
        saved = writer.profiles.save(CHAD)
    with Workspace.open(folder, store_backend, read_only=True) as reader:
        assert reader.profiles.get() == saved
        with pytest.raises(AcsgError) as refused:
            reader.profiles.save(replace(CHAD, authority_name="Changed while reading"))
        if store_backend:
            assert "reading only" in refused.value.message
            assert reader.database.is_server
    with Workspace.open(folder, store_backend) as again:
        profile = again.profiles.get()
        assert profile is not None and profile.authority_name == CHAD.authority_name
