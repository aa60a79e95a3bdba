"""`acsg demo`: a fictional authority for training workshops and tests."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from acsg_desktop.cli.common import emit, open_workspace
from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.demo.requests import DEMO_LOGINS, DEMO_PASSPHRASE
from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES, _, current_language


def cmd_demo(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder) as workspace:
        result = create_demo(workspace, args.lang or current_language())
        people = workspace.people.list()
        server = workspace.database.location if workspace.database.is_server else None
    document = {
        "baseline": result.baseline.id,
        "follow_up": result.follow_up.id,
        "requests": [request.id for request in result.requests],
        "people": [person.name for person in people],
        "demo_passphrase": DEMO_PASSPHRASE,
    }
    if server:
        document["logins"] = {name: login for name, (login, _roles) in DEMO_LOGINS.items()}
    where = (
        _("Demo data written to the office server {server}.").format(server=server)
        if server
        else _("Demo data written to {path}.").format(path=folder)
    )
    lines = [
        where,
        _("Assessments {baseline} (completed) and {follow_up} (in progress).").format(
            baseline=result.baseline.id, follow_up=result.follow_up.id
        ),
        _("{count} support requests in different states, with review comments.").format(
            count=len(result.requests)
        ),
        _("The illustrative example offers (not real ones) are loaded: see acsg offers list."),
        _("People: {names}. Each signs in with the passphrase {passphrase}").format(
            names=", ".join(person.name for person in people), passphrase=DEMO_PASSPHRASE
        )
        if not server
        else _("People and their logins: {logins}. Each login's password is {passphrase}").format(
            logins=", ".join(f"{name} ({login})" for name, (login, _r) in DEMO_LOGINS.items()),
            passphrase=DEMO_PASSPHRASE,
        ),
    ]
    emit(args, document, lines)
    return 0


def add_demo_command(commands: Any, json_flag: argparse.ArgumentParser) -> None:
    demo = commands.add_parser(
        "demo", parents=[json_flag], help=_("fill the folder with demo data")
    )
    demo.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help=_("language of the notes"))
    demo.set_defaults(handler=cmd_demo)
