"""The log file in the data folder, and what an unexpected error becomes for the user.

One rotating file, ``<data>/logs/acsg.log`` (about 1 MB, 5 older files kept), set up once per
process by each composition root (the GUI's ``app.py``, the CLI's ``main``). Nothing is logged
to the terminal: libraries that log whole tracebacks when they refuse a signature (pyHanko and
its certificate validator) write to the file only. The file and its folder are created on the
first record, so a command that logs nothing leaves nothing behind.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import platform
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType
from typing import TextIO

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _

LOG_DIR = "logs"
LOG_FILE = "acsg.log"
FAULTS_FILE = "faults.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
# EX_SOFTWARE from BSD sysexits.h: "an internal software error has been detected".
UNEXPECTED_EXIT_STATUS = 70
# Their tracebacks are for us, not for the user's terminal.
QUIET_LIBRARIES = ("pyhanko", "pyhanko_certvalidator", "asn1crypto", "fontTools", "PIL")
SUMMARY_LENGTH = 200
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"

log = logging.getLogger("acsg_desktop")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class UnexpectedError(AcsgError):
    """A failure no code foresaw: logged with its traceback, shown as one translated line."""

    exit_status = UNEXPECTED_EXIT_STATUS


class _LogFileHandler(logging.handlers.RotatingFileHandler):
    """Creates its folder on the first record and never prints its own failures to stderr."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
        self.path = path
        self.failed = False

    def _open(self) -> TextIOWrapper:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def emit(self, record: logging.LogRecord) -> None:
        self.failed = False
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        # A read-only or full disk must not turn every log call into a traceback on stderr.
        self.failed = True


class _State:
    handler: _LogFileHandler | None = None
    faults: TextIO | None = None


_state = _State()


def log_file(data_dir: Path) -> Path:
    """Where the log of ``data_dir`` is written."""
    return data_dir / LOG_DIR / LOG_FILE


def current_log_file() -> Path | None:
    """The log file this process writes to, or None before :func:`configure_logging`."""
    return _state.handler.path if _state.handler is not None else None


def _attach(logger: logging.Logger, handler: logging.Handler) -> None:
    for old in list(logger.handlers):
        if isinstance(old, _LogFileHandler | logging.NullHandler):
            logger.removeHandler(old)
    logger.addHandler(handler)


def configure_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send this process's log records to ``data_dir``'s rotating log file.

    Calling it again (another data folder, as tests do) moves the log; nothing is ever written
    to stderr by the loggers set up here.

    Args:
        data_dir: the data folder in use.
        level: the lowest level written.

    Returns:
        The log file's path (which may not exist yet: it is created on the first record).
    """
    path = log_file(data_dir)
    if _state.handler is not None and _state.handler.path == path:
        return path
    handler = _LogFileHandler(path)
    handler.setFormatter(logging.Formatter(_FORMAT))
    previous, _state.handler = _state.handler, handler
    root = logging.getLogger()
    _attach(root, handler)
    root.setLevel(level)
    for name in QUIET_LIBRARIES:
        # Their own handler and no propagation: a stderr handler someone adds to the root
        # logger later still never shows their tracebacks to the user.
        library = logging.getLogger(name)
        _attach(library, handler)
        library.propagate = False
    if previous is not None:
        previous.close()
    return path


def stop_logging() -> None:
    """Close the log file (at exit, or between tests)."""
    handler, _state.handler = _state.handler, None
    if handler is None:
        return
    for logger in [logging.getLogger(), *map(logging.getLogger, QUIET_LIBRARIES)]:
        logger.removeHandler(handler)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).addHandler(logging.NullHandler())
    handler.close()


def keep_fatal_errors(data_dir: Path) -> Path | None:
    """Have a crash inside C code (a segfault in Qt) write Python's stack to ``faults.log``.

    Returns:
        The file, or None when the log folder cannot be written (nothing is then kept).
    """
    path = log_file(data_dir).with_name(FAULTS_FILE)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stream = path.open("a", encoding="utf-8")
    except OSError:
        return None
    faulthandler.enable(stream)
    if _state.faults is not None:
        _state.faults.close()
    _state.faults = stream
    return path


def log_start(program: str, version: str) -> None:
    """One line saying what started, to read a log from a user's machine."""
    log.info(
        "%s %s started (Python %s, %s %s)",
        program,
        version,
        platform.python_version(),
        platform.system(),  # not platform.platform(): it costs 10 ms at start-up
        platform.release(),
    )


def log_is_written() -> bool:
    """True when the log file took the last record (False: no log, or the disk refused)."""
    handler = _state.handler
    return handler is not None and not handler.failed


def _summary(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}"
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"


def unexpected_message(error: BaseException) -> str:
    """What the user reads about ``error``: where its details are, or a summary if nowhere."""
    path = current_log_file()
    if path is not None and log_is_written():
        return _(
            "An unexpected error stopped this action. Its details were written to the log file "
            "{path}: please send that file to your support contact."
        ).format(path=path)
    return _(
        "An unexpected error stopped this action ({summary}), and its details could not be "
        "written to a log file."
    ).format(summary=_summary(error))


def log_exception(exc_info: ExcInfo, where: str) -> None:
    """Write an exception and its traceback to the log file."""
    log.error("Unexpected error in %s", where, exc_info=exc_info)


def report_unexpected(error: BaseException, where: str) -> UnexpectedError:
    """Log ``error`` with its traceback; return the translated error to show in its place.

    Args:
        error: the exception no code foresaw.
        where: what was running, for the log (e.g. ``"acsg verify"``).

    Returns:
        An :class:`UnexpectedError` naming the log file, with ``error`` as its ``__cause__``.
    """
    log_exception((type(error), error, error.__traceback__), where)
    unexpected = UnexpectedError(unexpected_message(error))
    unexpected.__cause__ = error
    return unexpected
