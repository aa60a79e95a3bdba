from pathlib import Path

import pytest

from acsg_desktop import paths


def test_option_wins_over_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACSG_HOME", str(tmp_path / "env"))
    assert paths.data_dir(tmp_path / "option") == (tmp_path / "option").resolve()


def test_environment_wins_over_platform_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACSG_HOME", str(tmp_path / "env"))
    assert paths.data_dir() == (tmp_path / "env").resolve()


def test_platform_folder_without_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACSG_HOME")
    folder = paths.data_dir()
    assert "ACSG" in str(folder)
    assert folder.is_absolute()


def test_tests_never_use_the_real_folder(isolated_home: Path) -> None:
    assert paths.data_dir() == isolated_home.resolve()


def test_shipped_resources_are_found() -> None:
    assert (paths.resources_dir() / "fonts" / "DejaVuSans.ttf").is_file()
    assert (paths.translations_dir() / "fr" / "LC_MESSAGES" / "acsg.po").is_file()
