"""`acsg desk receipt | overview | publish`: what the desk sends back, and what it compares."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from acsg_desktop.cli.common import emit, read_passphrase
from acsg_desktop.core.desk.overview import Overview
from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES, _, current_language, format_percent
from acsg_desktop.core.records.receipts import RequestReply
from acsg_desktop.core.records.requests import MatchStage


def _pairs(values: list[str], option: str) -> dict[int, str]:
    found = {}
    for value in values:
        number, separator, text = value.partition("=")
        if not separator or not number.strip().isdigit():
            raise AcsgError(
                _("{option} takes REQUEST=VALUE, such as 12=agreed; not {value}.").format(
                    option=option, value=value
                )
            )
        found[int(number)] = text
    return found


def _replies(args: argparse.Namespace) -> dict[int, RequestReply]:
    stages, messages = _pairs(args.stage or [], "--stage"), _pairs(args.message or [], "--message")
    choices = {stage.value for stage in MatchStage}
    replies = {}
    for number, stage in stages.items():
        if stage not in choices:
            raise AcsgError(
                _("Unknown match stage {stage}; choose from {choices}.").format(
                    stage=stage, choices=", ".join(sorted(choices))
                )
            )
        replies[number] = RequestReply(number, MatchStage(stage), messages.get(number, ""))
    return replies


def cmd_receipt(args: argparse.Namespace, folder: Path) -> int:
    from acsg_desktop.cli.desk import desk_actor

    with DeskWorkspace.open(folder) as desk:
        receipt = desk.packages.write_receipt(
            args.package_id,
            _replies(args),
            read_passphrase(args.passphrase_file),
            Path(args.out),
            actor=desk_actor(args),
        )
    emit(
        args,
        {"receipt_id": receipt.receipt_id, "file": args.out},
        [_("Receipt written to {path}").format(path=args.out)],
    )
    return 0


def _percent(value: float | None) -> str:
    return format_percent(value / 100) if value is not None else "–"


def _overview_document(overview: Overview) -> dict[str, Any]:
    return {
        "submissions": [
            {
                "country": s.country,
                "authority": s.authority,
                "packages": s.packages,
                "held": s.held,
                "year": s.year,
                "completion": s.completion,
                "overall": s.overall,
                "previous_overall": s.previous_overall,
                "aims": s.aims,
                "areas": s.areas,
            }
            for s in overview.submissions
        ],
        "requests_by_type": dict(overview.requests_by_type),
        "requests_by_area": dict(overview.requests_by_area),
        "requests_by_stage": dict(overview.requests_by_stage),
        "unmet_by_area": dict(overview.unmet_by_area),
        "open_offers_by_area": dict(overview.open_offers_by_area),
        "unmet_by_region": dict(overview.unmet_by_region),
        "open_offers_by_region": dict(overview.open_offers_by_region),
    }


def cmd_overview(args: argparse.Namespace, folder: Path) -> int:
    with DeskWorkspace.open(folder) as desk:
        overview = desk.packages.overview()
    lines = [
        f"{s.country} {s.year} {_percent(s.overall):>6}  {s.authority}"
        for s in overview.submissions
    ] or [_("No package received yet.")]
    emit(args, _overview_document(overview), lines)
    return 0


def cmd_briefing(args: argparse.Namespace, folder: Path) -> int:
    from acsg_desktop.core.desk.briefing import briefing_pdf
    from acsg_desktop.core.fileio import write_bytes_atomically
    from acsg_desktop.core.framework.loader import load_framework
    from acsg_desktop.core.i18n import language_as

    with DeskWorkspace.open(folder) as desk:
        overview = desk.packages.overview()
    with language_as(args.lang or current_language()):
        write_bytes_atomically(Path(args.out), briefing_pdf(overview, load_framework()))
    emit(args, {"file": args.out}, [_("Briefing written to {path}").format(path=args.out)])
    return 0


def cmd_publish(args: argparse.Namespace, folder: Path) -> int:
    from acsg_desktop.cli.desk import desk_actor

    with DeskWorkspace.open(folder) as desk:
        version = desk.publisher.publish(
            args.kind,
            Path(args.source),
            read_passphrase(args.passphrase_file),
            Path(args.out),
            actor=desk_actor(args),
            version=args.version,
        )
    emit(
        args,
        {"kind": args.kind, "version": version, "file": args.out},
        [_("Version {version} written to {path}").format(version=version, path=args.out)],
    )
    return 0


def add_reply_commands(sub: Any, json_flag: argparse.ArgumentParser) -> None:
    receipt = sub.add_parser("receipt", parents=[json_flag], help=_("sign a receipt"))
    receipt.add_argument("package_id")
    receipt.add_argument("--stage", action="append", help=_("REQUEST=STAGE, such as 12=agreed"))
    receipt.add_argument("--message", action="append", help=_("REQUEST=TEXT"))
    receipt.add_argument("--passphrase-file", required=True)
    receipt.add_argument("--out", required=True)
    receipt.set_defaults(handler=cmd_receipt)
    sub.add_parser(
        "overview", parents=[json_flag], help=_("submissions and scores by country")
    ).set_defaults(handler=cmd_overview)
    briefing = sub.add_parser("briefing", parents=[json_flag], help=_("the dashboard as a PDF"))
    briefing.add_argument("--out", required=True)
    briefing.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help=_("language of the briefing"))
    briefing.set_defaults(handler=cmd_briefing)
    publish = sub.add_parser(
        "publish", parents=[json_flag], help=_("sign a guide bundle or an offers catalogue")
    )
    publish.add_argument("kind", choices=("guides", "offers"))
    publish.add_argument("source", help=_("folder of guides, or offers.json"))
    publish.add_argument("--passphrase-file", required=True)
    publish.add_argument("--version", type=int)
    publish.add_argument("--out", required=True)
    publish.set_defaults(handler=cmd_publish)
