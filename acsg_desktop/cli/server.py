"""`acsg server ...`: what the IT officer runs to set up an office server and its officials."""

from __future__ import annotations

import argparse
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
