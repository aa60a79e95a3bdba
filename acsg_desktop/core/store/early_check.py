"""The start-up integrity check, begun in a thread before the app imports its screens.

``quick_check`` reads the whole file (seconds on a big data folder) while SQLite lets Python
run, and importing the GUI keeps the other core busy for as long: started first, the check is
done, or nearly, when the database is opened, and opening takes its result instead of checking
again, provided the file has not changed since (same size and time, WAL included). Nothing is
skipped: a damaged file is found and handled as before, only sooner.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path

DATABASE_FILE = "acsg.sqlite3"  # as core.store.database names it (a test keeps them equal)
Stamp = tuple[tuple[int, int], ...]
_started: dict[str, Future[tuple[list[str], Stamp]]] = {}


def _stamp(path: Path) -> Stamp:
    """Size and modification time of the file and of its WAL (absent: zeros)."""
    found = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            status = file.stat()
            found.append((status.st_size, status.st_mtime_ns))
        except OSError:
            found.append((0, 0))
    return tuple(found)


def start_early_check(data_dir: Path) -> None:
    """Begin the start-up check of ``data_dir``'s database (nothing when there is none yet)."""
    path = data_dir / DATABASE_FILE
    if not path.is_file():
        return
    future: Future[tuple[list[str], Stamp]] = Future()

    def check() -> None:
        from acsg_desktop.core.store.health import run_check

        try:
            problems = run_check(path)
            future.set_result((problems, _stamp(path)))
        except BaseException as error:  # handed to the opener, which raises it as before
            future.set_exception(error)

    _started[str(path.resolve())] = future
    threading.Thread(target=check, name="acsg-early-check", daemon=True).start()


def early_result(path: Path) -> list[str] | None:
    """The early check's findings for ``path`` (waiting for it if needed), or None when none
    was started or the file changed since it ran.

    Raises:
        Whatever the check itself raised (``StoreWriteError`` for a full disk, ...).
    """
    future = _started.pop(str(path.resolve()), None)
    if future is None:
        return None
    problems, stamp = future.result()
    return problems if stamp == _stamp(path) else None
