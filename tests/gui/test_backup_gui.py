"""Data safety from the File menu (16.5): back up now, restore with what the backup lacks shown
first, move to another computer and import there (also from the first-run dialog)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.records.requests import RequestContent
from acsg_desktop.core.transfer import sealed
from acsg_desktop.core.transfer.service import inspect, move_out
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui import app as app_module
from acsg_desktop.gui.backup.move_in_dialog import MoveInDialog
from acsg_desktop.gui.backup.move_out_dialog import MoveOutDialog
from acsg_desktop.gui.backup.restart import ClosedFolderWork, run_with_folder_closed
from acsg_desktop.gui.backup.restore_dialog import RestoreDialog
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.settings.first_run_dialog import FirstRunDialog
from acsg_desktop.gui.widgets.dialog_buttons import Standard
from tests.core.helpers import CHAD, add_people
from tests.gui.helpers import open_main_window

USER = CHAD.contact_person
MOVE_PASSPHRASE = "a passphrase for the move"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sealed, "log2_n", 10)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every information or error box, as (kind, text), instead of showing it."""
    shown: list[tuple[str, str]] = []
    for kind in ("information", "critical", "warning"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _parent, _title, text, kind=kind: shown.append((kind, text))
        )
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    return shown


@pytest.fixture
def office(isolated_home: Path) -> Iterator[Workspace]:
    """An open office with a profile; closed by the test when the window asks for it."""
    opened = Workspace.open(isolated_home)
    opened.profiles.save(CHAD)
    yield opened
    opened.close()  # again after a swap: closing twice is harmless


def _request(workspace: Workspace, title: str) -> int:
    return workspace.requests.create(RequestContent(title=title), actor=USER).id


def _titles(folder: Path) -> list[str]:
    with Workspace.open(folder) as workspace:
        return sorted(request.content.title for request in workspace.requests.list())


def _swap(window: MainWindow, workspace: Workspace, folder: Path) -> bool:
    """What gui/app.py does once the window closed with work: close, run, (reopen later)."""
    work = window.backup_actions.work_after_close
    assert work is not None and not window.isVisible()
    workspace.close()
    return run_with_folder_closed(work, folder, None)


def test_back_up_now_writes_a_checked_backup_and_says_where(
    qtbot: QtBot, office: Workspace, language: LanguageSwitcher, messages
) -> None:
    window = open_main_window(qtbot, office, language)
    window.backup_actions.back_up_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    kind, text = messages[0]
    made = office.database.backups()
    assert kind == "information" and len(made) == 1
    assert made[0].name in text and str(made[0].parent) in text and "USB stick" in text


def test_restore_says_what_the_backup_lacks_then_restores_with_the_folder_closed(
    qtbot: QtBot, office: Workspace, language: LanguageSwitcher, messages, monkeypatch
) -> None:
    _request(office, "Made before the backup")
    office.database.backup("manual")
    _request(office, "Made after the backup")
    seen: dict[str, str] = {}

    def choose_the_backup(dialog: RestoreDialog) -> int:
        seen["rows"] = dialog.table.topLevelItem(0).text(1)
        seen["warning"] = dialog.warning.text()
        dialog.confirm()
        return dialog.result()

    monkeypatch.setattr(RestoreDialog, "exec", choose_the_backup)
    window = open_main_window(qtbot, office, language)
    window.backup_actions.restore_action.trigger()
    assert seen["rows"] == "Made with “Back up now”"
    assert "it lacks: 1 request." in seen["warning"]
    assert _swap(window, office, office.data_dir)
    assert messages[-1][0] == "information" and "was restored" in messages[-1][1]
    assert _titles(office.data_dir) == ["Made before the backup"]
    assert list(office.data_dir.glob("acsg.sqlite3.before-restore-*"))


