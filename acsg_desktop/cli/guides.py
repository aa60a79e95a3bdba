"""`acsg guides list | search QUERY | show ID`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from acsg_desktop.cli.common import emit, open_workspace, read_certificates, read_identity
from acsg_desktop.core.guides.bundle_build import build_bundle
from acsg_desktop.core.guides.service import indicators_helped, trusted_certificates
from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES, _, current_language
from acsg_desktop.core.records.guides import HIGHLIGHT_END, HIGHLIGHT_START, GuideFilters
from acsg_desktop.core.signing.keys import fingerprint, subject_text


def _filters(args: argparse.Namespace) -> GuideFilters:
    return GuideFilters(
        area=args.area or "", aim=args.aim or "", type=args.type or "", region=args.region or ""
    )


def _language(args: argparse.Namespace) -> str:
    return str(args.lang or current_language())


def cmd_list(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        guides = workspace.guides.list(_language(args), _filters(args))
    document = {
        "guides": [
            {"id": g.guide_id, "title": g.title, "type": g.type, "year": g.year} for g in guides
        ]
    }
    emit(args, document, [f"{g.guide_id:40} {g.title}" for g in guides] or [_("No guide.")])
    return 0


def cmd_search(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
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
    with open_workspace(args, folder, read_only=True) as workspace:
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
        "source": text.source,
        "indicators": helped,
    }
    lines = [text.title, "", text.summary, "", text.body]
    if not guide.has(language):
        lines.insert(1, _("(Not available in this language yet: shown in another.)"))
    emit(args, document, lines)
    return 0


def cmd_import(args: argparse.Namespace, folder: Path) -> int:
    extra = read_certificates(args.trust or [])
    with open_workspace(args, folder) as workspace:
        trusted = trusted_certificates(folder) + extra
        contents = workspace.guides.import_bundle(Path(args.file), trusted)
    document = {
        "version": contents.version,
        "guides": len(contents.guides),
        "signer": contents.signer.subject.rfc4514_string(),
        "fingerprint": fingerprint(contents.signer),
    }
    emit(
        args,
        document,
        [
            _("Guide set version {version} installed: {count} guides, signed by {signer}.").format(
                version=contents.version,
                count=len(contents.guides),
                signer=subject_text(contents.signer),
            )
        ],
    )
    return 0


def cmd_build_bundle(args: argparse.Namespace, _folder: Path) -> int:
    identity = read_identity(args.key, args.passphrase_file)
    build_bundle(Path(args.folder), identity, args.version, Path(args.out))
    emit(
        args,
        {"bundle": args.out, "version": args.version},
        [_("Bundle written to {path}").format(path=args.out)],
    )
    return 0


def _filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help=_("language of the guides"))
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
    show.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help=_("language of the guides"))
    show.set_defaults(handler=cmd_show)
    importing = sub.add_parser(
        "import", parents=[json_flag], help=_("install a signed guide bundle from the Secretariat")
    )
    importing.add_argument("file")
    importing.add_argument("--trust", action="append", help=_("an extra trusted certificate"))
    importing.set_defaults(handler=cmd_import)
    build = sub.add_parser(
        "build-bundle",
        parents=[json_flag],
        help=_("sign a folder of guides into a bundle (Secretariat)"),
    )
    build.add_argument("folder")
    build.add_argument("--key", required=True, help=_("PKCS#12 key file"))
    build.add_argument("--passphrase-file", required=True)
    build.add_argument("--version", type=int, required=True)
    build.add_argument("--out", required=True)
    build.set_defaults(handler=cmd_build_bundle)
