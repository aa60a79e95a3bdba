"""Objects in a database file that the app's own migrations never create.

A backup, a move file's database or the database of a data folder can be a file someone else
made: it may pass ``integrity_check`` and carry an intact audit chain, and still hold a trigger
that rewrites the answers the next time a setting is saved, without a trace. Such a file is
compared, object by object, with the schema the app's migrations create at the same revision
(built once per process in a fresh database in a temporary folder): any trigger, view, table
or index that is not the app's own is named and the file refused.

Triggers, views and virtual tables are compared with their SQL too, since they run code; a
table or an index only by name and the table it belongs to. SQLite's automatic indexes and
its own statistics tables are not the app's doing, and hold no code.

The data folder's own database is checked each time it is opened, before any migration or
write could fire a trigger: only for code (a stray table or index runs nothing), and against a
list of the code the migrations create at any revision (``APP_CODE``), so that opening does not
build a fresh database; a test keeps that list equal to what the migrations make.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import sqlite3
import tempfile
from pathlib import Path

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _, format_number

logger = logging.getLogger(__name__)

# SQLite's own bookkeeping tables: made by AUTOINCREMENT and ANALYZE, never holding code.
_SQLITE_OWN = frozenset({"sqlite_sequence", *(f"sqlite_stat{number}" for number in range(1, 5))})
_AUTOINDEX = "sqlite_autoindex_"
# At most this many objects are named in a message; the log has them all.
_NAMED = 5
_MAX_NAME = 80

SchemaKey = tuple[str, str]  # (type, name)
SchemaObjects = dict[SchemaKey, tuple[str, str]]
# The code the migrations create, at any revision: each object's ``code_digest``.
APP_CODE = frozenset(
    {
        "31035584e8c7bd694068ebc7da7c2fc72296e62f2c01656a344bd56aec9d6f06",  # table guide_fts
        "e4989b37daba2074d21a5bcab848b60cf4d955db8460da9593975ddc58ca7a5c",  # guide_document_ad
        "1f90d7de287b4c4a3ce8886d67f073af7384c1e042e58fd107d39da6b0f33ad5",  # guide_document_ai
        "db814114203e57107cbbb54410ded0bb98c481a84868f96c4f8d241a739a16cf",  # guide_document_au
    }
)


class ForeignCodeError(AcsgError):
    """The data folder's database holds a trigger, a view or a virtual table the app never
    creates: it is not opened (nothing was run or changed)."""


def _normal(sql: str | None) -> str:
    return re.sub(r"\s+", " ", (sql or "").strip())


def _code_bearing(kind: str, sql: str | None) -> bool:
    return kind in ("trigger", "view") or _normal(sql).upper().startswith("CREATE VIRTUAL TABLE")


def schema_objects(connection: sqlite3.Connection) -> SchemaObjects:
    """Each object of the database: (type, name) -> (its table, its SQL where it runs code)."""
    rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    found = {}
    for kind, name, table, sql in rows:
        name, kind = str(name), str(kind)
        if name in _SQLITE_OWN or name.startswith(_AUTOINDEX):
            continue
        found[(kind, name)] = (str(table), _normal(sql) if _code_bearing(kind, sql) else "")
    return found


@functools.cache
def expected_objects(revision: str) -> SchemaObjects:
    """The objects the app's migrations create up to ``revision``, in a fresh database."""
    from acsg_desktop.core.store.engine import make_engine
    from acsg_desktop.core.store.migrate import migrate_to

    with tempfile.TemporaryDirectory(prefix="acsg-schema-") as folder:
        path = Path(folder) / "expected.sqlite3"
        engine = make_engine(path)
        try:
            migrate_to(engine, revision)
        finally:
            engine.dispose()
        connection = sqlite3.connect(path)
        try:
            return schema_objects(connection)
        finally:
            connection.close()


def label(kind: str, name: str) -> str:
    """One object named for a message: its kind and (a cut) name."""
    shown = name if len(name) <= _MAX_NAME else name[:_MAX_NAME] + "…"
    labels = {
        "trigger": _("trigger “{name}”"),
        "view": _("view “{name}”"),
        "table": _("table “{name}”"),
        "index": _("index “{name}”"),
        "function": _("function “{name}”"),
        "rule": _("rule “{name}”"),
        "policy": _("row security policy “{name}”"),
        "event trigger": _("event trigger “{name}”"),
    }
    return labels.get(kind, "{name}").format(name=shown)


def unexpected_objects(path: Path, revision: str) -> list[str]:
    """What ``path`` (a closed SQLite file at ``revision``, one the app knows) holds that the
    app's own migrations do not create, each as a translated phrase; empty when nothing.

    Raises:
        sqlite3.Error: the file's schema cannot be read (callers checked it is a database).
    """
    expected = expected_objects(revision)
    found = _objects_in(path)
    return _named_strange(path, [key for key, value in found.items() if expected.get(key) != value])


def _objects_in(path: Path) -> SchemaObjects:
    # Read-write like the integrity check: a read-only connection leaves -wal and -shm behind.
    # Only the schema table is read; no trigger can fire on a SELECT.
    connection = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
    try:
        return schema_objects(connection)
    finally:
        connection.close()


def _named_strange(path: Path, strange: list[SchemaKey]) -> list[str]:
    strange = sorted(strange)
    if strange:
        logger.warning("%s holds objects the app never creates: %r", path, strange[:100])
    return [label(kind, name) for kind, name in strange]


def code_digest(key: SchemaKey, value: tuple[str, str]) -> str:
    """What identifies one object that runs code: its type, name, table and SQL."""
    return hashlib.sha256("\0".join((*key, *value)).encode()).hexdigest()


def code_objects(objects: SchemaObjects) -> SchemaObjects:
    """The objects that run code (those ``schema_objects`` keeps the SQL of)."""
    return {key: value for key, value in objects.items() if value[1]}


def refuse_foreign_code(path: Path) -> None:
    """Refuse to open the database ``path`` if it holds code the migrations never create.

    Raises:
        ForeignCodeError: it does; the objects are named, the file is untouched.
        sqlite3.Error: its schema cannot be read.
    """
    found = code_objects(_objects_in(path))
    strange = _named_strange(
        path, [key for key, value in found.items() if code_digest(key, value) not in APP_CODE]
    )
    if strange:
        raise ForeignCodeError(
            _(
                "The database {path} holds what ACSG Desktop never creates ({objects}): it "
                "could change data without a trace, so it was not opened and nothing in it was "
                "changed. Restore a backup you trust (acsg db restore), or ask whoever looks "
                "after this folder what changed it."
            ).format(path=path, objects=named(strange))
        )


def named(objects: list[str]) -> str:
    """The first few of ``objects`` for a message, with how many more there are."""
    shown = ", ".join(objects[:_NAMED])
    if len(objects) <= _NAMED:
        return shown
    return _("{names} and {count} more").format(
        names=shown, count=format_number(len(objects) - _NAMED)
    )
