"""`acsg`: the command line over the same core services as the GUI."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from acsg_desktop import __version__
from acsg_desktop.cli.common import Handler, escaped_output, json_flag
from acsg_desktop.core.argparse_language import leading_options, new_parser, speak_our_language
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.language import apply_start_language
from acsg_desktop.core.logs import configure_logging, report_unexpected
from acsg_desktop.paths import data_dir as resolve_data_dir
from acsg_desktop.paths import desk_dir as resolve_desk_dir

# 128 + SIGINT, as shells report a Ctrl+C.
INTERRUPTED_EXIT_STATUS = 130
# 128 + SIGPIPE, as shells report a command whose reader went away (`acsg info | head -1`).
BROKEN_PIPE_EXIT_STATUS = 141
# Each command, the module under acsg_desktop.cli that defines it, and the function there that
# adds its parser (one function may add several). Only the module of the command being run is
# imported: `acsg verify` never loads the database layer, `acsg --version` loads nothing.
COMMANDS: dict[str, tuple[str, str]] = {
    "info": ("data", "add_info_command"),
    "db": ("data", "add_db_commands"),
    "profile": ("data", "add_profile_commands"),
    "assessment": ("assessment", "add_assessment_commands"),
    "request": ("requests", "add_request_commands"),
    "audit": ("requests", "add_request_commands"),
    "people": ("requests", "add_request_commands"),
    "guides": ("guides", "add_guide_commands"),
    "offers": ("offers", "add_offer_commands"),
    "identity": ("package", "add_package_commands"),
    "export": ("package", "add_package_commands"),
    "verify": ("package", "add_package_commands"),
    "receipts": ("receipts", "add_receipt_commands"),
    "contribution": ("contributions", "add_contribution_commands"),
    "demo": ("demo", "add_demo_command"),
    "desk": ("desk", "add_desk_commands"),
    "server": ("server", "add_server_commands"),
}


def build_parser(command: str | None = None, with_commands: bool = True) -> argparse.ArgumentParser:
    """The `acsg` argument parser, with help in the current language: with only ``command``
    when it is one (its module alone is imported), else with every command (for help and
    errors), or with none (``with_commands`` False: `acsg --version`)."""
    parser = new_parser("acsg", __version__, _("ACSG Desktop on the command line."))
    parser.add_argument("--data-dir", help=_("data folder (default: ACSG_HOME or the user folder)"))
    parser.add_argument(
        "--database",
        help=_(
            "an office server (postgresql://login@host/database), or local for this folder's "
            "own database (default: ACSG_DATABASE, else the last one used)"
        ),
    )
    parser.add_argument(
        "--no-backup",
        action="store_true",
        help=_("upgrade an office server even when no pg_dump backup can be made first"),
    )
    parser.add_argument("--user", help=_("who makes the change (default: the app's current user)"))
    parser.add_argument(
        "--user-passphrase-file",
        help=_("a file holding that person's account passphrase (asked when omitted)"),
    )
    flag = json_flag()
    commands = parser.add_subparsers(dest="command", required=True)
    if not with_commands:
        return parser
    wanted = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for module, adder in wanted:
        getattr(importlib.import_module(f"acsg_desktop.cli.{module}"), adder)(commands, flag)
    return parser


def _global_options(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """The options before the command, and the rest (never an error: see leading_options)."""
    values = ("--data-dir", "--user", "--user-passphrase-file", "--database")
    return leading_options(argv, values, flags=("--no-backup",))


def _parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser ``argv`` needs: only its command's, or none for a bare `--version`."""
    _known, rest = _global_options(argv)
    command = rest[0] if rest and not rest[0].startswith("-") else None
    bare_version = command is None and "--version" in rest and not {"-h", "--help"} & set(rest)
    return build_parser(command, with_commands=not bare_version)


def _data_dir_from(argv: Sequence[str]) -> Path:
    """The folder the command works on: the desk's for `acsg desk ...`, else the authority's."""
    known, rest = _global_options(argv)
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
    try:
        with escaped_output():
            status = _run(list(sys.argv[1:] if argv is None else argv))
            sys.stdout.flush()
    except BrokenPipeError:
        return _reader_gone()
    return status


def _reader_gone() -> int:
    """The reader of our output closed it (`acsg info | head -1`): end quietly, as Python's
    documentation advises: what is still buffered goes to devnull, not to a second error
    when the interpreter flushes stdout on exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # no real stdout (a test's capture): nothing will be flushed to a closed pipe
    return BROKEN_PIPE_EXIT_STATUS


def _run(arguments: list[str]) -> int:
    folder = _data_dir_from(arguments)
    configure_logging(folder)
    try:
        apply_start_language(folder)
        speak_our_language()
        args = _parser_for(arguments).parse_args(arguments)
        handler: Handler = args.handler
        return handler(args, folder)
    except AcsgError as error:
        return _fail(error)
    except KeyboardInterrupt:
        return INTERRUPTED_EXIT_STATUS
    except BrokenPipeError:
        raise  # the reader of our output went away: see main
    except Exception as error:
        return _fail(report_unexpected(error, "the acsg command"))
