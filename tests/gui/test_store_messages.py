"""Messages from the store are never shown raw (issue 15.4): a damaged database or a raw
SQLite error met by a screen reaches the user as a translated sentence, which follows a
language switch; SQLite's own words are in the log.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acsg_desktop.core import logs
from acsg_desktop.core.errors import AcsgError, said_to_user
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.crash_dialog import CrashDialog, install_crash_capture
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.workers import run_in_background
from tests.core.helpers import damage
from tests.gui.screen_walk import load_demo, open_demo_window, settle

RAW_SQLITE_WORDS = ("malformed", "btree", "error code", "SQLITE", "DatabaseError")


@pytest.fixture
def crashes(
    qapp: QApplication, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[CrashDialog]]:
    """The dialogs the exception hook shows (not run: nothing blocks)."""
    logs.configure_logging(isolated_home)
    reporter = install_crash_capture()
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    yield shown
    reporter.uninstall()
    logs.stop_logging()


@contextmanager
def _damaged_pages(workspace: Workspace) -> Iterator[None]:
    """The database damaged as a failing disk would, then mended (for the tests' teardown)."""
    with workspace.database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    workspace.database.engine.dispose()  # no page left in a cache: the next read meets the damage
    path = database_path(workspace.data_dir)
    intact = path.read_bytes()
    for offset in range(2 * 4096, len(intact), 3 * 4096):
        damage(path, offset, b"\xff" * 200)
    try:
        yield
    finally:
        workspace.database.engine.dispose()
        path.write_bytes(intact)


@pytest.mark.qt_no_exception_capture
def test_a_damaged_database_met_by_a_screen_is_a_sentence_not_sqlite_words(
    qtbot: QtBot,
    workspace: Workspace,
    language: LanguageSwitcher,
    crashes: list[CrashDialog],
    isolated_home: Path,
) -> None:
    load_demo(workspace, "fr")
    language.apply("fr", remember=False)
    window = open_demo_window(qtbot, workspace, language)
    page = window.assessments_page  # built before the damage (the Overview opens first)
    with _damaged_pages(workspace):
        QTimer.singleShot(0, page.reload)  # a slot that reads the database
        qtbot.waitUntil(lambda: bool(crashes), timeout=10000)
    dialog = crashes[0]
    said = dialog.message.text()
    assert "sauvegarde" in said and dialog.windowTitle() == _(
        "ACSG Desktop: the action could not be finished"
    )
    for raw in RAW_SQLITE_WORDS:
        assert raw not in said and raw not in dialog.where.text()
    assert "SQLITE_CORRUPT" in logs.log_file(isolated_home).read_text(encoding="utf-8")
    language.apply("en", remember=False)  # the sentence follows a switch like the rest
    settle()
    assert "backup" in dialog.message.text() and "sauvegarde" not in dialog.message.text()


@pytest.mark.qt_no_exception_capture
def test_a_raw_sqlite_error_is_never_shown_as_it_is(
    qtbot: QtBot, language: LanguageSwitcher, crashes: list[CrashDialog], isolated_home: Path
) -> None:
    raw = sqlite3.DatabaseError("btreeInitPage() returns error code 11")
    sys.excepthook(type(raw), raw, None)
    qtbot.waitUntil(lambda: bool(crashes))
    said = crashes[0].message.text()
    assert said == _("The database could not be read or written. The details are in the log.")
    assert crashes[0].details.isHidden()
    assert "btreeInitPage" in logs.log_file(isolated_home).read_text(encoding="utf-8")


def test_a_raw_sqlite_error_in_a_background_job_reaches_the_screen_as_a_sentence(
    qtbot: QtBot, language: LanguageSwitcher
) -> None:
    def broken() -> None:
        raise sqlite3.DatabaseError("btreeInitPage() returns error code 11")

    errors: list[AcsgError] = []
    run_in_background(broken, lambda _value: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0].message == said_to_user(sqlite3.DatabaseError("x"))
    assert "btree" not in errors[0].message and isinstance(errors[0].__cause__, sqlite3.Error)
