"""A backup whose audit chain is broken is not restored (reliability 33)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from acsg_desktop.core.store.backup import BackupRefusedError, backup_database
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.workspace import Workspace, restore_into


def make_database_with_history(folder: Path) -> Path:
    with Workspace.open(folder) as workspace:
        workspace.people.save("Amina Mahamat", frozenset({"drafter"}), actor="Amina Mahamat")
        created = workspace.assessments.create("2026 baseline", 2026, actor="Amina Mahamat")
        workspace.assessments.set_contexts(created.id, {"prima_facie_used": True}, actor="Amina")
        workspace.assessments.set_contexts(created.id, {"prima_facie_used": False}, actor="Amina")
        assert workspace.audit_check().entries >= 3
    return database_path(folder)


def rewrite_history(backup: Path, entry: int) -> None:
    connection = sqlite3.connect(backup)
    connection.execute("UPDATE audit_log SET actor = 'Mallory' WHERE id = ?", (entry,))
    connection.commit()
    connection.close()


def test_backup_with_a_broken_audit_chain_is_refused_naming_the_entry(tmp_path: Path) -> None:
    source = make_database_with_history(tmp_path / "source")
    backup = backup_database(source, tmp_path / "backups", "manual")
    rewrite_history(backup, 2)
    live = make_database_with_history(tmp_path / "live")
    before = live.read_bytes()
    with pytest.raises(BackupRefusedError, match="audit") as caught:
        restore_into(tmp_path / "live", backup)
    assert "entry 2" in caught.value.message
    assert live.read_bytes() == before
    assert not list(live.parent.glob("*.before-restore-*"))


def test_backup_with_an_intact_chain_is_restored(tmp_path: Path) -> None:
    source = make_database_with_history(tmp_path / "source")
    backup = backup_database(source, tmp_path / "backups", "manual")
    make_database_with_history(tmp_path / "live")
    assert restore_into(tmp_path / "live", backup) is not None
    assert sorted(path.name for path in backup.parent.iterdir()) == [backup.name]  # no -wal/-shm
    with Workspace.open(tmp_path / "live") as workspace:
        assert workspace.audit_check().ok


def test_failed_copy_during_restore_keeps_the_live_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    source = make_database_with_history(tmp_path / "source")
    backup = backup_database(source, tmp_path / "backups", "manual")
    live = make_database_with_history(tmp_path / "live")
    before = live.read_bytes()

    def disk_full(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(BackupRefusedError):
        restore_into(tmp_path / "live", backup)
    monkeypatch.undo()
    assert live.read_bytes() == before
