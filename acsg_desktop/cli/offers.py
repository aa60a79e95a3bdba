"""`acsg offers ...`: the offers catalogue, suggestions per gap and request, the unmet needs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from acsg_desktop.cli.common import actor_of, emit, open_workspace, read_certificates, read_identity
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.guides.service import trusted_certificates
from acsg_desktop.core.i18n import _
from acsg_desktop.core.offers.matching import Reason, Suggestion
from acsg_desktop.core.offers.regions import region_ids
from acsg_desktop.core.offers.service import GapOffers
from acsg_desktop.core.offers.words import fit_texts, misfit_texts, period_text, scope_text
from acsg_desktop.core.records.offer_codec import offer_to_dict
from acsg_desktop.core.records.offers import Offer, OfferFilters, OfferStatus
from acsg_desktop.core.records.requests import PartnerKind, SupportType
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.signing.keys import fingerprint, subject_text
from acsg_desktop.core.workspace import Workspace


def _catalogue_line(version: int, illustrative: bool) -> str:
    if illustrative:
        return _(
            "Illustrative example offers, not real ones (real offers come from the Secretariat)."
        )
    return _("Offers catalogue version {version}.").format(version=version)


def cmd_import(args: argparse.Namespace, folder: Path) -> int:
    extra = read_certificates(args.trust or [])
    with open_workspace(args, folder) as workspace:
        contents = workspace.offers.import_catalogue(
            Path(args.file), trusted_certificates(folder) + extra
        )
    update = contents.update
    assert update is not None  # a signed catalogue always has one
    document = {
        "version": update.version,
        "offers": len(contents.offers),
        "illustrative": contents.illustrative,
        "signer": update.signer.subject.rfc4514_string(),
        "fingerprint": fingerprint(update.signer),
    }
    line = _("Offers catalogue version {version} installed: {count} offers, signed by {signer}.")
    emit(
        args,
        document,
        [
            line.format(
                version=update.version,
                count=len(contents.offers),
                signer=subject_text(update.signer),
            )
        ],
    )
    return 0


def cmd_load_example(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder) as workspace:
        contents = workspace.offers.load_example()
    emit(
        args,
        {"version": 0, "offers": len(contents.offers), "illustrative": True},
        [
            _catalogue_line(0, True),
            _("{count} example offers loaded.").format(count=len(contents.offers)),
        ],
    )
    return 0


def _filters(args: argparse.Namespace) -> OfferFilters:
    return OfferFilters(
        support_type=SupportType(args.type) if args.type else None,
        area=args.area or "",
        region=args.region or "",
        language=args.lang or "",
        party_kind=PartnerKind(args.kind) if args.kind else None,
        status=OfferStatus(args.status) if args.status else None,
    )


def _offer_line(offer: Offer) -> str:
    return f"{offer.id:12} {label(offer.status):10} {offer.title.get()} ({offer.party_name.get()})"


def cmd_list(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        catalogue = workspace.offers.catalogue()
        offers = workspace.offers.list(_filters(args))
    document = {
        "catalogue": {"version": catalogue.version, "illustrative": catalogue.illustrative},
        "offers": [offer_to_dict(offer) for offer in offers],
    }
    if not catalogue.offers:
        lines = [_("No offers catalogue is installed.")]
    else:
        lines = [_catalogue_line(catalogue.version, catalogue.illustrative)]
        lines += [_offer_line(offer) for offer in offers] or [_("No offer matches.")]
    emit(args, document, lines)
    return 0


def _show_lines(offer: Offer, framework: Framework) -> list[str]:
    return [
        f"{offer.id} {offer.title.get()}",
        _("Offered by {party} ({kind})").format(
            party=offer.party_name.get(), kind=label(offer.party_kind)
        ),
        _("Status: {status}").format(status=label(offer.status)),
        _("Types: {types}").format(types=", ".join(label(t) for t in offer.support_types)),
        _("Areas: {areas}").format(
            areas=", ".join(framework.area(area).title.get() for area in offer.areas) or "–"
        ),
        _("Where: {scope}").format(scope=scope_text(offer)),
        _("Period: {period}").format(period=period_text(offer)),
        "",
        offer.description.get(),
    ]


def cmd_show(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        offer = workspace.offers.get(args.id)
        framework = workspace.assessments.shipped_framework()
    emit(args, offer_to_dict(offer), _show_lines(offer, framework))
    return 0


def _reasons(reasons: tuple[Reason, ...], texts: list[str]) -> list[dict[str, Any]]:
    return [
        {"term": reason.term.value, "values": list(reason.values), "text": text}
        for reason, text in zip(reasons, texts, strict=True)
    ]


def _suggestion(suggestion: Suggestion, framework: Framework) -> dict[str, Any]:
    offer = suggestion.offer
    return {
        "offer": offer.id,
        "title": offer.title.get(),
        "party": offer.party_name.get(),
        "score": suggestion.score,
        "fits": _reasons(suggestion.fits, fit_texts(suggestion, framework)),
        "misfits": _reasons(suggestion.misfits, misfit_texts(suggestion.misfits, offer)),
    }


def _suggestion_lines(suggestions: list[Suggestion], framework: Framework) -> list[str]:
    lines = []
    for suggestion in suggestions:
        lines.append(f"  - {suggestion.offer.id} {suggestion.offer.title.get()}")
        lines.append(
            "    "
            + _("Fits: {reasons}").format(reasons="; ".join(fit_texts(suggestion, framework)))
        )
        if suggestion.misfits:
            misfits = misfit_texts(suggestion.misfits, suggestion.offer)
            lines.append("    " + _("Does not fit: {reasons}").format(reasons="; ".join(misfits)))
    return lines or ["  " + _("No open offer fits.")]


def _gap(item: GapOffers, framework: Framework) -> dict[str, Any]:
    gap = item.gap
    return {
        "indicator": gap.indicator_id,
        "area": gap.area_id,
        "level": gap.level,
        "target": gap.target_level,
        "request": item.request_id,
        "wanted_types": [t.value for t in item.need.support_types],
        "offers": [_suggestion(s, framework) for s in item.suggestions],
    }


def _suggest_assessment(
    args: argparse.Namespace, workspace: Workspace
) -> tuple[dict[str, Any], list[str]]:
    items = workspace.offers.for_assessment(args.assessment)
    framework = workspace.assessments.framework_of(workspace.assessments.get(args.assessment))
    document = {
        "assessment": args.assessment,
        "gaps": [_gap(item, framework) for item in items],
        "unmet_needs": [item.gap.indicator_id for item in items if not item.suggestions],
    }
    lines = []
    for number, item in enumerate(items, start=1):
        question = framework.indicator(item.gap.indicator_id).question.get()
        lines.append(f"{number}. {question}")
        lines += _suggestion_lines(list(item.suggestions), framework)
    return document, lines


def cmd_suggest(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        catalogue = workspace.offers.catalogue()
        if args.request is not None:
            framework = workspace.assessments.shipped_framework()
            suggestions = workspace.offers.for_request(args.request)
            document: dict[str, Any] = {
                "request": args.request,
                "offers": [_suggestion(s, framework) for s in suggestions],
            }
            lines = _suggestion_lines(suggestions, framework)
        else:
            document, lines = _suggest_assessment(args, workspace)
    document["catalogue"] = {"version": catalogue.version, "illustrative": catalogue.illustrative}
    if catalogue.illustrative:
        lines.insert(0, _catalogue_line(0, True))
    emit(args, document, lines)
    return 0


def cmd_unmet(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder, read_only=True) as workspace:
        items = workspace.offers.unmet_needs(args.assessment)
        framework = workspace.assessments.framework_of(workspace.assessments.get(args.assessment))
    document = {
        "assessment": args.assessment,
        "unmet_needs": [_gap(item, framework) for item in items],
    }
    lines = [
        f"- {framework.area(item.gap.area_id).title.get()}: "
        f"{framework.indicator(item.gap.indicator_id).question.get()}"
        for item in items
    ] or [_("Every gap has at least one open offer that could meet it.")]
    emit(args, document, lines)
    return 0


def cmd_interest(args: argparse.Namespace, folder: Path) -> int:
    with open_workspace(args, folder) as workspace:
        interests = workspace.offers.set_interest(
            args.request, args.offer, not args.remove, actor=actor_of(args, workspace)
        )
    offers = [interest.offer_id for interest in interests]
    emit(
        args,
        {"request": args.request, "offers_of_interest": offers},
        [
            _("Offers of interest for request {id}: {offers}").format(
                id=args.request, offers=", ".join(offers) or "–"
            )
        ],
    )
    return 0


def cmd_build_catalogue(args: argparse.Namespace, folder: Path) -> int:
    from acsg_desktop.core.framework.loader import load_framework
    from acsg_desktop.core.offers.catalogue import build_catalogue

    identity = read_identity(args.key, args.passphrase_file)
    areas = [area.id for area in load_framework().areas]
    build_catalogue(Path(args.folder), identity, args.version, Path(args.out), areas)
    emit(
        args,
        {"catalogue": args.out, "version": args.version},
        [_("Catalogue written to {path}").format(path=args.out)],
    )
    return 0


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--type", choices=[t.value for t in SupportType], help=_("support type"))
    parser.add_argument("--area", help=_("area id, such as appeals"))
    parser.add_argument("--region", choices=region_ids(), help=_("region the offer can be used in"))
    parser.add_argument("--lang", help=_("working language, such as fr"))
    parser.add_argument("--kind", choices=[k.value for k in PartnerKind], help=_("kind of partner"))
    parser.add_argument("--status", choices=[s.value for s in OfferStatus])


def _signing_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", help=_("folder holding offers.json (or the file itself)"))
    parser.add_argument("--key", required=True, help=_("PKCS#12 key file"))
    parser.add_argument("--passphrase-file", required=True)
    parser.add_argument("--version", type=int, required=True)
    parser.add_argument("--out", required=True)


def add_offer_commands(commands: Any, json_flag: argparse.ArgumentParser) -> None:
    offers = commands.add_parser("offers", help=_("offers of support and possible matches"))
    sub = offers.add_subparsers(dest="offers_command", required=True)
    importing = sub.add_parser(
        "import", parents=[json_flag], help=_("install a signed offers catalogue")
    )
    importing.add_argument("file")
    importing.add_argument("--trust", action="append", help=_("an extra trusted certificate"))
    importing.set_defaults(handler=cmd_import)
    sub.add_parser(
        "load-example", parents=[json_flag], help=_("load the illustrative example offers")
    ).set_defaults(handler=cmd_load_example)
    listing = sub.add_parser("list", parents=[json_flag], help=_("list the offers"))
    _list_arguments(listing)
    listing.set_defaults(handler=cmd_list)
    show = sub.add_parser("show", parents=[json_flag], help=_("one offer in full"))
    show.add_argument("id")
    show.set_defaults(handler=cmd_show)
    suggest = sub.add_parser(
        "suggest", parents=[json_flag], help=_("possible offers for a request or each gap")
    )
    target = suggest.add_mutually_exclusive_group(required=True)
    target.add_argument("--request", type=int)
    target.add_argument("--assessment", type=int)
    suggest.set_defaults(handler=cmd_suggest)
    unmet = sub.add_parser(
        "unmet", parents=[json_flag], help=_("the gaps no open offer could meet")
    )
    unmet.add_argument("--assessment", type=int, required=True)
    unmet.set_defaults(handler=cmd_unmet)
    interest = sub.add_parser(
        "interest", parents=[json_flag], help=_("mark an offer of interest for a request")
    )
    interest.add_argument("request", type=int)
    interest.add_argument("offer")
    interest.add_argument("--remove", action="store_true", help=_("unmark it"))
    interest.set_defaults(handler=cmd_interest)
    build = sub.add_parser(
        "build-catalogue",
        parents=[json_flag],
        help=_("sign offers.json into a catalogue (Secretariat)"),
    )
    _signing_arguments(build)
    build.set_defaults(handler=cmd_build_catalogue)
