"""`acsg assessment list | show ID | export-csv ID FILE | reopen ID --reason TEXT | evidence`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from acsg_desktop.cli.common import actor_of, emit, open_workspace
from acsg_desktop.cli.evidence import add_evidence_commands
from acsg_desktop.core.assessment.csv_export import export_csv, results_csv
from acsg_desktop.core.assessment.labels import aim_label, percent_label
from acsg_desktop.core.assessment.results import results_document
from acsg_desktop.core.i18n import _, format_percent
from acsg_desktop.core.records.assessment import STATUS_LABELS


def cmd_list(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        assessments = workspace.assessments.list()
        completions = {a.id: workspace.assessments.scores(a.id).completion for a in assessments}
    documents = [
        {
            "id": a.id,
            "title": a.title,
            "year": a.year,
            "status": a.status.value,
            "framework_version": a.framework_version,
            "completion": round(completions[a.id] * 100, 1),
        }
        for a in assessments
    ]
    lines = [
        _("{id}  {year}  {title}  ({status}, {completion} answered)").format(
            id=a.id,
            year=a.year,
            title=a.title,
            status=_(STATUS_LABELS[a.status]),
            completion=format_percent(completions[a.id]),
        )
        for a in assessments
    ] or [_("No assessment yet.")]
    emit(args, {"assessments": documents}, lines)
    return 0


def _show_lines(document: dict[str, Any]) -> list[str]:
    lines = [
        _("{title} ({year}), framework {version}").format(
            title=document["assessment"]["title"],
            year=document["assessment"]["year"],
            version=document["assessment"]["framework"]["version"],
        ),
        _("Completion: {completion} ({answered} of {applicable})").format(
            completion=percent_label(document["completion"]),
            answered=document["answered"],
            applicable=document["applicable"],
        ),
        _("Overall score: {score}").format(score=percent_label(document["overall"])),
        "",
        _("Aims:"),
        *(
            f"  {aim_label(aim):14} {percent_label(value)}"
            for aim, value in document["aims"].items()
        ),
        "",
        _("Areas:"),
        *(f"  {percent_label(area['score']):>7}  {area['title']}" for area in document["areas"]),
        "",
        _("Gaps, most pressing first:"),
    ]
    for rank, gap in enumerate(document["gaps"], start=1):
        lines.append(
            _("{rank}. {question} (level {level}, target {target}, priority {priority})").format(
                rank=rank,
                question=gap["question"],
                level=gap["level"],
                target=gap["target_level"],
                priority=gap["priority"],
            )
        )
        if gap["next_step"]:
            lines.append("   " + _("Next step: {step}").format(step=gap["next_step"]))
    if document["insufficient_information"]:
        lines += ["", _("Insufficient information:")]
        lines += [f"  - {gap['question']}" for gap in document["insufficient_information"]]
    return lines


def cmd_show(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        summary = workspace.assessments.get(args.id)
        framework = workspace.assessments.framework_of(summary)
        document = results_document(framework, summary, workspace.assessments.scores(args.id))
    emit(args, document, _show_lines(document))
    return 0


def cmd_export_csv(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        service = workspace.assessments
        summary = service.get(args.id)
        text = results_csv(
            service.framework_of(summary),
            summary,
            service.answers(args.id),
            service.scores(args.id),
        )
    export_csv(Path(args.file), text)
    emit(args, {"file": str(Path(args.file))}, [_("Written to {path}").format(path=args.file)])
    return 0


def cmd_reopen(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder) as workspace:
        actor = actor_of(args, workspace)
        summary = workspace.assessments.reopen(args.id, actor=actor, reason=args.reason)
    emit(
        args,
        {"id": summary.id, "status": summary.status.value, "reopened_by": actor},
        [_("Assessment {id} is in progress again.").format(id=summary.id)],
    )
    return 0


def add_assessment_commands(commands: Any, json_flag: argparse.ArgumentParser) -> None:
    assessment = commands.add_parser("assessment", help=_("capacity self-assessments"))
    sub = assessment.add_subparsers(dest="assessment_command", required=True)
    listing = sub.add_parser("list", parents=[json_flag], help=_("list the assessments"))
    listing.set_defaults(handler=cmd_list)
    show = sub.add_parser("show", parents=[json_flag], help=_("scores and ranked gaps"))
    show.add_argument("id", type=int, help=_("assessment number"))
    show.set_defaults(handler=cmd_show)
    export = sub.add_parser("export-csv", parents=[json_flag], help=_("results as CSV"))
    export.add_argument("id", type=int, help=_("assessment number"))
    export.add_argument("file", help=_("CSV file to write"))
    export.set_defaults(handler=cmd_export_csv)
    reopen = sub.add_parser(
        "reopen", parents=[json_flag], help=_("put a completed assessment back in progress")
    )
    reopen.add_argument("id", type=int, help=_("assessment number"))
    reopen.add_argument("--reason", required=True, help=_("why it is reopened (audited)"))
    reopen.set_defaults(handler=cmd_reopen)
    add_evidence_commands(sub, json_flag)
