"""Code on the office server that the app's migrations never create.

The data folder's file is checked for foreign triggers each time it is opened
(``schema_guard``); the office server is checked in the same way each time a window connects,
before any migration or write could run such code. On PostgreSQL, code that can change or hide
data without a trace is a trigger, a function (a trigger runs one), a rule (it rewrites a
statement), a view, a row-level security policy (it hides rows) or an event trigger (it runs on
any schema change, an upgrade's too). Anyone holding the schema owner's login can add one; an
official cannot.

Each such object of the current schema (and every event trigger of the database) is identified
by its kind, its name and what it runs: a function by its arguments and its source, a trigger by
the function it calls and when it fires (``tgtype``: a BEFORE trigger returning NULL would drop
every write). What an extension installed (``unaccent``'s functions, the views of
``pg_stat_statements`` that an IT officer may add) is the extension's, not foreign. What the
app's migrations create at any revision is ``SERVER_APP_CODE``; a test keeps it equal to what
they make.
"""

from __future__ import annotations

import hashlib
import logging
import re

from sqlalchemy import Connection, text

from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.schema_guard import label, named
from acsg_desktop.core.store.server_errors import ServerError

logger = logging.getLogger(__name__)

SERVER_CODE = text(
    """
SELECT 'function', p.proname::text,
       pg_get_function_identity_arguments(p.oid) || ' ' || p.prosrc
  FROM pg_proc p
 WHERE p.pronamespace = current_schema()::regnamespace
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                   AND d.objid = p.oid AND d.deptype = 'e')
UNION ALL
SELECT 'trigger', t.tgname::text,
       c.relname::text || ' ' || t.tgfoid::regprocedure::text || ' ' || t.tgtype::text
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal
UNION ALL
SELECT 'view', c.relname::text, ''
  FROM pg_class c
 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('v', 'm')
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                   AND d.objid = c.oid AND d.deptype = 'e')
UNION ALL
SELECT 'rule', rulename::text, tablename::text FROM pg_rules WHERE schemaname = current_schema()
UNION ALL
SELECT 'policy', policyname::text, tablename::text
  FROM pg_policies WHERE schemaname = current_schema()
UNION ALL
SELECT 'event trigger', e.evtname::text, e.evtfoid::regprocedure::text
  FROM pg_event_trigger e
 WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_event_trigger'::regclass
                   AND d.objid = e.oid AND d.deptype = 'e')
"""
)

ServerObject = tuple[str, str, str]  # (kind, name, what it runs)

# What the migrations create at any revision, by ``server_code_digest``: the four functions,
# then the change trigger of each table named.
SERVER_APP_CODE = frozenset(
    {
        "b27abc445ddd860e0ada1546c6c89c307e908e22a96d65209e5e81150e3d986f",  # acsg_casefold
        "6090e8165696ac146eb5d82edaa9d57cc3fec9c93443abecab65f689a5a5eba9",  # acsg_fold
        "55d44c0336c64117dc7df245769c439856268fc40ce5529d5797aa926e370d2e",  # acsg_notify_change
        "2522fb1604fc51caa9507b971206e99429c8a750de1c527f574e2e1e7c7be1ff",  # acsg_unaccent
        "f2fe63fbdccccf8a876ec092e4c544d3bd983574185aa107e94c3fe5b4ccdd5c",  # answer
        "7793787b112cffa4d263ecb1a726553b7eae3e74bc9aed931f0eeea52e16fec6",  # assessment
        "95c071880b4c6a4d29891982e9dc4579a93101906f8d2dcd6cf44b32e389b870",  # authority_profile
        "d02d4b1acac1889008248151567279aba0183c4861ceb784c6bc5ddc6c9ad6d3",  # contribution_import
        "3b880d5d81dd00764d325e41a91f5a5d1589f5ac065c004e5b2cff7db704b3ef",  # evidence_file
        "ffa1eaad798524235ec45c8e78718e90b0ad58feb2b6f9e35cf995ab8fc0ae88",  # guide_document
        "9bcdecd4513b5f7640b1686d58ea88b8b04336483ba658c751a0046d30a030b3",  # offer
        "e10daac80ffd9a75e52ca18348261d62ea4ae754a22cfc9bd2bba7b08b8ec7b5",  # package
        "81fef353440d23fc7a08da12994360e1d07aa35098532eb40f0ab915f835a7d3",  # person
        "3e55ff27056a855f29812bb41945fc677d4c8ca8fdd1044cd47bbde0b92d39e3",  # plan_action
        "0838f01162e9593fdcae8089fecaea33ce5336ae9148860a0111cef2a963214d",  # receipt
        "757a8ed5a4d3a1f168bc99d08ca9bee37c2087b2e92c7c3630dc904a55cf0957",  # request_comment
        "46dbbcf0b66e6f1bdb8968a9d667331c35d240fac49d4b684fe6fb784bb5a78f",  # support_request
    }
)


class ServerForeignCodeError(ServerError):
    """The office server holds code the app never creates: the window does not connect."""


def server_code_digest(found: ServerObject) -> str:
    """What identifies one object that runs code: its kind, name and what it runs."""
    kind, name, code = found
    joined = "\0".join((kind, name, re.sub(r"\s+", " ", code.strip())))
    return hashlib.sha256(joined.encode()).hexdigest()


def server_code(connection: Connection) -> list[ServerObject]:
    """Every object of the server that runs code or hides rows, as (kind, name, code)."""
    rows = connection.execute(SERVER_CODE)
    return [(str(kind), str(name), str(code)) for kind, name, code in rows]


def foreign_server_code(connection: Connection, location: str) -> list[str]:
    """What the server holds that the migrations never create, as translated phrases."""
    found = server_code(connection)
    strange = sorted(one for one in found if server_code_digest(one) not in SERVER_APP_CODE)
    if strange:
        logger.warning("%s holds objects the app never creates: %r", location, strange[:100])
    return [label(kind, name) for kind, name, _code in strange]


def refuse_foreign_server_code(connection: Connection, location: str) -> None:
    """Refuse the server at ``location`` if it holds code the migrations never create.

    Raises:
        ServerForeignCodeError: it does; the objects are named, nothing was run or changed.
    """
    strange = foreign_server_code(connection, location)
    if strange:
        raise ServerForeignCodeError(
            _(
                "The office server {server} holds what ACSG Desktop never creates ({objects}): "
                "it could change or hide data without a trace, so this window did not connect "
                "and nothing was changed. Ask your IT officer to remove it, or to restore a "
                "backup of the server they trust."
            ).format(server=location, objects=named(strange))
        )
