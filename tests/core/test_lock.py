import subprocess
import sys
import time
from pathlib import Path

import pytest

from acsg_desktop.core.store.lock import InstanceLock, InstanceLockedError
from acsg_desktop.core.workspace import Workspace

HOLDER = """
import sys, time
from pathlib import Path
from acsg_desktop.core.store.lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def test_second_workspace_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    first = Workspace.open(tmp_path)
    try:
        with pytest.raises(InstanceLockedError, match="already running"):
            Workspace.open(tmp_path)
    finally:
        first.close()
    Workspace.open(tmp_path).close()  # free again once the first one closed


def test_refusal_names_the_process_that_holds_the_lock(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(InstanceLockedError) as caught:
            InstanceLock(tmp_path).acquire()
        assert caught.value.holder_pid == holder.pid
        assert str(holder.pid) in caught.value.message
    finally:
        holder.kill()
        holder.wait()
    deadline = time.monotonic() + 5
    while True:  # the OS frees the lock when the holder dies, even killed with -9
        try:
            with InstanceLock(tmp_path):
                break
        except InstanceLockedError:
            assert time.monotonic() < deadline
            time.sleep(0.05)


def test_a_lock_file_that_cannot_be_written_is_a_clear_error(tmp_path, monkeypatch) -> None:
    import errno

    from acsg_desktop.core.errors import DataFolderError

    def refuse(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(DataFolderError, match="the disk is full"):
        InstanceLock(tmp_path).acquire()