def test_a_backup_from_elsewhere_can_be_chosen(
    qtbot: QtBot, office: Workspace, language: LanguageSwitcher, messages, monkeypatch, tmp_path
) -> None:
    elsewhere = tmp_path / "usb" / "acsg-copy.sqlite3"
    elsewhere.parent.mkdir()
    shutil.copy(office.database.backup("manual"), elsewhere)
    _request(office, "Made after the backup")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(elsewhere), ""))
    dialog = RestoreDialog(office)
    qtbot.addWidget(dialog)
    dialog.choose_file()
    assert not dialog.table.selectedItems() and "it lacks: 1 request." in dialog.warning.text()
    dialog.confirm()
    assert dialog.chosen == elsewhere


def test_only_an_administrator_restores_or_imports(
    qtbot: QtBot, office: Workspace, language: LanguageSwitcher, messages, monkeypatch
) -> None:
    add_people(office, {USER: {"administrator"}, "Idriss Abakar": {"drafter"}})
    opened: list[object] = []
    monkeypatch.setattr(RestoreDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window = open_main_window(qtbot, office, language, user="Idriss Abakar")
    for action in (window.backup_actions.restore_action, window.backup_actions.move_in_action):
        action.trigger()
    assert not opened and window.backup_actions.work_after_close is None
    assert [kind for kind, _text in messages] == ["information", "information"]
    assert "Only an administrator" in messages[0][1]


def test_move_out_checks_the_passphrase_then_writes_with_the_keys_when_ticked(
    qtbot: QtBot, office: Workspace, language: LanguageSwitcher, messages, monkeypatch, tmp_path
) -> None:
    (office.data_dir / "identities").mkdir()
    (office.data_dir / "identities" / "amina.p12").write_bytes(b"a key")
    asked: list[str] = []
    target = tmp_path / "usb" / "office"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: asked.append(args[2]) or (str(target), "")
    )
    dialog = MoveOutDialog(office)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("short")
    dialog.write()
    assert "at least 10 characters" in dialog.problem.text() and not asked
    dialog.passphrase.setText(MOVE_PASSPHRASE)
    dialog.again.setText(MOVE_PASSPHRASE + "x")
    dialog.write()
    assert "differ" in dialog.problem.text() and not asked
    dialog.again.setText(MOVE_PASSPHRASE)
    dialog.keys.box.setChecked(True)
    dialog.write()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    assert asked[0].endswith(".acsgmove") and dialog.written == target.with_suffix(".acsgmove")
    assert "signing keys are in it" in messages[-1][1]
    assert inspect(dialog.written, MOVE_PASSPHRASE.encode(), tmp_path).with_keys


@pytest.fixture
def move_file(tmp_path: Path) -> Path:
    """A move file from another office, with one request."""
    old = tmp_path / "old-laptop"
    with Workspace.open(old) as workspace:
        workspace.profiles.save(CHAD)
        _request(workspace, "From the old laptop")
        move_out(workspace.database, old, tmp_path / "office.acsgmove", MOVE_PASSPHRASE.encode())
    return tmp_path / "office.acsgmove"


def _check(qtbot: QtBot, dialog: MoveInDialog, passphrase: str) -> None:
    dialog.passphrase.setText(passphrase)
    before = dialog.outcome.text()
    dialog.check_file()
    qtbot.waitUntil(lambda: dialog.outcome.text() != before, timeout=20000)


def _import_enabled(dialog: MoveInDialog) -> bool:
    return dialog.buttons.button(Standard.Ok).isEnabled()


