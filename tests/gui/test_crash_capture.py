"""Crash capture: an exception in a slot, a thread or a background job is logged and shown.

pytest-qt replaces ``sys.excepthook`` during each test to fail tests whose slots raise; these
tests turn that off (``qt_no_exception_capture``) so that the app's own hook receives them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acsg_desktop.core import logs
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.gui import crash_dialog
from acsg_desktop.gui.crash_dialog import CrashDialog, CrashReporter, install_crash_capture
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.workers import run_in_background


class Shown:
    """Dialogs that would have been shown (``exec`` patched so that nothing blocks)."""

    def __init__(self) -> None:
        self.dialogs: list[CrashDialog] = []
        self.on_gui_thread: list[bool] = []


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Shown:
    seen = Shown()

    def fake_exec(dialog: CrashDialog) -> int:
        seen.dialogs.append(dialog)
        seen.on_gui_thread.append(QThread.currentThread() is QApplication.instance().thread())
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    return seen


@pytest.fixture
def reporter(qapp: QApplication, isolated_home: Path) -> Iterator[CrashReporter]:
    logs.configure_logging(isolated_home)
    installed = install_crash_capture()
    yield installed
    installed.uninstall()
    logs.stop_logging()


def log_text(home: Path) -> str:
    return logs.log_file(home).read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_shown_and_the_app_goes_on(
    qtbot: QtBot, reporter: CrashReporter, shown: Shown, isolated_home: Path
) -> None:
    def broken_slot() -> None:
        raise RuntimeError("broken slot")

    after: list[bool] = []
    QTimer.singleShot(0, broken_slot)
    QTimer.singleShot(10, lambda: after.append(True))
    qtbot.waitUntil(lambda: bool(shown.dialogs and after))
    text = log_text(isolated_home)
    assert "Traceback" in text and "RuntimeError: broken slot" in text
    dialog = shown.dialogs[0]
    assert dialog.path.text() == str(logs.log_file(isolated_home)) and dialog.path.isReadOnly()
    assert "RuntimeError: broken slot" in dialog.details.toPlainText()
    assert dialog.open_folder.isEnabled()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_is_shown_on_the_gui_thread(
    qtbot: QtBot, reporter: CrashReporter, shown: Shown, isolated_home: Path
) -> None:
    def broken_work() -> None:
        raise OSError("thread failed")

    worker = threading.Thread(target=broken_work, name="exporter")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown.dialogs))
    assert shown.on_gui_thread == [True]
    assert "thread exporter" in log_text(isolated_home)
    assert "OSError: thread failed" in log_text(isolated_home)


@pytest.mark.qt_no_exception_capture
def test_quit_in_the_dialog_leaves_with_status_70(
    qtbot: QtBot, reporter: CrashReporter, monkeypatch: pytest.MonkeyPatch
) -> None:
    exits: list[int] = []

    def choose_quit(dialog: CrashDialog) -> int:
        dialog.quit.click()
        return 0

    monkeypatch.setattr(CrashDialog, "exec", choose_quit)
    monkeypatch.setattr(QApplication, "exit", lambda self, status=0: exits.append(status))
    reporter.excepthook(ValueError, ValueError("x"), None)
    assert exits == [70]


def test_the_dialog_shows_the_details_when_no_log_was_written(
    qtbot: QtBot, language: LanguageSwitcher
) -> None:
    dialog = CrashDialog(None, "Traceback ... ValueError: x")
    qtbot.addWidget(dialog)
    assert dialog.path.isHidden() and not dialog.details.isHidden()
    assert not dialog.open_folder.isEnabled()
    dialog.toggle.click()
    assert dialog.details.isHidden() and dialog.toggle.text() == "Show details"


def test_the_dialog_follows_a_language_change(
    qtbot: QtBot, language: LanguageSwitcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = CrashDialog(Path("/x/logs/acsg.log"), "details")
    qtbot.addWidget(dialog)
    calls: list[str] = []
    monkeypatch.setattr(crash_dialog, "_", lambda text: calls.append(text) or text)
    language.apply("fr", remember=False)
    qtbot.waitUntil(lambda: "ACSG Desktop: unexpected error" in calls)


def test_background_errors_reach_on_error_as_translated_errors(
    qtbot: QtBot, reporter: CrashReporter, isolated_home: Path
) -> None:
    errors: list[AcsgError] = []

    def broken() -> None:
        raise ZeroDivisionError("division by zero")

    def refused() -> None:
        raise AcsgError("Refused, as the user should read it.")

    run_in_background(broken, lambda _value: None, errors.append)
    run_in_background(refused, lambda _value: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2)
    unexpected = next(e for e in errors if isinstance(e, logs.UnexpectedError))
    assert isinstance(unexpected.__cause__, ZeroDivisionError)
    assert str(logs.log_file(isolated_home)) in unexpected.message
    assert "division by zero" not in unexpected.message
    assert "ZeroDivisionError: division by zero" in log_text(isolated_home)
    assert any(e.message == "Refused, as the user should read it." for e in errors)
