"""`acsg receipts import FILE | list`: the Secretariat's signed answers to our packages."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from acsg_desktop.cli.common import actor_of, emit, open_workspace, read_certificates
from acsg_desktop.core.guides.service import trusted_certificates
from acsg_desktop.core.i18n import _, format_datetime, ngettext


def cmd_import(args: argparse.Namespace, folder: Path) -> int:
    extra = read_certificates(args.trust or [])
    with open_workspace(args, folder) as workspace:
        receipt = workspace.receipts.import_receipt(
            Path(args.file), trusted_certificates(folder) + extra, actor=actor_of(args, workspace)
        )
    document = {
        "receipt_id": receipt.receipt_id,
        "package_id": receipt.package_id,
        "verification": receipt.verification.value,
        "requests": [
            {"id": reply.request_id, "match_stage": reply.stage.value} for reply in receipt.requests
        ],
    }
    line = ngettext(
        "Receipt for package {id} imported: {count} request updated.",
        "Receipt for package {id} imported: {count} requests updated.",
        len(receipt.requests),
    ).format(id=receipt.package_id, count=len(receipt.requests))
    emit(args, document, [line])
    return 0


def cmd_list(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        records = workspace.receipts.imported()
    document: dict[str, Any] = {
        "receipts": [
            {
                "receipt_id": record.receipt_id,
                "package_id": record.package_id,
                "issued": record.issued.isoformat(),
                "verification": record.verification,
                "requests": json.loads(record.document)["requests"],
            }
            for record in records
        ]
    }
    lines = [
        f"{format_datetime(record.issued)}  {record.package_id}  {record.verification}"
        for record in records
    ] or [_("No receipt has been imported yet.")]
    emit(args, document, lines)
    return 0


def add_receipt_commands(commands: Any, json_flag: argparse.ArgumentParser) -> None:
    receipts = commands.add_parser("receipts", help=_("the Secretariat's signed receipts"))
    sub = receipts.add_subparsers(dest="receipts_command", required=True)
    importing = sub.add_parser(
        "import", parents=[json_flag], help=_("import a receipt for one of our packages")
    )
    importing.add_argument("file")
    importing.add_argument("--trust", action="append", help=_("an extra trusted certificate"))
    importing.set_defaults(handler=cmd_import)
    sub.add_parser("list", parents=[json_flag], help=_("the receipts imported")).set_defaults(
        handler=cmd_list
    )
