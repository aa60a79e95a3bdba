"""`acsg contribution export | show | apply`: working from several laptops without a server."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from acsg_desktop.cli.common import actor_of, emit, open_workspace, read_passphrase
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _, ngettext


def _ids(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def cmd_export(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        person = str(args.name or actor_of(args, workspace))
        contribution = workspace.contributions.export(
            args.assessment,
            _ids(args.areas),
            person,
            read_passphrase(args.passphrase_file),
            Path(args.out),
        )
    document = {
        "file": args.out,
        "contribution_id": contribution.contribution_id,
        "contributor": contribution.contributor,
        "areas": list(contribution.areas),
        "answers": len(contribution.answers),
    }
    line = ngettext(
        "Contribution of {name} written to {path}: {count} answer.",
        "Contribution of {name} written to {path}: {count} answers.",
        len(contribution.answers),
    ).format(name=contribution.contributor, path=args.out, count=len(contribution.answers))
    emit(args, document, [line])
    return 0


def cmd_identity(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder) as workspace:
        profile = workspace.profiles.get()
        if profile is None:
            raise AcsgError(_("Set the authority profile first (acsg profile set)."))
        actor = actor_of(args, workspace)
        info = workspace.contributions.create_identity(
            actor, profile, read_passphrase(args.passphrase_file), actor=actor
        )
    line = _("Signing identity created for {name}; fingerprint {value}.").format(
        name=info.person, value=info.fingerprint
    )
    emit(args, {"person": info.person, "fingerprint": info.fingerprint}, [line])
    return 0


def cmd_show(args: argparse.Namespace, folder: Path) -> int:
    from acsg_desktop.core.contributions.describe import view_document, view_lines

    with open_workspace(args, folder) as workspace:  # notes the time: a write
        view = workspace.contributions.merge_view(Path(args.file), args.assessment)
        emit(args, view_document(view), view_lines(view))
    return 0


def _decisions(args: argparse.Namespace) -> dict[str, Any]:
    from acsg_desktop.core.contributions.merge import Choice

    theirs, ours = _ids(args.take_theirs), _ids(args.keep_ours)
    both = sorted(set(theirs) & set(ours))
    if both:
        raise AcsgError(_("Take theirs or keep ours, not both: {ids}.").format(ids=", ".join(both)))
    return {**dict.fromkeys(theirs, Choice.THEIRS), **dict.fromkeys(ours, Choice.OURS)}


def cmd_apply(args: argparse.Namespace, folder: Path) -> int:
    decisions = _decisions(args)
    with open_workspace(args, folder) as workspace:
        result = workspace.contributions.apply(
            Path(args.file),
            args.assessment,
            decisions,
            actor=actor_of(args, workspace),
            confirmed_key=args.confirmed_key or "",
        )
    document = {
        "already_merged": result.view.already is not None,
        "taken": list(result.taken),
        "kept": list(result.kept),
    }
    if result.view.already is not None:
        from acsg_desktop.core.contributions.describe import already_line

        lines = [str(already_line(result.view))]
    else:
        from acsg_desktop.core.contributions.describe import merged_line

        contributor = result.view.contribution.contributor
        lines = [merged_line(contributor, len(result.taken), len(result.kept))]
    emit(args, document, lines)
    return 0


def add_contribution_commands(commands: Any, json_flag: argparse.ArgumentParser) -> None:
    contribution = commands.add_parser(
        "contribution", help=_("contributions from other laptops (signed answers of some areas)")
    )
    sub = contribution.add_subparsers(dest="contribution_command", required=True)
    export = sub.add_parser(
        "export", parents=[json_flag], help=_("export the answers of your areas, signed")
    )
    export.add_argument("--assessment", type=int, required=True)
    export.add_argument("--areas", required=True, help=_("area ids or numbers, such as 01,02"))
    export.add_argument("--out", required=True)
    export.add_argument(
        "--passphrase-file", required=True, help=_("your signing identity's passphrase")
    )
    export.add_argument("--name", help=_("whose signing identity (default: the current user)"))
    export.set_defaults(handler=cmd_export)
    identity = sub.add_parser(
        "identity", parents=[json_flag], help=_("create your signing identity for contributions")
    )
    identity.add_argument("--passphrase-file", required=True)
    identity.set_defaults(handler=cmd_identity)
    for name, handler, text in (
        ("show", cmd_show, _("the merge view: new, changed and conflicting answers")),
        ("apply", cmd_apply, _("merge a contribution, conflicts decided")),
    ):
        command = sub.add_parser(name, parents=[json_flag], help=text)
        command.add_argument("file")
        command.add_argument("--assessment", type=int, required=True)
        command.set_defaults(handler=handler)
        if name == "apply":
            command.add_argument(
                "--take-theirs", help=_("indicators to take from the contribution")
            )
            command.add_argument("--keep-ours", help=_("indicators to keep as they are here"))
            command.add_argument(
                "--confirmed-key",
                metavar="FINGERPRINT",
                help=_("the fingerprint of a changed key, confirmed with the person"),
            )
