"""The composition root: paths -> settings -> language -> Qt -> database -> services -> window.

Start-up order matters for speed: the database's integrity check begins in a thread before any
heavy import (see core.store.early_check), then the core is imported, and Qt and the screens
last (PySide6's import hook slows every module imported after it). So this module imports
only light things at the top, and the rest where it is needed.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from acsg_desktop import APP_ID, APP_NAME, __version__
from acsg_desktop.core.argparse_language import leading_options, new_parser, speak_our_language
from acsg_desktop.core.i18n import _
from acsg_desktop.core.language import apply_start_language
from acsg_desktop.core.logs import (
    UNEXPECTED_EXIT_STATUS,
    configure_logging,
    keep_fatal_errors,
    log_start,
)
from acsg_desktop.core.store.early_check import start_early_check
from acsg_desktop.paths import data_dir as resolve_data_dir
from acsg_desktop.paths import desk_dir as resolve_desk_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from acsg_desktop.core.workspace import Workspace
    from acsg_desktop.gui.backup.restart import ClosedFolderWork
    from acsg_desktop.gui.language import LanguageSwitcher
    from acsg_desktop.gui.settings.server_session import ServerSession


def parse_arguments(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest for Qt (``-platform``, ``-style``...); help and errors in the
    language of the folder the options name."""
    known, _rest = leading_options(argv, ("--data-dir",), flags=("--secretariat",))
    apply_start_language(_folder_of(known))
    speak_our_language()
    parser = new_parser("acsg-desktop", __version__)
    parser.add_argument("--data-dir", help=_("data folder (default: ACSG_HOME or the user folder)"))
    parser.add_argument(
        "--secretariat",
        action="store_true",
        help=_("open the Secretariat's desk (its folder: --data-dir, else ACSG_DESK_HOME)"),
    )
    parser.add_argument(
        "--database",
        metavar=_("ADDRESS|local"),
        help=_(
            "an office server (postgresql://login@host/database), or local for this folder's "
            "own database (default: ACSG_DATABASE, else the last one used)"
        ),
    )
    return parser.parse_known_args(argv)


def _folder_of(args: argparse.Namespace) -> Path:
    return (resolve_desk_dir if args.secretariat else resolve_data_dir)(args.data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the GUI; returns the exit status."""
    # Start-up allocates for good (modules, classes, the first screen) and makes barely any
    # cycles: collecting during it costs about a tenth of the core's imports for nothing. The
    # collector resumes in the first event loop (see _run) or when main returns.
    gc.disable()
    try:
        return _start(argv)
    finally:
        gc.enable()


def _start(argv: Sequence[str] | None) -> int:
    args, qt_args = parse_arguments(sys.argv[1:] if argv is None else argv)
    folder = _folder_of(args)
    configure_logging(folder)
    log_start("acsg-desktop", __version__)
    keep_fatal_errors(folder)
    start_early_check(folder)  # runs while the imports below keep the other core busy
    import acsg_desktop.core.workspace  # noqa: F401  (the core before Qt, see above)
    from acsg_desktop.gui.crash_dialog import install_crash_capture

    crashes = install_crash_capture()
    try:
        return _run(folder, qt_args, args.secretariat, args.database)
    except Exception:
        crashes.excepthook(*sys.exc_info())
        return UNEXPECTED_EXIT_STATUS
    finally:
        crashes.uninstall()


def _run(
    folder: Path, qt_args: list[str], secretariat: bool = False, database: str | None = None
) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from acsg_desktop.gui.backup.restart import run_with_folder_closed
    from acsg_desktop.gui.fonts import load_fonts
    from acsg_desktop.gui.language import LanguageSwitcher
    from acsg_desktop.gui.settings.server_session import ServerSession
    from acsg_desktop.gui.startup import open_workspace
    from acsg_desktop.gui.widgets.accessible_style import apply_accessible_look

    start_language = apply_start_language(folder)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(app, QApplication)
    if not gc.isenabled():  # paused by main: resumed in the first loop, a dialog's or the window's
        QTimer.singleShot(0, gc.enable)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    load_fonts(app)
    apply_accessible_look(app)
    language = LanguageSwitcher(app, folder)
    language.apply(start_language, remember=False)
    if secretariat:
        from acsg_desktop.gui.desk.desk_start import run_desk

        return run_desk(app, folder, language)
    session = ServerSession(database)  # the server and its password for this run
    workspace = open_workspace(folder, session)
    while workspace is not None:
        try:
            status, work = _open_window(app, folder, workspace, language, session)
        finally:
            notice = workspace.close()
            if notice:
                QMessageBox.warning(None, APP_NAME, notice)
        if work is None:
            return status
        if run_with_folder_closed(work, folder, None):  # a restore or an import: gui/backup/
            language.apply(apply_start_language(folder), remember=False)  # the moved settings'
        workspace = open_workspace(folder, session)  # as at a start: checks, first run, sign-in
    return 1


def _open_window(
    app: QApplication,
    folder: Path,
    workspace: Workspace,
    language: LanguageSwitcher,
    session: ServerSession,
) -> tuple[int, ClosedFolderWork | None]:
    """The first-run setup, the sign-in and the main window; the exit status, and the work
    the user confirmed that needs the folder closed (a restore, an import), if any."""
    from acsg_desktop.gui.backup.restart import discard
    from acsg_desktop.gui.exit_after_start import quit_after_first_paint
    from acsg_desktop.gui.main_window import MainWindow
    from acsg_desktop.gui.settings.first_run_dialog import FirstRunDialog
    from acsg_desktop.gui.settings.user_dialog import ensure_signed_in
    from acsg_desktop.gui.single_instance import InstanceServer
    from acsg_desktop.gui.widgets.window_geometry import show_fitted

    if workspace.profiles.get() is None:
        first_run = FirstRunDialog(workspace.profiles, language, server=(workspace, session))
        if not first_run.exec():
            return 0, first_run.work_after_close
    if not ensure_signed_in(workspace):
        return 0, None
    window = MainWindow(workspace, language, session)
    server = InstanceServer(folder, window)
    quit_after_first_paint(window)  # ACSG_EXIT_AFTER_START=1: make bundle-test
    show_fitted(window, window.geometry_restored)
    status = app.exec()
    server.close()
    work = window.backup_actions.work_after_close
    discard(window)
    return status, work
