"""Running slow work (export, verification) off the GUI thread, with callbacks on the GUI thread.

``on_error`` always receives an :class:`AcsgError` with a translated message: our own errors as
they are, anything else logged with its traceback and replaced by an "unexpected error" naming
the log file, or for the database library's own errors by a sentence (the original kept as
``__cause__``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from acsg_desktop.core.errors import AcsgError, said_to_user
from acsg_desktop.core.logs import report_unexpected


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except AcsgError as error:
            self.signals.failed.emit(error)
            return
        except Exception as error:
            failed: AcsgError = report_unexpected(error, "a background job")  # logged, traced
            said = said_to_user(error)  # the database library's own words are never shown
            if said:
                failed = AcsgError(said)
                failed.__cause__ = error
            self.signals.failed.emit(failed)
            return
        self.signals.done.emit(result)


_running: set[_Job] = set()


def run_in_background(
    work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[AcsgError], None]
) -> None:
    """Run ``work`` in the thread pool; ``on_done``/``on_error`` are called on the GUI thread."""
    job = _Job(work)
    job.setAutoDelete(False)
    _running.add(job)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(job)
        callback(value)

    job.signals.done.connect(lambda value: finish(on_done, value))
    job.signals.failed.connect(lambda error: finish(on_error, error))
    QThreadPool.globalInstance().start(job)
