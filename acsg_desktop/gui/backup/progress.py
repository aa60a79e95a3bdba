"""Long data-safety work off the GUI thread, with a progress bar and no way to interrupt it
half-way (a half-written backup or a half-applied restore helps nobody)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.transfer.progress import Percent
from acsg_desktop.gui.workers import run_in_background

Work = Callable[[Percent], Any]


class _Relay(QObject):
    """Carries the percentages from the worker thread to the GUI thread (queued)."""

    percent = Signal(int)


def progress_dialog(parent: QWidget | None, title: str, label: str) -> QProgressDialog:
    """A modal progress dialog without a Cancel button, shown at once."""
    dialog = QProgressDialog(label, "", 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    dialog.setAccessibleName(title)
    dialog.setValue(0)
    dialog.show()
    return dialog


def run_with_progress(
    dialog: QProgressDialog,
    work: Work,
    on_done: Callable[[Any], None],
    on_error: Callable[[AcsgError], None],
) -> None:
    """Run ``work(report)`` in the background; ``dialog`` shows what it reports, then closes
    before ``on_done`` or ``on_error`` is called on the GUI thread."""
    relay = _Relay(dialog)
    relay.percent.connect(dialog.setValue)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        dialog.close()
        dialog.deleteLater()
        callback(value)

    run_in_background(
        lambda: work(relay.percent.emit),
        lambda value: finish(on_done, value),
        lambda error: finish(on_error, error),
    )


def run_and_wait(dialog: QProgressDialog, work: Work) -> tuple[Any, AcsgError | None]:
    """Run ``work`` as :func:`run_with_progress` does and wait for it (when no window is open
    to return to): its result, or the error that stopped it."""
    loop = QEventLoop()
    outcome: list[Any] = [None, None]

    def done(value: Any) -> None:
        outcome[0] = value
        loop.quit()

    def failed(error: AcsgError) -> None:
        outcome[1] = error
        loop.quit()

    run_with_progress(dialog, work, done, failed)
    loop.exec()
    return outcome[0], outcome[1]
