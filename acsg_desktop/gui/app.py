"""The composition root: paths -> settings -> language -> Qt -> database -> services -> window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from acsg_desktop import APP_ID, APP_NAME, __version__
from acsg_desktop.core.language import apply_start_language
from acsg_desktop.core.logs import (
    UNEXPECTED_EXIT_STATUS,
    configure_logging,
    keep_fatal_errors,
    log_start,
)
from acsg_desktop.gui.crash_dialog import install_crash_capture
from acsg_desktop.gui.fonts import load_fonts
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.settings.first_run_dialog import FirstRunDialog
from acsg_desktop.gui.settings.user_dialog import ensure_current_user
from acsg_desktop.gui.single_instance import InstanceServer
from acsg_desktop.gui.startup import open_workspace
from acsg_desktop.paths import data_dir as resolve_data_dir
from acsg_desktop.paths import desk_dir as resolve_desk_dir


def parse_arguments(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest for Qt (``-platform``, ``-style``...)."""
    parser = argparse.ArgumentParser(prog="acsg-desktop")
    parser.add_argument("--version", action="version", version=f"acsg-desktop {__version__}")
    parser.add_argument("--data-dir", help="data folder (default: ACSG_HOME or the user folder)")
    parser.add_argument(
        "--secretariat",
        action="store_true",
        help="open the Secretariat's desk (its folder: --data-dir, else ACSG_DESK_HOME)",
    )
    return parser.parse_known_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the GUI; returns the exit status."""
    args, qt_args = parse_arguments(sys.argv[1:] if argv is None else argv)
    folder = (resolve_desk_dir if args.secretariat else resolve_data_dir)(args.data_dir)
    configure_logging(folder)
    log_start("acsg-desktop", __version__)
    keep_fatal_errors(folder)
    crashes = install_crash_capture()
    try:
        return _run(folder, qt_args, args.secretariat)
    except Exception:
        crashes.excepthook(*sys.exc_info())
        return UNEXPECTED_EXIT_STATUS
    finally:
        crashes.uninstall()


def _run(folder: Path, qt_args: list[str], secretariat: bool = False) -> int:
    start_language = apply_start_language(folder)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    load_fonts(app)
    language = LanguageSwitcher(app, folder)
    language.apply(start_language, remember=False)
    if secretariat:
        from acsg_desktop.gui.desk.desk_start import run_desk

        return run_desk(app, folder, language)
    workspace = open_workspace(folder)
    if workspace is None:
        return 1
    try:
        if (
            workspace.profiles.get() is None
            and not FirstRunDialog(workspace.profiles, language).exec()
        ):
            return 0
        ensure_current_user(workspace)
        window = MainWindow(workspace, language)
        InstanceServer(folder, window)
        window.show()
        return app.exec()
    finally:
        notice = workspace.close()
        if notice:
            QMessageBox.warning(None, APP_NAME, notice)
