"""`acsg server ...`: what the IT officer runs to set up an office server and its officials."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from acsg_desktop.cli.common import emit, open_workspace, read_passphrase
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.roles import ROLES


def _server_address(args: argparse.Namespace, folder: Path) -> str:
    from acsg_desktop.core.database_choice import chosen_database

    address = chosen_database(folder, args.database)
    if not address:
        raise AcsgError(
            _(
                "Say which office server with --database postgresql://login@host/database "
                "(or ACSG_DATABASE)."
            )
        )
    return address


def cmd_server_init(args: argparse.Namespace, folder: Path) -> int:
    from acsg_desktop.core.store.database import backup_dir, prepare_data_dir
    from acsg_desktop.core.store.server import initialise_server

    address = _server_address(args, folder)
    prepare_data_dir(folder)
    database = initialise_server(
        address, None, backup_dir(folder), allow_without_backup=args.no_backup
    )
    try:
        revision = database.schema_revision()
        location = database.location
    finally:
        database.close()
    lines = [
        _("The office server {server} is ready (schema {revision}).").format(
            server=location, revision=revision
        ),
        _("Add each official with: acsg server add-official LOGIN --name NAME --roles ROLES"),
    ]
    emit(args, {"server": location, "schema_revision": revision}, lines)
    return 0


def _roles(text: str) -> frozenset[str]:
    roles = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = roles - set(ROLES)
    if unknown or not roles:
        raise AcsgError(_("Roles are some of: {roles}.").format(roles=", ".join(ROLES)))
    return roles


def cmd_server_add_official(args: argparse.Namespace, folder: Path) -> int:
    _server_address(args, folder)
    password = read_passphrase(args.password_file).decode("utf-8").strip()
    if len(password) < 10:
        raise AcsgError(_("Give the official a password of at least 10 characters."))
    with open_workspace(args, folder) as workspace:
        person = workspace.people.add_official(args.name, _roles(args.roles), args.login, password)
    lines = [_("{name} can now connect as {login}.").format(name=person.name, login=args.login)]
    emit(args, {"name": person.name, "login": args.login, "roles": sorted(person.roles)}, lines)
    return 0


def add_server_commands(commands: Any, json_flag: argparse.ArgumentParser) -> None:
    server = commands.add_parser("server", help=_("set up an office server (for IT officers)"))
    server_commands = server.add_subparsers(dest="server_command", required=True)
    init = server_commands.add_parser(
        "init",
        parents=[json_flag],
        help=_("create the roles and the schema of an office server (safe to run again)"),
    )
    init.set_defaults(handler=cmd_server_init)
    add = server_commands.add_parser(
        "add-official", parents=[json_flag], help=_("give an official their own login")
    )
    add.add_argument("login", help=_("the official's PostgreSQL login"))
    add.add_argument("--name", required=True, help=_("the official's full name"))
    add.add_argument(
        "--roles",
        required=True,
        help=_("comma-separated: drafter, reviewer, signatory, administrator"),
    )
    add.add_argument(
        "--password-file", required=True, help=_("a file holding the login's first password")
    )
    add.set_defaults(handler=cmd_server_add_official)


def on_server(args: argparse.Namespace, folder: Path) -> bool:
    """True when the command works on an office server."""
    from acsg_desktop.core.database_choice import chosen_database

    return bool(chosen_database(folder, getattr(args, "database", None)))


def refuse_on_server(args: argparse.Namespace, folder: Path) -> None:
    """Restoring and moving replace a data folder's own file: an office server's data is
    restored by its IT officer (pg_restore of the dumps `acsg db backup` writes)."""
    if on_server(args, folder):
        raise AcsgError(
            _(
                "This command works on this computer's own data only. An office server is "
                "restored by its IT officer with pg_restore (acsg db backup writes the dumps); "
                "acsg db copy moves data between a laptop and the server."
            )
        )


def cmd_server_check(args: argparse.Namespace, folder: Path) -> int:
    """`acsg db check` on a server: it answers at the current schema and the audit chain holds
    (the server checks its own pages)."""
    with open_workspace(args, folder) as workspace:
        problems = workspace.database.integrity_problems()
        chain = workspace.audit_check()
        location = workspace.database.location
    if not chain.ok:
        problems.append(f"audit chain broken at entry {chain.broken_entry}")
    emit(args, {"database": location, "ok": not problems, "problems": problems}, [])
    if problems:
        print(
            _("The office server {server} has problems: {problems}").format(
                server=location, problems="; ".join(problems)
            ),
            file=sys.stderr,
        )
        return 1
    if not args.json:
        print(
            _("The office server {server} answers and its audit log is intact.").format(
                server=location
            )
        )
    return 0


def server_backups(folder: Path) -> tuple[Path, list[Path]]:
    """Where this computer keeps the office server's dumps, and those there, newest first."""
    from acsg_desktop.core.store.database import backup_dir
    from acsg_desktop.core.store.server import list_dumps

    where = backup_dir(folder)
    return where, list_dumps(where)
