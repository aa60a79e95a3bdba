"""The rule's reasons in words, in the current language ("same area: Appeals", "works in
French"), so a suggestion is never a bare number."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from acsg_desktop.core.assessment.labels import aim_label
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _, babel_locale, country_name, current_language, format_date
from acsg_desktop.core.offers.matching import Reason, Suggestion, Term
from acsg_desktop.core.offers.regions import region_name
from acsg_desktop.core.records.offers import Offer, OfferStatus, PledgingArea
from acsg_desktop.core.records.requests import PartnerKind, SupportType
from acsg_desktop.core.requests.labels import label


def language_name(code: str) -> str:
    """``code`` (ISO 639) as a word in the current language: "French", « anglais »."""
    try:
        name = babel_locale(current_language()).languages.get(code)
    except (ValueError, LookupError):
        name = None
    return name or code


def _listed(values: tuple[str, ...], word: Callable[[str], str]) -> str:
    return ", ".join(word(value) for value in values)


def scope_text(offer: Offer) -> str:
    """Where the offer can be used, in words."""
    scope = offer.scope
    if scope.any_region:
        return _("any region")
    places = [region_name(region).get() for region in scope.regions]
    places += [country_name(code) or code for code in scope.countries]
    return ", ".join(places)


def _period(offer: Offer) -> str:
    if offer.end is None:
        return _("from {start}").format(start=format_date(offer.start))
    return _("{start} to {end}").format(start=format_date(offer.start), end=format_date(offer.end))


def _scope_fit(values: tuple[str, ...]) -> str:
    if values[0] == "any":
        return _("any region")
    if values[0] == "country":
        return _("covers {place}").format(place=country_name(values[1]) or values[1])
    return _("covers {place}").format(place=region_name(values[1]).get())


def _fit(reason: Reason, offer: Offer, framework: Framework) -> str:
    values = reason.values
    match reason.term:
        case Term.SAME_AREA:
            return _("same area: {areas}").format(
                areas=_listed(values, lambda area: framework.area(area).title.get())
            )
        case Term.PLEDGING_AREA:
            return _("same pledging area: {area}").format(
                area=_listed(values, lambda value: label(PledgingArea(value)))
            )
        case Term.SUPPORT_TYPE:
            return _("{types} support").format(
                types=_listed(values, lambda value: label(SupportType(value)).lower())
            )
        case Term.SCOPE:
            return _scope_fit(values)
        case Term.SAME_AIM:
            return _("serves {aims}").format(aims=_listed(values, aim_label).lower())
        case Term.LANGUAGE:
            return _("works in {languages}").format(languages=_listed(values, language_name))
        case Term.PARTNER_KIND:
            return _("a partner kind you prefer: {kind}").format(kind=label(PartnerKind(values[0])))
        case _:
            return _("available at your start date ({start})").format(
                start=format_date(date.fromisoformat(values[0]))
            )


def _misfit(reason: Reason, offer: Offer) -> str:
    values = reason.values
    match reason.term:
        case Term.SAME_AIM:
            return _("serves other aims: {aims}").format(aims=_listed(values, aim_label).lower())
        case Term.LANGUAGE:
            return _("does not work in your language (works in {languages})").format(
                languages=_listed(values, language_name)
            )
        case Term.PARTNER_KIND:
            return _("not a partner kind you named: {kind}").format(
                kind=label(PartnerKind(values[0]))
            )
        case Term.STATUS:
            return _("not open ({status})").format(status=label(OfferStatus(values[0])).lower())
        case Term.SUPPORT_TYPE:
            return _("gives other support: {types}").format(
                types=_listed(values, lambda value: label(SupportType(value)).lower())
            )
        case Term.SCOPE:
            return _("outside its scope ({scope})").format(scope=scope_text(offer))
        case Term.SAME_AREA | Term.PLEDGING_AREA:
            return _("works on other areas")
        case _:
            return _("your start ({start}) is outside its period ({period})").format(
                start=format_date(date.fromisoformat(values[0])), period=_period(offer)
            )


def fit_texts(suggestion: Suggestion, framework: Framework) -> list[str]:
    """Why the offer fits, one phrase per reason."""
    return [_fit(reason, suggestion.offer, framework) for reason in suggestion.fits]


def misfit_texts(reasons: tuple[Reason, ...], offer: Offer) -> list[str]:
    """What does not fit (or, for an excluded offer, why it is excluded)."""
    return [_misfit(reason, offer) for reason in reasons]


def period_text(offer: Offer) -> str:
    """The offer's period in words."""
    return _period(offer)
