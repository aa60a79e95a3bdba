"""The matching rule: hard filters exclude, weighted terms rank, every term is a reason."""

from dataclasses import replace
from datetime import date

import pytest

from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.framework.model import Text
from acsg_desktop.core.i18n import language_as
from acsg_desktop.core.offers.matching import (
    PLEDGING_AREA_OF,
    Authority,
    Need,
    Term,
    exclusions,
    suggest,
)
from acsg_desktop.core.offers.words import fit_texts, misfit_texts
from acsg_desktop.core.records.offers import Offer, OfferStatus, PledgingArea, Scope
from acsg_desktop.core.records.requests import PartnerKind, SupportType

NIGER = Authority("NE", "west-central-africa", ("fr",))


def offer(offer_id: str = "OFR-1", **changes) -> Offer:
    base = Offer(
        id=offer_id,
        title=Text({"en": "Appeals mentoring", "fr": "Tutorat en recours"}),
        party_name=Text({"en": "Example State", "fr": "État exemple"}),
        party_kind=PartnerKind.STATE,
        support_types=(SupportType.TECHNICAL,),
        areas=("appeals",),
        pledging_areas=(PledgingArea.PROCEDURES,),
        aims=("fairness",),
        scope=Scope(any_region=True),
        languages=("fr",),
        start=date(2026, 1, 1),
        end=date(2027, 12, 31),
        status=OfferStatus.OPEN,
        description=Text({"en": "Mentoring.", "fr": "Tutorat."}),
    )
    return replace(base, **changes)


APPEALS = Need(areas=("appeals",), aims=("fairness",), support_types=(SupportType.TECHNICAL,))


def test_an_offer_that_fits_on_every_term_gives_each_reason_in_words() -> None:
    need = replace(APPEALS, partner_kinds=(PartnerKind.STATE,), start=date(2027, 3, 1))
    [found] = suggest([offer()], need, NIGER)
    assert [reason.term for reason in found.fits] == [
        Term.SAME_AREA,
        Term.SUPPORT_TYPE,
        Term.SCOPE,
        Term.SAME_AIM,
        Term.LANGUAGE,
        Term.PARTNER_KIND,
        Term.PERIOD,
    ]
    assert found.score == 4 + 2 + 2 + 1 + 1 and found.misfits == ()
    with language_as("en"):
        texts = fit_texts(found, load_framework())
    assert texts[:5] == [
        "same area: Appeals",
        "technical support",
        "any region",
        "serves fairness",
        "works in French",
    ]


@pytest.mark.parametrize(
    ("changes", "term"),
    [
        ({"status": OfferStatus.COMMITTED}, Term.STATUS),
        ({"status": OfferStatus.CLOSED}, Term.STATUS),
        ({"support_types": (SupportType.FINANCIAL,)}, Term.SUPPORT_TYPE),
        ({"scope": Scope(False, ("americas",), ("MX",))}, Term.SCOPE),
        ({"areas": ("evidence-coi",)}, Term.SAME_AREA),
    ],
)
def test_each_hard_filter_excludes_the_offer(changes, term) -> None:
    excluded = offer(**changes)
    assert suggest([excluded], APPEALS, NIGER) == []
    assert [reason.term for reason in exclusions(excluded, APPEALS, NIGER)] == [term]


def test_the_scope_covers_the_region_or_the_country_named() -> None:
    by_region = offer(scope=Scope(False, ("west-central-africa",)))
    by_country = offer("OFR-2", scope=Scope(False, (), ("NE",)))
    found = suggest([by_region, by_country], APPEALS, NIGER)
    assert [s.offer.id for s in found] == ["OFR-1", "OFR-2"]
    scopes = [next(r for r in s.fits if r.term is Term.SCOPE).values for s in found]
    assert scopes == [("region", "west-central-africa"), ("country", "NE")]


def test_a_gap_with_no_request_takes_any_support_type() -> None:
    financial = offer(support_types=(SupportType.FINANCIAL,))
    assert suggest([financial], replace(APPEALS, support_types=()), NIGER)


def test_an_offer_without_framework_areas_fits_through_its_pledging_area_only() -> None:
    broad = offer(areas=(), pledging_areas=(PLEDGING_AREA_OF["appeals"],))
    other = offer("OFR-2", areas=(), pledging_areas=(PledgingArea.LEGAL,))
    [found] = suggest([broad, other], APPEALS, NIGER)
    assert found.offer.id == "OFR-1" and found.fits[0].term is Term.PLEDGING_AREA
    assert found.score == 2 + 2 + 2  # pledging area, aim, language


def test_every_framework_area_belongs_to_one_pledging_area() -> None:
    assert set(PLEDGING_AREA_OF) == {area.id for area in load_framework().areas}


def test_soft_terms_that_fail_are_said_and_rank_the_offer_lower() -> None:
    need = replace(APPEALS, partner_kinds=(PartnerKind.ACADEMIA,), start=date(2028, 6, 1))
    weaker = offer("OFR-0", languages=("es",), aims=("efficiency",))
    stronger = offer("OFR-9")
    found = suggest([weaker, stronger], need, NIGER)
    assert [s.offer.id for s in found] == ["OFR-9", "OFR-0"]  # score first, not the id
    with language_as("en"):
        said = misfit_texts(found[1].misfits, found[1].offer)
    assert said[0] == "serves other aims: efficiency"
    assert said[1] == "does not work in your language (works in Spanish)"
    assert said[2] == "not a partner kind you named: State"
    assert said[3].startswith("your start (1 Jun 2028) is outside its period")
    with language_as("fr"):
        said = misfit_texts(found[1].misfits, found[1].offer)
    assert said[1] == "ne travaille pas dans votre langue (travaille en espagnol)"


def test_the_ranking_is_stable_ties_in_the_order_of_the_ids() -> None:
    offers = [offer(f"OFR-{n}") for n in (5, 3, 9, 1)]
    first = [s.offer.id for s in suggest(offers, APPEALS, NIGER)]
    again = [s.offer.id for s in suggest(list(reversed(offers)), APPEALS, NIGER)]
    assert first == again == ["OFR-1", "OFR-3", "OFR-5", "OFR-9"]
