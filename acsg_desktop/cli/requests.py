"""`acsg request list | show ID`, `acsg audit verify`, `acsg people list | add`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from acsg_desktop.cli.common import actor_and_proof, actor_of, emit, open_workspace, read_passphrase
from acsg_desktop.core.i18n import _, format_date, format_money
from acsg_desktop.core.people.service import role_label
from acsg_desktop.core.records.request_codec import request_to_dict
from acsg_desktop.core.records.requests import (
    MatchStage,
    RequestStatus,
    SupportRequest,
    SupportType,
)
from acsg_desktop.core.records.roles import ROLES
from acsg_desktop.core.requests.filters import RequestFilter, filter_requests
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.requests.validation import completeness, request_problems


def _summary(request: SupportRequest) -> dict[str, Any]:
    return {
        "id": request.id,
        "title": request.content.title,
        "status": request.status.value,
        "match_stage": request.match_stage.value if request.match_stage else None,
        "match_message": request.match_message,
        "areas": list(request.content.areas),
        "support_types": [t.value for t in request.content.support_types],
        "completeness": round(completeness(request.content) * 100),
        "updated_at": request.updated_at.isoformat(),
    }


def _status_text(request: SupportRequest) -> str:
    """The status, and the Secretariat's match stage once there is one."""
    if request.match_stage is None:
        return label(request.status)
    return _("{status}: {stage}").format(
        status=label(request.status), stage=label(request.match_stage)
    )


