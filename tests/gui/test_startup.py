import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from acsg_desktop.core.store.backup import backup_database
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui import startup
from acsg_desktop.gui.language import LanguageSwitcher
from tests.core.helpers import CHAD, damage


def damaged_folder_with_backup(folder: Path) -> Path:
    workspace = Workspace.open(folder)
    workspace.profiles.save(CHAD)
    workspace.close()
    backup_database(database_path(folder), folder / "backups", "daily")
    damage(database_path(folder), 0, b"\0" * 4096)
    return folder


def answer_next_message_box(qtbot: QtBot, button_text: str, seen: list[str]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        button.click()

    QTimer.singleShot(50, click)


def test_damaged_database_offers_the_latest_backup_and_restores_it(
    qtbot: QtBot, language: LanguageSwitcher, isolated_home: Path
) -> None:
    folder = damaged_folder_with_backup(isolated_home)
    seen: list[str] = []
    answer_next_message_box(qtbot, "Restore the latest backup", seen)
    workspace = startup.open_workspace(folder)
    assert workspace is not None
    try:
        assert workspace.profiles.get() == CHAD
    finally:
        workspace.close()
    assert "moved aside, not deleted" in seen[0]
    assert list(folder.glob("acsg.sqlite3.corrupt-*"))


def test_damaged_database_can_start_empty_in_french(
    qtbot: QtBot, language: LanguageSwitcher, isolated_home: Path
) -> None:
    folder = damaged_folder_with_backup(isolated_home)
    language.apply("fr", remember=False)
    seen: list[str] = []
    answer_next_message_box(qtbot, "Démarrer avec une base de données vide", seen)
    workspace = startup.open_workspace(folder)
    assert workspace is not None
    try:
        assert workspace.profiles.get() is None
    finally:
        workspace.close()
    assert "mise de côté" in seen[0]


def test_a_second_start_brings_the_running_window_forward(
    qtbot: QtBot, language: LanguageSwitcher, isolated_home: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QWidget

    from acsg_desktop.gui.single_instance import InstanceServer

    running = Workspace.open(isolated_home)
    window = QWidget()
    qtbot.addWidget(window)
    raised: list[bool] = []
    monkeypatch.setattr(window, "raise_", lambda: raised.append(True))
    server = InstanceServer(isolated_home, window)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text: shown.append(text)
    )
    try:
        assert startup.open_workspace(isolated_home) is None
        qtbot.waitUntil(lambda: bool(raised), timeout=3000)
    finally:
        server.close()
        running.close()
    assert "brought to the front" in shown[0]


def test_start_up_pauses_the_collector_until_the_first_event_loop(
    qtbot: QtBot, isolated_home: Path, monkeypatch
) -> None:
    """Start-up runs without cyclic collection; it resumes in the first event loop (here the
    first-run dialog's), and the collector is on after."""
    import gc

    from acsg_desktop.gui import app
    from acsg_desktop.gui.settings.first_run_dialog import FirstRunDialog

    seen: dict[str, object] = {}

    def first_run_loop(_dialog: FirstRunDialog) -> int:
        seen["before the loop"] = gc.isenabled()
        QApplication.processEvents()
        seen["in the loop"] = gc.isenabled()
        return 0  # the person closes the dialog

    monkeypatch.setattr(FirstRunDialog, "exec", first_run_loop)
    try:
        assert app.main(["--data-dir", str(isolated_home)]) == 0
        assert seen["before the loop"] is False
        assert seen["in the loop"] is True
        assert gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_on_again_when_the_start_fails(isolated_home: Path) -> None:
    import gc

    from acsg_desktop.gui import app

    with pytest.raises(SystemExit):
        app.main(["--data-dir"])  # no value: argparse reports it and exits
    assert gc.isenabled()


def test_a_database_holding_foreign_code_is_explained_and_the_app_quits(
    qtbot: QtBot, language: LanguageSwitcher, isolated_home: Path
) -> None:
    folder = isolated_home
    Workspace.open(folder).close()
    connection = sqlite3.connect(database_path(folder))
    with connection:
        connection.execute(
            "CREATE TRIGGER t AFTER UPDATE ON app_setting BEGIN DELETE FROM answer; END"
        )
    connection.close()
    seen: list[str] = []
    answer_next_message_box(qtbot, "OK", seen)
    assert startup.open_workspace(folder) is None
    assert "trigger “t”" in seen[0] and "was not opened" in seen[0]
