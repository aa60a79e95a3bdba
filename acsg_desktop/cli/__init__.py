"""`acsg`: the command line over the same core services as the GUI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from acsg_desktop import __version__
from acsg_desktop.cli.assessment import add_assessment_commands
from acsg_desktop.cli.common import Handler, escaped_output, json_flag
from acsg_desktop.cli.data import add_db_commands, add_info_command, add_profile_commands
from acsg_desktop.cli.demo import add_demo_command
from acsg_desktop.cli.desk import add_desk_commands
from acsg_desktop.cli.guides import add_guide_commands
from acsg_desktop.cli.offers import add_offer_commands
from acsg_desktop.cli.package import add_package_commands
from acsg_desktop.cli.receipts import add_receipt_commands
from acsg_desktop.cli.requests import add_request_commands
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.language import apply_start_language
from acsg_desktop.core.logs import configure_logging, report_unexpected
from acsg_desktop.paths import data_dir as resolve_data_dir
from acsg_desktop.paths import desk_dir as resolve_desk_dir

# 128 + SIGINT, as shells report a Ctrl+C.
INTERRUPTED_EXIT_STATUS = 130


def build_parser() -> argparse.ArgumentParser:
    """The `acsg` argument parser, with help in the current language."""
    parser = argparse.ArgumentParser(
        prog="acsg", description=_("ACSG Desktop on the command line.")
    )
    parser.add_argument("--version", action="version", version=f"acsg {__version__}")
    parser.add_argument("--data-dir", help=_("data folder (default: ACSG_HOME or the user folder)"))
    parser.add_argument("--user", help=_("who makes the change (default: the app's current user)"))
    flag = json_flag()
    commands = parser.add_subparsers(dest="command", required=True)
    add_info_command(commands, flag)
    add_db_commands(commands, flag)
    add_profile_commands(commands, flag)
    add_assessment_commands(commands, flag)
    add_request_commands(commands, flag)
    add_guide_commands(commands, flag)
    add_offer_commands(commands, flag)
    add_package_commands(commands, flag)
    add_receipt_commands(commands, flag)
    add_demo_command(commands, flag)
    add_desk_commands(commands, flag)
    return parser


def _data_dir_from(argv: Sequence[str]) -> Path:
    """The folder the command works on: the desk's for `acsg desk ...`, else the authority's."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--data-dir")
    pre.add_argument("--user")
    known, rest = pre.parse_known_args(argv)
    if rest[:1] == ["desk"]:
        return resolve_desk_dir(known.data_dir)
    return resolve_data_dir(known.data_dir)


def _fail(error: AcsgError) -> int:
    print(_("Error: {message}").format(message=error.message), file=sys.stderr)
    return error.exit_status


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `acsg` command; returns the exit status (0 only on success).

    Our own errors print their translated message (status 1 or the error's own); anything else
    is logged with its traceback and printed as one line naming the log file (status 70).
    """
    with escaped_output():
        return _run(list(sys.argv[1:] if argv is None else argv))


def _run(arguments: list[str]) -> int:
    folder = _data_dir_from(arguments)
    configure_logging(folder)
    try:
        apply_start_language(folder)
        args = build_parser().parse_args(arguments)
        handler: Handler = args.handler
        return handler(args, folder)
    except AcsgError as error:
        return _fail(error)
    except KeyboardInterrupt:
        return INTERRUPTED_EXIT_STATUS
    except Exception as error:
        return _fail(report_unexpected(error, "the acsg command"))
