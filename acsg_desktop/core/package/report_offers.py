"""The report's offers sections: the offers each request would like to discuss, and the unmet
needs (gaps no open offer of the catalogue could meet).

Offers are named from the installed catalogue (``offers``, by id) in the report's language; an
offer that is no longer there is shown by its id. The app shows offers to discuss, never
matches: matching is the Secretariat's decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from acsg_desktop.core.assessment.results import GapEntry
from acsg_desktop.core.i18n import N_, _, pgettext
from acsg_desktop.core.package.model import InterestEntry, PackageDocument, RequestEntry
from acsg_desktop.core.package.report_answers import level_cell, level_names
from acsg_desktop.core.package.report_style import headed_table, p
from acsg_desktop.core.records.offers import Offer

ILLUSTRATIVE = N_("Illustrative example offers, not real ones.")
OFFER_WIDTHS: list[float] = [70, 200, 135, 75]
UNMET_WIDTHS: list[float] = [325, 85, 85]


def offer_headers() -> list[str]:
    return [_("Offer"), _("Title"), _("Offered by"), _("Catalogue version")]


def unmet_headers() -> list[str]:
    return [_("Indicator"), _("Level"), pgettext("capacity level", "Target")]


def _together(flowables: list[Any]) -> Any:
    """A heading and its table on one page when they fit (a longer table still splits)."""
    from reportlab.platypus import KeepTogether

    return KeepTogether(flowables)


def _notice(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    catalogue = document.offers_catalogue
    return [p(_(ILLUSTRATIVE), s["notice"])] if catalogue and catalogue.illustrative else []


def _offer_row(interest: InterestEntry, offers: Mapping[str, Offer], s: dict[str, Any]) -> Any:
    offer = offers.get(interest.id)
    if offer is None:
        named = [p(_("No longer in the catalogue"), s["small_note"]), p("–", s["small"])]
    else:
        named = [p(offer.title.get(), s["small"]), p(offer.party_name.get(), s["small"])]
    return [p(interest.id, s["small"]), *named, p(interest.catalogue_version, s["small"])]


def _request_offers(
    request: RequestEntry, offers: Mapping[str, Offer], s: dict[str, Any]
) -> list[Any]:
    flow = [p(f"{request.id}. {request.content['title']}", s["h2"])]
    if not request.offers_of_interest:
        return [*flow, p(_("No offer marked for this request."), s["body"])]
    rows = [_offer_row(interest, offers, s) for interest in request.offers_of_interest]
    return [_together([*flow, headed_table(offer_headers(), rows, OFFER_WIDTHS, s)])]


def offers_section(
    document: PackageDocument, offers: Mapping[str, Offer], s: dict[str, Any]
) -> list[Any]:
    """Per request, the offers of interest: id, title, offering party, catalogue version."""
    flow = [p(_("Offers we would like to discuss"), s["h1"]), *_notice(document, s)]
    flow.append(
        p(
            _(
                "For each request, the offers of the Secretariat's catalogue that we would like "
                "to discuss. They are not matches: matching is the Secretariat's decision."
            ),
            s["body"],
        )
    )
    if not any(request.offers_of_interest for request in document.requests):
        return [*flow, p(_("No offer was marked for the requests in this package."), s["body"])]
    for request in document.requests:
        flow += _request_offers(request, offers, s)
    return flow


def _unmet_rows(gaps: list[GapEntry], s: dict[str, Any]) -> list[list[Any]]:
    return [
        [
            p(gap.question, s["small"]),
            p(level_cell(gap.level), s["small"]),
            p(level_cell(gap.target_level), s["small"]),
        ]
        for gap in gaps
    ]


def _unmet_table(gaps: list[GapEntry], s: dict[str, Any]) -> Any:
    names = level_names()
    rows = _unmet_rows(gaps, s)
    return headed_table(unmet_headers(), rows, UNMET_WIDTHS, s, whole={1: names, 2: names})


def _unmet_by_area(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    assert document.unmet_needs is not None
    gaps = {gap.indicator: gap for gap in document.gaps}
    unmet = [gaps[need.indicator] for need in document.unmet_needs if need.indicator in gaps]
    flow: list[Any] = []
    for area in document.scores.areas:
        in_area = [gap for gap in unmet if gap.area == area.id]
        if in_area:
            flow.append(_together([p(area.title, s["h2"]), _unmet_table(in_area, s)]))
    return flow


def unmet_section(document: PackageDocument, s: dict[str, Any]) -> list[Any]:
    """The gaps no open offer could meet, by area; or why they were not compared."""
    flow = [p(_("Unmet needs"), s["h1"])]
    if document.offers_catalogue is None:
        text = _(
            "No offers catalogue was installed when this package was made, so the gaps were "
            "not compared with offers."
        )
        return [*flow, p(text, s["body"])]
    flow += _notice(document, s)
    flow.append(
        p(
            _(
                "The gaps of this assessment that no open offer in the offers catalogue "
                "(version {version}) could meet, by area: where support is still missing."
            ).format(version=document.offers_catalogue.version),
            s["body"],
        )
    )
    if not document.unmet_needs:
        return [*flow, p(_("Every gap has at least one open offer that could meet it."), s["body"])]
    return flow + _unmet_by_area(document, s)