def test_move_in_checks_the_file_then_imports_it_with_the_folder_closed(
    qtbot: QtBot, office: Workspace, language: LanguageSwitcher, messages, monkeypatch, move_file
) -> None:
    _request(office, "Already here")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(move_file), ""))
    states: list[tuple[str, bool]] = []

    def check_then_import(dialog: MoveInDialog) -> int:
        dialog.choose_file()
        _check(qtbot, dialog, "not the passphrase")
        states.append((dialog.outcome.text(), _import_enabled(dialog)))
        _check(qtbot, dialog, MOVE_PASSPHRASE)
        states.append((dialog.outcome.text(), _import_enabled(dialog)))
        dialog.confirm()
        return dialog.result()

    monkeypatch.setattr(MoveInDialog, "exec", check_then_import)
    window = open_main_window(qtbot, office, language)
    window.backup_actions.move_in_action.trigger()
    (wrong, wrong_enabled), (right, right_enabled) = states
    assert "Wrong passphrase" in wrong and not wrong_enabled
    assert "1 request" in right and "already has data" in right and right_enabled
    assert [r.content.title for r in office.requests.list()] == ["Already here"]  # unchanged
    assert _swap(window, office, office.data_dir)
    assert "is here now" in messages[-1][1] and "kept aside" in messages[-1][1]
    assert _titles(office.data_dir) == ["From the old laptop"]


def test_the_first_run_dialog_imports_from_another_computer(
    qtbot: QtBot, isolated_home: Path, language: LanguageSwitcher, monkeypatch, move_file
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(move_file), ""))

    def check_then_import(dialog: MoveInDialog) -> int:
        dialog.choose_file()
        _check(qtbot, dialog, MOVE_PASSPHRASE)
        assert "no assessment data yet" in dialog.outcome.text()
        dialog.confirm()
        return dialog.result()

    monkeypatch.setattr(MoveInDialog, "exec", check_then_import)
    with Workspace.open(isolated_home) as workspace:
        first_run = FirstRunDialog(workspace.profiles, language)
        qtbot.addWidget(first_run)
        first_run.import_button.click()
        assert first_run.result() == 0 and first_run.work_after_close is not None
        assert workspace.profiles.get() is None


def test_the_app_closes_the_folder_runs_the_import_and_opens_it_again(
    qtbot: QtBot, isolated_home: Path, language: LanguageSwitcher, messages, monkeypatch, move_file
) -> None:
    """The composition root's loop: first run -> import -> the main window on the moved data."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(move_file), ""))

    def check_then_import(dialog: MoveInDialog) -> int:
        dialog.choose_file()
        _check(qtbot, dialog, MOVE_PASSPHRASE)
        dialog.confirm()
        return dialog.result()

    def first_run(dialog: FirstRunDialog) -> int:
        dialog.import_button.click()
        return dialog.result()

    windows: list[str] = []

    def event_loop() -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        windows.append(window.status_label.text())
        window.close()
        return 0

    monkeypatch.setattr(MoveInDialog, "exec", check_then_import)
    monkeypatch.setattr(FirstRunDialog, "exec", first_run)
    monkeypatch.setattr(QApplication, "exec", staticmethod(event_loop))
    assert app_module._run(isolated_home, []) == 0
    assert len(windows) == 1 and CHAD.authority_name in windows[0]
    assert _titles(isolated_home) == ["From the old laptop"]


def test_a_failed_closed_folder_work_says_that_nothing_changed(messages, tmp_path) -> None:
    def refuse(_folder: Path, _report) -> str:
        raise AcsgError("The backup is damaged.")

    assert not run_with_folder_closed(ClosedFolderWork("Restore", "…", refuse), tmp_path, None)
    assert messages == [("critical", "The backup is damaged. The data folder was not changed; "
                         "it opens again as it was.")]  # fmt: skip


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_data_safety_dialogs_fit_the_screen(
    qtbot: QtBot, office: Workspace, language: LanguageSwitcher, code: str
) -> None:
    from tests.gui.fit_checks import fit_problems

    office.database.backup("manual")
    language.apply(code, remember=False)
    QApplication.processEvents()
    for dialog in (RestoreDialog(office), MoveOutDialog(office), MoveInDialog(office.data_dir)):
        qtbot.addWidget(dialog)
        dialog.show()
        assert not fit_problems(dialog), (code, type(dialog).__name__)
