import os
from pathlib import Path

import pytest

from acsg_desktop.core.errors import DataFolderError
from acsg_desktop.core.fileio import remove_leftovers, write_text_atomically
from acsg_desktop.core.preferences import Settings, load_settings, save_settings, settings_path
from acsg_desktop.core.store.database import prepare_data_dir


def test_atomic_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("old")
    write_text_atomically(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_disk_full_keeps_the_previous_file_and_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.json"
    target.write_text("previous")

    def disk_full(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_text_atomically(target, "x" * 10_000)
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_leftovers_of_a_killed_write_are_removed(tmp_path: Path) -> None:
    (tmp_path / ".export.json.x1.partial").write_text("half")
    (tmp_path / "export.json").write_text("kept")
    removed = remove_leftovers(tmp_path)
    assert [p.name for p in removed] == [".export.json.x1.partial"]
    assert (tmp_path / "export.json").read_text() == "kept"


def test_settings_round_trip(tmp_path: Path) -> None:
    save_settings(tmp_path, Settings(language="fr", window_geometry="abc"))
    assert load_settings(tmp_path) == Settings(language="fr", window_geometry="abc")


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", ""])
def test_unreadable_settings_give_defaults(tmp_path: Path, content: str) -> None:
    settings_path(tmp_path).write_text(content)
    assert load_settings(tmp_path) == Settings()


def test_read_only_data_folder_is_refused_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "access", lambda *_args, **_kwargs: False)
    with pytest.raises(DataFolderError, match="read-only"):
        prepare_data_dir(tmp_path)


def test_data_folder_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(DataFolderError, match="cannot be created"):
        prepare_data_dir(blocker / "data")
