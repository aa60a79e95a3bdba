"""A data folder in use: its lock, its database and the services over them."""

from __future__ import annotations

from pathlib import Path

from acsg_desktop.core.assessment.service import AssessmentService
from acsg_desktop.core.profile_service import ProfileService
from acsg_desktop.core.store.backup import restore_backup
from acsg_desktop.core.store.database import Database, database_path, prepare_data_dir
from acsg_desktop.core.store.lock import InstanceLock
from acsg_desktop.core.store.migrate import KNOWN_REVISIONS


class Workspace:
    """Everything the app needs from one data folder, opened once per process."""

    def __init__(self, data_dir: Path, lock: InstanceLock, database: Database) -> None:
        self.data_dir = data_dir
        self._lock = lock
        self.database = database
        self.profiles = ProfileService(database)
        self.assessments = AssessmentService(database)

    @classmethod
    def open(cls, data_dir: Path) -> Workspace:
        """Lock ``data_dir``, then check, migrate and open its database.

        Raises:
            AcsgError: (or a subclass) with a message for the user when the folder cannot be used.
        """
        prepare_data_dir(data_dir)
        lock = InstanceLock(data_dir)
        lock.acquire()
        try:
            database = Database.open(data_dir)
        except BaseException:
            lock.release()
            raise
        return cls(data_dir, lock, database)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database cleanly and release the data folder."""
        try:
            self.database.close()
        finally:
            self._lock.release()


def restore_into(data_dir: Path, backup: Path) -> Path | None:
    """Restore ``backup`` as the database of the (closed) ``data_dir``; keep the current one."""
    prepare_data_dir(data_dir)
    with InstanceLock(data_dir):
        return restore_backup(backup, database_path(data_dir), KNOWN_REVISIONS)
