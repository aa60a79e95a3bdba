"""No exception vanishes: each is logged with its traceback and shown in a dialog naming the log.

PySide6 hands exceptions raised in slots and virtual methods to ``sys.excepthook`` and carries
on, so the app keeps running after the dialog; exceptions in other threads arrive through
``threading.excepthook`` and are shown on the GUI thread. The windowed bundle has no console:
without this, they would go nowhere.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.errors import said_to_user
from acsg_desktop.core.i18n import _
from acsg_desktop.core.live_text import retranslated_text
from acsg_desktop.core.logs import (
    UNEXPECTED_EXIT_STATUS,
    current_log_file,
    log_exception,
    log_is_written,
)
from acsg_desktop.gui.widgets.retranslate import Retranslatable

_ACTION = QDialogButtonBox.ButtonRole.ActionRole


class CrashDialog(Retranslatable, QDialog):
    """Says that something unexpected happened and where its details are; Continue or Quit."""

    def __init__(
        self,
        log_path: Path | None,
        details: str,
        parent: QWidget | None = None,
        reason: str = "",
    ) -> None:
        super().__init__(parent)
        self._logged = log_path is not None
        self._reason = reason  # a typed error's own sentence, translated (empty: unexpected)
        self.quit_chosen = False
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.path = QLineEdit(str(log_path or ""), self)
        self.path.setReadOnly(True)
        self.path.setVisible(self._logged)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        self.details.setVisible(not self._logged and not reason)  # the sentence comes first
        self.buttons = QDialogButtonBox(self)
        self.toggle = self._button(self._toggle_details)
        self.open_folder = self._button(self._open_folder)
        self.open_folder.setEnabled(self._logged)
        self.quit = self._button(self._quit, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.carry_on = self._button(self.accept, QDialogButtonBox.ButtonRole.AcceptRole)
        self.carry_on.setDefault(True)
        layout = QVBoxLayout(self)
        for widget in (self.message, self.where, self.path, self.details, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(560)
        self.retranslate_ui()

    def _button(
        self, slot: Callable[[], object], role: QDialogButtonBox.ButtonRole = _ACTION
    ) -> QPushButton:
        button = self.buttons.addButton("", role)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _toggle_details(self) -> None:
        self.details.setHidden(not self.details.isHidden())
        self.retranslate_ui()

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.path.text()).parent)))

    def _quit(self) -> None:
        self.quit_chosen = True
        self.reject()

    def retranslate_ui(self) -> None:
        if self._reason:
            self.setWindowTitle(_("ACSG Desktop: the action could not be finished"))
            self.message.setText(retranslated_text(self._reason))
        else:
            self.setWindowTitle(_("ACSG Desktop: unexpected error"))
            self.message.setText(
                _(
                    "Something went wrong that ACSG Desktop did not expect, and the action you "
                    "were doing may not have finished. What the app showed as saved is kept."
                )
            )
        self.where.setText(
            _("The details were written to this log file; please send it to your support contact:")
            if self._logged
            else _("The details could not be written to a log file; here they are:")
        )
        self.toggle.setText(_("Show details") if self.details.isHidden() else _("Hide details"))
        self.open_folder.setText(_("Open the log folder"))
        self.quit.setText(_("Quit ACSG Desktop"))
        self.carry_on.setText(_("Continue"))
        self.path.setAccessibleName(_("Log file"))
        self.details.setAccessibleName(_("Error details"))
        self.path.setToolTip(
            _("Where the details were saved; copy it to send the file to support.")
        )


class CrashReporter(QObject):
    """Installs the exception hooks; shows one dialog at a time, on the GUI thread."""

    # details, the user's sentence ("" when unexpected): an object, so that it stays live
    crashed = Signal(str, object)

    def __init__(self) -> None:
        super().__init__()
        self._showing = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self.crashed.connect(self._show, Qt.ConnectionType.AutoConnection)

    def install(self) -> CrashReporter:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def excepthook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, trace)
            return
        self._report((kind, error, trace), "the GUI thread")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        self._report((args.exc_type, args.exc_value, args.exc_traceback), f"thread {name}")

    def _report(
        self, exc_info: tuple[type[BaseException], BaseException, TracebackType | None], where: str
    ) -> None:
        log_exception(exc_info, where)
        # Emitted from another thread, the signal is queued to the GUI thread.
        details = "".join(traceback.format_exception(*exc_info))
        self.crashed.emit(details, said_to_user(exc_info[1]))

    def _show(self, details: str, reason: str = "") -> None:
        if self._showing:  # an error while the dialog is open: logged, not shown twice
            return
        self._showing = True
        try:
            app = QApplication.instance() or QApplication([sys.argv[0]])
            path = current_log_file() if log_is_written() else None
            dialog = CrashDialog(path, details, QApplication.activeWindow(), reason)
            dialog.exec()
            if dialog.quit_chosen:
                app.exit(UNEXPECTED_EXIT_STATUS)
        finally:
            self._showing = False


def install_crash_capture() -> CrashReporter:
    """Log and show every uncaught exception from now on; ``uninstall()`` restores the hooks."""
    return CrashReporter().install()
