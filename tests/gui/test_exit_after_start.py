"""ACSG_EXIT_AFTER_START=1: the app quits by itself once its main window has painted."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from acsg_desktop.core.logs import LOG_DIR, LOG_FILE
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.exit_after_start import (
    ENV_EXIT_AFTER_START,
    PAINTED_MESSAGE,
    quit_after_first_paint,
)
from tests.core.helpers import CHAD

ROOT = Path(__file__).resolve().parents[2]


def test_armed_it_quits_once_after_the_first_paint(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(ENV_EXIT_AFTER_START, "1")
    window = QLabel("ready")
    qtbot.addWidget(window)
    quits: list[bool] = []
    with caplog.at_level(logging.INFO):
        assert quit_after_first_paint(window, lambda: quits.append(True))
        window.show()
        qtbot.waitUntil(lambda: bool(quits), timeout=5000)
        window.repaint()  # a second paint does not ask again
        qtbot.wait(50)
    assert quits == [True]
    assert PAINTED_MESSAGE in caplog.text


@pytest.mark.parametrize("value", [None, "0", "yes"])
def test_unset_or_not_1_it_leaves_the_window_alone(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv(ENV_EXIT_AFTER_START, raising=False)
    else:
        monkeypatch.setenv(ENV_EXIT_AFTER_START, value)
    window = QLabel("ready")
    qtbot.addWidget(window)
    quits: list[bool] = []
    assert not quit_after_first_paint(window, lambda: quits.append(True))
    window.show()
    qtbot.waitExposed(window)
    window.repaint()
    qtbot.wait(50)
    assert quits == []


@pytest.mark.parametrize(("ui_language", "qt_cancel"), [("en", "'Cancel'"), ("fr", "'Annuler'")])
def test_the_app_reaches_its_main_window_and_exits_cleanly(
    isolated_home: Path, ui_language: str, qt_cancel: str
) -> None:
    """The real start, in its own process (the app installs translators and quits the
    application: nothing of it may leak into later tests)."""
    with Workspace.open(isolated_home) as workspace:
        workspace.profiles.save(CHAD)  # one person, no passphrase: no dialog before the window
    environment = {
        **os.environ,
        ENV_EXIT_AFTER_START: "1",
        "LANGUAGE": ui_language,
        "QT_QPA_PLATFORM": "offscreen",
        "ACSG_HOME": str(isolated_home),
    }
    started = subprocess.run(
        [sys.executable, "-m", "acsg_desktop"],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert started.returncode == 0, started.stderr
    log = (isolated_home / LOG_DIR / LOG_FILE).read_text(encoding="utf-8")
    painted = [line for line in log.splitlines() if PAINTED_MESSAGE in line]
    assert len(painted) == 1
    assert qt_cancel in painted[0]  # Qt's own texts in French: qtbase_fr.qm was found
