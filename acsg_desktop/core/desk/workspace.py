"""A desk folder in use: its lock, its database (the same store and migrations as an
authority's) and the desk's services. The second composition root over the same core."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cryptography import x509

from acsg_desktop.core.desk.intake import IntakeService
from acsg_desktop.core.desk.publish import Publisher
from acsg_desktop.core.desk.service import DeskService
from acsg_desktop.core.desk.trust import DeskTrust
from acsg_desktop.core.signing.confidential import decrypt
from acsg_desktop.core.store.database import Database, prepare_data_dir
from acsg_desktop.core.store.lock import InstanceLock


class DeskWorkspace:
    """Everything the desk needs from its folder, opened once per process."""

    def __init__(self, folder: Path, lock: InstanceLock, database: Database) -> None:
        self.folder, self._lock, self.database = folder, lock, database
        self.trust = DeskTrust(folder, database)
        self.intake = IntakeService(folder, database, self._desk_certificate, self._opener)
        self.packages = DeskService(database, self.trust)
        self.publisher = Publisher(database, self.trust)

    def _opener(self, passphrase: bytes) -> Callable[[bytes], bytes]:
        """A function that decrypts confidential packages with the desk's encryption key."""
        certificate, key = self.trust.unlock_encryption(passphrase)
        return lambda data: decrypt(data, certificate, key)

    def _desk_certificate(self) -> x509.Certificate | None:
        return self.trust.certificate() if self.trust.exists() else None

    @classmethod
    def open(cls, folder: Path) -> DeskWorkspace:
        prepare_data_dir(folder)
        lock = InstanceLock(folder)
        lock.acquire()
        try:
            database = Database.open(folder)
        except BaseException:
            lock.release()
            raise
        return cls(folder, lock, database)

    def __enter__(self) -> DeskWorkspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.database.close()
        finally:
            self._lock.release()
