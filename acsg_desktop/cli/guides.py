"""`acsg guides list | search QUERY | show ID`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from acsg_desktop.cli.common import emit
from acsg_desktop.core.guides.model import HIGHLIGHT_END, HIGHLIGHT_START, GuideFilters
from acsg_desktop.core.guides.service import indicators_helped
from acsg_desktop.core.i18n import _, current_language
from acsg_desktop.core.workspace import Workspace


def _filters(args: argparse.Namespace) -> GuideFilters:
    return GuideFilters(
        area=args.area or "", aim=args.aim or "", type=args.type or "", region=args.region or ""
    )


def _language(args: argparse.Namespace) -> str:
    return str(args.lang or current_language())


def cmd_list(args: argparse.Namespace, folder: Path) -> int:
    with Workspace.open(folder) as workspace:
        guides = workspace.guides.list(_language(args), _filters(args))
    document = {
        "guides": [
            {"id": g.guide_id, "title": g.title, "type": g.type, "year": g.year} for g in guides
        ]
    }
    emit(args, document, [f"{g.guide_id:40} {g.title}" for g in guides] or [_("No guide.")])
    return 0


def cmd_search(args: argparse.Namespace, folder: Path) -> int:
    with Workspace.open(folder) as workspace:
        hits = workspace.guides.search(args.query, _language(args), _filters(args))
    document = {
        "query": args.query,
        "hits": [
            {
                "id": h.guide_id,
                "title": h.title,
                "rank": round(h.rank, 4),
                "snippet": h.snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, ""),
            }
            for h in hits
        ],
    }
    lines = []
    for number, hit in enumerate(hits, start=1):
        snippet = hit.snippet.replace(HIGHLIGHT_START, "[").replace(HIGHLIGHT_END, "]")
        lines += [f"{number}. {hit.title} ({hit.guide_id})", f"   {' '.join(snippet.split())}"]
    emit(args, document, lines or [_("No guide matches “{query}”.").format(query=args.query)])
    return 0


def cmd_show(args: argparse.Namespace, folder: Path) -> int:
    with Workspace.open(folder) as workspace:
        guide = workspace.guides.get(args.id)
        framework = workspace.assessments.shipped_framework()
    language = _language(args)
    text = guide.text(language)
    helped = [indicator.id for indicator in indicators_helped(framework, guide.id)]
    document: dict[str, Any] = {
        "id": guide.id,
        "language": language if guide.has(language) else next(iter(guide.texts)),
        "title": text.title,
        "summary": text.summary,
        "body": text.body,
        "type": guide.type,
        "areas": list(guide.areas),
        "aims": list(guide.aims),
        "region": guide.region,
        "year": guide.year,
        "source": guide.source,
        "indicators": helped,
    }
    lines = [text.title, "", text.summary, "", text.body]
    if not guide.has(language):
        lines.insert(1, _("(Not available in this language yet: shown in another.)"))
    emit(args, document, lines)
    return 0


def _filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("en", "fr"), help=_("language of the guides"))
    parser.add_argument("--area", help=_("area id, such as appeals"))
    parser.add_argument("--aim", choices=("fairness", "efficiency", "adaptability", "integrity"))
    parser.add_argument("--type", choices=("good_practice", "tool", "checklist", "template"))
    parser.add_argument("--region")


def add_guide_commands(commands: Any, json_flag: argparse.ArgumentParser) -> None:
    guides = commands.add_parser("guides", help=_("practice guides"))
    sub = guides.add_subparsers(dest="guides_command", required=True)
    listing = sub.add_parser("list", parents=[json_flag], help=_("list the guides"))
    _filter_arguments(listing)
    listing.set_defaults(handler=cmd_list)
    search = sub.add_parser("search", parents=[json_flag], help=_("full-text search"))
    search.add_argument("query")
    _filter_arguments(search)
    search.set_defaults(handler=cmd_search)
    show = sub.add_parser("show", parents=[json_flag], help=_("one guide in full"))
    show.add_argument("id")
    show.add_argument("--lang", choices=("en", "fr"), help=_("language of the guides"))
    show.set_defaults(handler=cmd_show)
