"""`acsg db copy --from SOURCE --to TARGET`: all the data of a data folder or an office server
into another, empty one, with ids, the audit chain and the package numbers kept."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acsg_desktop.cli.common import emit
from acsg_desktop.core.i18n import _, format_number, ngettext

if TYPE_CHECKING:
    from acsg_desktop.core.store.copy_ends import CopyResult


def _ask_password(server: str) -> str | None:
    """The server's password typed at a terminal; None when there is no terminal."""
    if not sys.stdin.isatty():
        return None
    import getpass

    return getpass.getpass(_("Password for the office server {server}: ").format(server=server))


class _ProgressLine:
    """Rows copied, on stderr: one line per table, rewritten in place at a terminal."""

    def __init__(self) -> None:
        self._terminal = sys.stderr.isatty()

    def __call__(self, table: str, done: int, total: int) -> None:
        if not self._terminal and done < total:
            return
        line = _("Copying {table}: {done} of {total}").format(
            table=table, done=format_number(done), total=format_number(total)
        )
        end = "\n" if done >= total else "\r"
        print(line, end=end, file=sys.stderr, flush=True)


def _lines(result: CopyResult) -> list[str]:
    chain = result.chain
    lines = [
        _("Copied {source} into {target}.").format(source=result.source, target=result.target),
        *(
            _("{table}: {count}").format(table=name, count=format_number(count))
            for name, count in result.counts.items()
            if count
        ),
        ngettext(
            "Audit log: {count} entry copied; its chain verifies on the target.",
            "Audit log: {count} entries copied; their chain verifies on the target.",
            chain.entries,
        ).format(count=format_number(chain.entries)),
    ]
    if result.backup is not None:
        lines.append(_("The target was backed up first, to {path}").format(path=result.backup))
    if result.target_is_server:
        lines.append(
            _("Add each official with: acsg server add-official LOGIN --name NAME --roles ROLES")
        )
    return lines


def _document(result: CopyResult) -> dict[str, Any]:
    return {
        "source": result.source,
        "target": result.target,
        "counts": result.counts,
        "audit_chain": {
            "ok": result.chain.ok,
            "entries": result.chain.entries,
            "head": result.chain.head,
        },
        "backup": str(result.backup) if result.backup else None,
    }


def cmd_db_copy(args: argparse.Namespace, folder: Path) -> int:
    from acsg_desktop.core.store.copy_ends import copy_between

    result = copy_between(
        args.source,
        args.target,
        folder,
        ask_password=_ask_password,
        allow_without_backup=bool(getattr(args, "no_backup", False)),
        progress=_ProgressLine(),
    )
    emit(args, _document(result), _lines(result))
    return 0


def add_copy_command(db_commands: Any, json_flag: argparse.ArgumentParser) -> None:
    copy = db_commands.add_parser(
        "copy",
        parents=[json_flag],
        help=_("copy all the data into another, empty database (a laptop into the office server)"),
    )
    copy.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="SOURCE",
        help=_("a data folder, or an office server address (postgresql://...)"),
    )
    copy.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="TARGET",
        help=_("an empty data folder or office server (postgresql://...)"),
    )
    copy.set_defaults(handler=cmd_db_copy)
