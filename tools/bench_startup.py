"""Start-up on the big data folder and on performance.md's (10,000 guides, 50 assessments),
and memory, against a bare PySide6 window.

Each run is a fresh interpreter, timed from spawn to exit: the app starts as `acsg-desktop`
does, quits once its main window has painted (ACSG_EXIT_AFTER_START=1, as `make bundle-test`
uses), and prints its peak memory. The sign-in dialog is answered as a person would (skipped:
it waits on a human) without importing it first: the app imports the core before Qt (Qt's import
hook slows every module imported after it), and a bench that imported the dialog's module up
front measured 0.3-0.4 s and 20 MiB more than `acsg-desktop` costs. The floor is a bare
QMainWindow shown, painted, then quit.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from bench_common import figure, paired, run_python

RUNS = 7
PEAK = """
import sys
def peak_kib():  # this program's own peak (ru_maxrss would count the bench that forked it)
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
"""
FLOOR_WINDOW = (
    PEAK
    + """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class Quit(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 768)
window.installEventFilter(Quit(window))
window.show()
app.exec()
print(peak_kib())
"""
)
PEAK_AND_SIGN_IN = (
    PEAK
    + """
import importlib.util
class SignedIn:  # when the app imports its sign-in dialog, a person has signed in
    NAME = "acsg_desktop.gui.settings.user_dialog"
    def find_spec(self, name, path=None, target=None):
        if name != self.NAME:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            module.ensure_signed_in = lambda workspace, parent=None: True
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, SignedIn())
"""
)
APP_WINDOW = (
    PEAK_AND_SIGN_IN
    + """
from acsg_desktop.gui import app
status = app.main(["--data-dir", sys.argv[1]])
print(peak_kib() if status == 0 else -1)
"""
)
EVERY_SCREEN = (
    PEAK_AND_SIGN_IN
    + """
import acsg_desktop.core.workspace  # the core before Qt, as the app does
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from acsg_desktop.gui import app, main_window
def visit(window):
    for row in range(window.navigation.count()):
        window.show_area(row)
        window.repaint()
        QApplication.processEvents()
    QApplication.quit()
class Visiting(main_window.MainWindow):
    visited = False
    def showEvent(self, event):
        super().showEvent(event)
        if not Visiting.visited:
            Visiting.visited = True
            QTimer.singleShot(0, lambda: visit(self))
main_window.MainWindow = Visiting
app.main(["--data-dir", sys.argv[1]])
print(peak_kib())
"""
)


def _environment() -> dict[str, str]:
    return {**os.environ, "ACSG_EXIT_AFTER_START": "1", "QT_QPA_PLATFORM": "offscreen"}


def _sample(code: str, folder: Path | None, memory: list[float]) -> float:
    """One run of ``code`` (on ``folder``, if any): its seconds; its peak MiB into ``memory``."""
    seconds, kib = run_python(code, *([str(folder)] if folder else []), env=_environment())
    if int(kib) < 0:
        raise RuntimeError(f"the app did not start on {folder}")
    memory.append(int(kib) / 1024)
    return seconds


def startup_figures(big: Path, spec_folder: Path) -> list[dict[str, Any]]:
    """Start-up time and peak memory on ``big`` (100x data) and on performance.md's folder
    (``spec_folder``: 10,000 guides, 50 assessments), and memory after visiting every screen."""
    memory: dict[str, list[float]] = {
        "app": [], "spec": [], "spec floor": [], "floor": [], "every": []
    }  # fmt: skip
    values, floors = paired(
        lambda: _sample(APP_WINDOW, big, memory["app"]),
        lambda: _sample(FLOOR_WINDOW, None, memory["floor"]),
        RUNS,
    )
    spec_values, spec_floors = paired(
        lambda: _sample(APP_WINDOW, spec_folder, memory["spec"]),
        lambda: _sample(FLOOR_WINDOW, None, memory["spec floor"]),
        RUNS,
    )
    every_env = {**_environment(), "ACSG_EXIT_AFTER_START": ""}
    for _run in range(3):
        _seconds, kib = run_python(EVERY_SCREEN, str(big), env=every_env)
        memory["every"].append(int(kib) / 1024)
    floors_mib = memory["floor"]
    return [
        figure("start-up to main window, big folder", "s", values, floors, 2.5),
        figure(
            "start-up to main window, 10,000 guides and 50 assessments",
            "s",
            spec_values,
            spec_floors,
            2.5,
        ),
        figure("start-up peak memory", "MiB", memory["app"], floors_mib, 2.0),
        figure(
            "start-up peak memory, 10,000 guides and 50 assessments",
            "MiB",
            memory["spec"],
            memory["spec floor"],
            2.0,
        ),
        figure("memory after every screen", "MiB", memory["every"], floors_mib[:3], 2.0),
    ]