def cmd_list(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        chosen = RequestFilter.from_values(args.status or "", args.area or "", args.type or "")
        requests = filter_requests(workspace.requests.list(), chosen)
    lines = [f"{r.id:>3}  {_status_text(r):24}  {r.content.title}" for r in requests] or [
        _("No support request matches.")
    ]
    emit(args, {"requests": [_summary(r) for r in requests]}, lines)
    return 0


def _show_lines(request: SupportRequest) -> list[str]:
    content = request.content
    budget = (
        format_money(content.budget, content.currency)
        if content.budget is not None and content.currency
        else "–"
    )
    lines = [
        f"#{request.id} {content.title}",
        _("Status: {status}").format(status=_status_text(request)),
        _("Types: {types}").format(types=", ".join(label(t) for t in content.support_types)),
        _("Budget: {budget}").format(budget=budget),
        _("Start: {start}, for {months} months").format(
            start=format_date(content.start) if content.start else "–",
            months=content.duration_months or "–",
        ),
        _("Drafted by {name}; last edited by {editor}").format(
            name=request.created_by, editor=request.last_editor
        ),
    ]
    if request.approved_by:
        lines.append(_("Approved by {name}").format(name=request.approved_by))
    if request.match_message:
        lines.append(_("The Secretariat's reply: {text}").format(text=request.match_message))
    lines += ["", content.description, ""]
    for comment in request.comments:
        lines.append(_("Comment by {name}: {text}").format(name=comment.author, text=comment.body))
        lines.append(
            "  "
            + (
                _("Response by {name}: {text}").format(
                    name=comment.responded_by, text=comment.response
                )
                if comment.answered
                else _("No response yet.")
            )
        )
    return lines


def cmd_show(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        request = workspace.requests.get(args.id)
    document = (
        _summary(request)
        | request_to_dict(request)
        | {"problems": request_problems(request.content)}
    )
    emit(args, document, _show_lines(request))
    return 0


def cmd_reply(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder) as workspace:
        request = workspace.requests.record_reply(
            args.id, MatchStage(args.stage), actor=actor_of(args, workspace), message=args.message
        )
    emit(
        args,
        _summary(request),
        [_("Request {id}: {status}").format(id=request.id, status=_status_text(request))],
    )
    return 0


def cmd_audit_verify(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        check = workspace.audit_check()
    document = {
        "ok": check.ok,
        "entries": check.entries,
        "head": check.head,
        "broken_entry": check.broken_entry,
    }
    if check.ok:
        emit(
            args,
            document,
            [
                _("The audit log is intact: {count} entries, head {head}.").format(
                    count=check.entries, head=check.head
                )
            ],
        )
        return 0
    if args.json:
        emit(args, document, [])
    print(
        _("The audit log was altered: entry {entry} does not match the chain.").format(
            entry=check.broken_entry
        ),
        file=sys.stderr,
    )
    return 1


def cmd_people_list(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        people = workspace.people.list()
    lines = [f"{p.name}: {', '.join(role_label(r) for r in sorted(p.roles))}" for p in people]
    emit(args, {"people": [{"name": p.name, "roles": sorted(p.roles)} for p in people]}, lines)
    return 0


def cmd_people_add(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder) as workspace:
        actor, proof = actor_and_proof(args, workspace)
        first = read_passphrase(args.passphrase_file).decode() if args.passphrase_file else None
        person = workspace.people.save(
            args.name, frozenset(args.role), actor=actor, proof=proof, passphrase=first
        )
    emit(
        args,
        {"name": person.name, "roles": sorted(person.roles)},
        [_("Saved: {name}").format(name=person.name)],
    )
    return 0


def cmd_people_passphrase(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder) as workspace:
        actor, proof = actor_and_proof(args, workspace)
        new = read_passphrase(args.new_passphrase_file).decode()
        workspace.people.set_passphrase(args.name, new, actor=actor, proof=proof)
    emit(
        args,
        {"name": args.name, "passphrase": "changed"},
        [_("Passphrase changed for {name}.").format(name=args.name)],
    )
    return 0


def add_request_commands(commands: Any, json_flag: argparse.ArgumentParser) -> None:
    request = commands.add_parser("request", help=_("support requests"))
    sub = request.add_subparsers(dest="request_command", required=True)
    listing = sub.add_parser("list", parents=[json_flag], help=_("list the support requests"))
    listing.add_argument("--status", choices=[s.value for s in RequestStatus])
    listing.add_argument("--area", help=_("area id, such as appeals"))
    listing.add_argument("--type", choices=[t.value for t in SupportType])
    listing.set_defaults(handler=cmd_list)
    show = sub.add_parser("show", parents=[json_flag], help=_("one request in full"))
    show.add_argument("id", type=int, help=_("request number"))
    show.set_defaults(handler=cmd_show)
    reply = sub.add_parser(
        "reply", parents=[json_flag], help=_("record the Secretariat's reply (match stage)")
    )
    reply.add_argument("id", type=int, help=_("request number"))
    reply.add_argument("stage", choices=[stage.value for stage in MatchStage])
    reply.add_argument("--message", default="", help=_("what the Secretariat said"))
    reply.set_defaults(handler=cmd_reply)
    audit = commands.add_parser("audit", help=_("the audit log"))
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", parents=[json_flag], help=_("check the hash chain"))
    verify.set_defaults(handler=cmd_audit_verify)
    people = commands.add_parser("people", help=_("the authority's people and roles"))
    people_sub = people.add_subparsers(dest="people_command", required=True)
    people_sub.add_parser("list", parents=[json_flag], help=_("list the people")).set_defaults(
        handler=cmd_people_list
    )
    add = people_sub.add_parser("add", parents=[json_flag], help=_("add a person or set roles"))
    add.add_argument("name")
    add.add_argument("--role", action="append", choices=ROLES, required=True)
    add.add_argument(
        "--passphrase-file", help=_("a new person's first passphrase (they change it later)")
    )
    add.set_defaults(handler=cmd_people_add)
    change = people_sub.add_parser(
        "passphrase",
        parents=[json_flag],
        help=_("change your passphrase, or (administrator) set someone's"),
    )
    change.add_argument("name")
    change.add_argument("--new-passphrase-file", required=True)
    change.set_defaults(handler=cmd_people_passphrase)
