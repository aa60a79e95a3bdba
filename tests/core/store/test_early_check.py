"""The start-up check begun early (in a thread, while the GUI imports) is the one opening uses:
not run twice, never stale, and damage it finds is handled exactly as before."""

import os
from pathlib import Path

import pytest

from acsg_desktop.core.store import database, early_check, health
from acsg_desktop.core.store.database import Database, DatabaseDamagedError, database_path
from acsg_desktop.core.store.early_check import start_early_check
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD, damage


def _made(folder: Path) -> Path:
    with Workspace.open(folder) as workspace:
        workspace.profiles.save(CHAD)
    return database_path(folder)


def _count_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = health._run_check

    def counted(path: Path, pragma: str) -> list[str]:
        seen.append(pragma)
        return real(path, pragma)

    monkeypatch.setattr(health, "_run_check", counted)
    return seen


def test_it_names_the_file_the_database_layer_opens() -> None:
    assert early_check.DATABASE_FILE == database.DATABASE_FILE


def test_opening_takes_the_early_result_instead_of_checking_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _made(tmp_path)
    seen = _count_checks(monkeypatch)
    start_early_check(tmp_path)
    Database.open(tmp_path).close()
    assert seen == ["quick_check"]  # once, in the early thread
    Database.open(tmp_path).close()  # nothing started early this time: opening checks itself
    assert seen == ["quick_check", "quick_check"]


def test_a_file_changed_after_the_early_check_is_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _made(tmp_path)
    seen = _count_checks(monkeypatch)
    start_early_check(tmp_path)
    assert early_check._started  # begun
    future = next(iter(early_check._started.values()))
    future.result()  # let it finish, then change the file under it
    later = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))
    Database.open(tmp_path).close()
    assert seen == ["quick_check", "quick_check"]


def test_damage_the_early_check_finds_is_handled_as_before(tmp_path: Path) -> None:
    path = _made(tmp_path)
    damage(path, 4096 + 8, bytes(range(255, 155, -1)))
    start_early_check(tmp_path)
    with pytest.raises(DatabaseDamagedError) as caught:
        Database.open(tmp_path)
    assert "moved aside" in caught.value.message and not path.exists()


def test_no_database_yet_starts_nothing(tmp_path: Path) -> None:
    start_early_check(tmp_path / "new")
    assert str((tmp_path / "new" / early_check.DATABASE_FILE).resolve()) not in (
        early_check._started
    )
