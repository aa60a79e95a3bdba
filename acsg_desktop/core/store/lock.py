"""One running instance per data folder: an OS lock on a file, released when the process dies."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from acsg_desktop.core.errors import AcsgError, DataFolderError, os_reason
from acsg_desktop.core.i18n import _

LOCK_FILE = "acsg.lock"


class InstanceLockedError(AcsgError):
    """Another ACSG Desktop process is using this data folder."""

    def __init__(self, message: str, holder_pid: int | None) -> None:
        super().__init__(message)
        self.holder_pid = holder_pid


def _try_lock(stream: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(stream.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text(encoding="ascii").strip() or "x")
    except (OSError, ValueError):
        return None


def _unwritable(path: Path, error: OSError) -> DataFolderError:
    return DataFolderError(
        _("The data folder {path} cannot be used: {reason}").format(
            path=path.parent, reason=os_reason(error)
        )
    )


class InstanceLock:
    """Hold the data folder's lock for as long as this object is acquired."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_FILE
        self._stream: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise InstanceLockedError naming the process that holds it.

        Raises:
            DataFolderError: when the lock file cannot be written (full disk, read-only folder).
        """
        try:
            stream = self.path.open("a+", encoding="ascii")
        except OSError as error:
            raise _unwritable(self.path, error) from error
        if not _try_lock(stream):
            stream.close()
            pid = _read_pid(self.path)
            raise InstanceLockedError(
                _(
                    "ACSG Desktop is already running on this data folder (process {pid}). "
                    "Switch to that window, or close it first."
                ).format(pid=pid if pid is not None else "?"),
                pid,
            )
        try:
            stream.seek(0)
            stream.truncate()
            stream.write(str(os.getpid()))
            stream.flush()
        except OSError:
            pass  # the lock is held; the pid is only a courtesy for the message above
        self._stream = stream

    def release(self) -> None:
        """Let another process use the data folder."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
