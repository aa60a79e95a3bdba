"""`acsg assessment evidence list ID [--indicator X] | attach ID INDICATOR FILE | remove FILE_ID`:
the evidence files of an assessment's answers, over the same service as the answer panel."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acsg_desktop.cli.common import actor_of, emit, open_workspace
from acsg_desktop.core.evidence.names import size_text
from acsg_desktop.core.i18n import _

if TYPE_CHECKING:
    from acsg_desktop.core.records.evidence import EvidenceFile


def _document(attached: EvidenceFile) -> dict[str, Any]:
    return {
        "id": attached.id,
        "assessment": attached.assessment_id,
        "indicator": attached.indicator_id,
        "file_name": attached.file_name,
        "size": attached.size,
        "media_type": attached.media_type,
        "sha256": attached.sha256,
        "added_by": attached.added_by,
        "added_at": attached.added_at.isoformat() if attached.added_at else None,
    }


def _line(attached: EvidenceFile) -> str:
    return _("{id}  {indicator}  {name}  ({size}, added by {person})").format(
        id=attached.id,
        indicator=attached.indicator_id,
        name=attached.file_name,
        size=size_text(attached.size),
        person=attached.added_by,
    )


def cmd_list(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        workspace.assessments.get(args.id)  # an unknown assessment is an error, not "none"
        files = workspace.evidence.files(args.id, args.indicator)
    lines = [_line(attached) for attached in files] or [_("No evidence file.")]
    emit(args, {"evidence_files": [_document(attached) for attached in files]}, lines)
    return 0


def cmd_attach(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder) as workspace:
        actor = actor_of(args, workspace)
        attached = workspace.evidence.attach(args.id, args.indicator, Path(args.file), actor=actor)
    line = _("{name} is attached to {indicator} as evidence file {id}.").format(
        name=attached.file_name, indicator=attached.indicator_id, id=attached.id
    )
    emit(args, _document(attached), [line])
    return 0


def cmd_remove(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder) as workspace:
        workspace.evidence.remove(args.file_id, actor=actor_of(args, workspace))
    line = _("Evidence file {id} is removed.").format(id=args.file_id)
    emit(args, {"removed": args.file_id}, [line])
    return 0


def add_evidence_commands(sub: Any, json_flag: argparse.ArgumentParser) -> None:
    """`evidence` under `acsg assessment`, with its three commands."""
    evidence = sub.add_parser("evidence", help=_("files attached to answers as evidence"))
    commands = evidence.add_subparsers(dest="evidence_command", required=True)
    listing = commands.add_parser("list", parents=[json_flag], help=_("list the files"))
    listing.add_argument("id", type=int, help=_("assessment number"))
    listing.add_argument("--indicator", help=_("only the files of this indicator's answer"))
    listing.set_defaults(handler=cmd_list)
    attach = commands.add_parser("attach", parents=[json_flag], help=_("attach a file"))
    attach.add_argument("id", type=int, help=_("assessment number"))
    attach.add_argument(
        "indicator", help=_("indicator id, such as legal-framework.refugee-definition")
    )
    attach.add_argument("file", help=_("the file to attach (PDF, image, office document)"))
    attach.set_defaults(handler=cmd_attach)
    remove = commands.add_parser("remove", parents=[json_flag], help=_("detach a file"))
    remove.add_argument("file_id", type=int, help=_("evidence file number, as listed"))
    remove.set_defaults(handler=cmd_remove)
