"""The two ends of ``acsg db copy``: a data folder's SQLite file (opened under the folder's lock)
or an office server, each migrated to the current schema, and the copy between them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from acsg_desktop.core.audit.chain import ChainCheck
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.copy import Progress, copy_rows, refuse_holdings
from acsg_desktop.core.store.database import (
    DATABASE_FILE,
    Database,
    backup_dir,
    database_path,
    prepare_data_dir,
)
from acsg_desktop.core.store.lock import InstanceLock
from acsg_desktop.core.store.server_errors import ServerPasswordError
from acsg_desktop.core.store.server_url import is_server_address, without_password

# Asked for a server's password when one is needed and none was given; None gives up.
PasswordPrompt = Callable[[str], str | None]


@dataclass(frozen=True)
class CopyResult:
    """What ``copy_between`` did: where from and to (servers without password), the rows per
    table, the target's verified audit chain, and the backup of the target taken first."""

    source: str
    target: str
    target_is_server: bool
    counts: dict[str, int]
    chain: ChainCheck
    backup: Path | None


def _folder(end: str) -> Path:
    """A data folder, or the SQLite file of one (``.../acsg.sqlite3``)."""
    path = Path(end).expanduser()
    return path.parent if path.name == DATABASE_FILE and path.is_file() else path


def _same_end(first: str, second: str) -> bool:
    if is_server_address(first) and is_server_address(second):
        return without_password(first) == without_password(second)
    if is_server_address(first) or is_server_address(second):
        return False
    return _folder(first).resolve() == _folder(second).resolve()


def _connect(address: str, data_dir: Path, ask: PasswordPrompt | None, no_backup: bool) -> Database:
    from acsg_desktop.core.store.server import ServerDatabase

    def connect(password: str | None) -> Database:
        return ServerDatabase.connect(
            address, password, backup_dir(data_dir), allow_without_backup=no_backup
        )

    try:
        return connect(None)
    except ServerPasswordError as error:
        password = ask(without_password(address)) if error.missing and ask else None
        if password is None:
            raise
        return connect(password)


@contextmanager
def opened_end(
    end: str,
    data_dir: Path,
    must_exist: bool,
    ask_password: PasswordPrompt | None = None,
    allow_without_backup: bool = False,
) -> Iterator[Database]:
    """The database at ``end`` (a folder, or a server address), open for the block.

    Raises:
        AcsgError: no database there (``must_exist``), the folder is in use, the server
            cannot be used (``ServerError`` subclasses), or the schema is too new.
    """
    if is_server_address(end):
        database = _connect(end, data_dir, ask_password, allow_without_backup)
        try:
            yield database
        finally:
            database.close()
        return
    folder = _folder(end)
    if must_exist and not database_path(folder).is_file():
        raise AcsgError(_("There is no database in {path} yet.").format(path=folder))
    prepare_data_dir(folder)
    with InstanceLock(folder):
        database = Database.open(folder)
        try:
            yield database
        finally:
            database.close()


def copy_between(
    source: str,
    target: str,
    data_dir: Path,
    *,
    ask_password: PasswordPrompt | None = None,
    allow_without_backup: bool = False,
    progress: Progress | None = None,
) -> CopyResult:
    """Copy all the data at ``source`` into the empty database at ``target`` (each a data
    folder or an office server address); ``data_dir`` keeps a server's backups.

    A target data folder whose database exists is backed up first.

    Raises:
        AcsgError: source and target are the same; either end cannot be opened;
            ``CopyRefusedError`` (the target holds data, the source's audit log is broken) or
            ``CopyFailedError`` (nothing was kept).
    """
    if _same_end(source, target):
        raise AcsgError(_("The source and the target are the same database: nothing was copied."))
    existed = not is_server_address(target) and database_path(_folder(target)).is_file()
    with (
        opened_end(source, data_dir, True, ask_password, allow_without_backup) as reading,
        opened_end(target, data_dir, False, ask_password, allow_without_backup) as writing,
    ):
        refuse_holdings(writing.table_counts(), writing.location)
        backup = writing.backup("before-copy") if existed else None
        outcome = copy_rows(reading, writing, progress)
        return CopyResult(
            reading.location,
            writing.location,
            writing.is_server,
            outcome.counts,
            outcome.chain,
            backup,
        )
