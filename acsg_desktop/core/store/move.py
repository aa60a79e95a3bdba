"""The database's part of moving to another computer: a checked copy, and the facts that
prove the copy that arrives is the one that left (schema revision, audit chain, counts).

Only SELECTs are run on the files read here; the copy is made with the backup API, so the live
database stays open and in use while it is taken.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from acsg_desktop.core.audit.chain import ChainCheck
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.backup import (
    BackupRefusedError,
    backup_audit_chain,
    backup_database,
    stored_revision,
)
from acsg_desktop.core.store.backup_contents import DataCounts, read_counts
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.health import check_database, describe_damage, log_raw
from acsg_desktop.core.store.migrate import KNOWN_REVISIONS


@dataclass(frozen=True)
class DatabaseFacts:
    """What a database file holds, for the move file's manifest and the check on arrival."""

    revision: str
    chain: ChainCheck
    counts: DataCounts


def snapshot(database: Database, folder: Path) -> Path:
    """A checked copy of the open ``database`` in ``folder`` (which it creates); its path.

    Raises:
        BackupRefusedError: the copy could not be written or failed its integrity check.
    """
    return backup_database(database.path, folder, "move")


def database_facts(path: Path) -> DatabaseFacts:
    """The facts of the database file ``path`` (not in use), checked as a restore checks it.

    Raises:
        BackupRefusedError: the file is damaged, not ours, from a newer version, or its audit
            log cannot be read or was altered.
    """
    problems = check_database(path, thorough=True)
    if problems:
        raise BackupRefusedError(
            _("The data in the file is damaged: {problem}").format(
                problem=describe_damage(problems)
            )
        )
    revision = stored_revision(path)
    if revision is None:
        raise BackupRefusedError(_("The file holds no ACSG Desktop data."))
    if revision not in KNOWN_REVISIONS:
        raise BackupRefusedError(
            _(
                "The data was written by a newer version of ACSG Desktop (schema {revision}): "
                "install that version on this computer first."
            ).format(revision=revision)
        )
    chain = _chain(path)
    counts = read_counts(path)
    if counts is None:
        raise BackupRefusedError(_("The file holds no ACSG Desktop data."))
    return DatabaseFacts(revision, chain, counts)


def _chain(path: Path) -> ChainCheck:
    from sqlalchemy.exc import DBAPIError

    try:
        chain = backup_audit_chain(path)
    except (DBAPIError, sqlite3.Error, UnicodeDecodeError) as error:
        log_raw(error, path, "Reading the audit log of")
        raise BackupRefusedError(_("The audit log in the file cannot be read.")) from error
    if not chain.ok:
        raise BackupRefusedError(
            _("The audit log in the file was altered: its chain breaks at entry {entry}.").format(
                entry=chain.broken_entry
            )
        )
    return chain
