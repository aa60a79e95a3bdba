"""The Offers page's list in SQL: the same offers as the Python filters, in the order of the
labels a reader sees (in French too), a page at a time."""

import itertools
from pathlib import Path

import pytest

from acsg_desktop.core.i18n import fold, language_as
from acsg_desktop.core.offers.filters import matches_filters
from acsg_desktop.core.offers.words import scope_text
from acsg_desktop.core.records.list_rows import PageOrder
from acsg_desktop.core.records.offers import OfferFilters, OfferStatus
from acsg_desktop.core.records.requests import PartnerKind, SupportType
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.workspace import Workspace


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, module_backend: str | None):
    with Workspace.open(tmp_path_factory.mktemp("offers") / "data", module_backend) as opened:
        opened.offers.load_example()
        yield opened


CATALOGUE_ORDER = PageOrder()


def _all(workspace: Workspace, filters: OfferFilters, order: PageOrder = CATALOGUE_ORDER):
    return [row.offer for row in workspace.offers.listing.page(filters, 0, 1000, order)]


FILTERS = [
    OfferFilters(),
    OfferFilters(status=OfferStatus.OPEN),
    OfferFilters(support_type=SupportType.FINANCIAL),
    OfferFilters(area="evidence-coi"),
    OfferFilters(region="asia-pacific"),
    OfferFilters(region="west-central-africa", status=OfferStatus.OPEN),
    OfferFilters(language="es"),
    OfferFilters(party_kind=PartnerKind.STATE),
]


@pytest.mark.parametrize("filters", FILTERS)
def test_sql_lets_through_what_the_python_filters_do(workspace, filters: OfferFilters) -> None:
    catalogue = workspace.offers.catalogue().offers
    expected = [offer.id for offer in catalogue if matches_filters(offer, filters)]
    assert [offer.id for offer in _all(workspace, filters)] == expected  # catalogue order
    assert workspace.offers.listing.count(filters) == len(expected)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("title", lambda offer: offer.title.get()),
        ("kind", lambda offer: label(offer.party_kind)),
        ("types", lambda offer: label(offer.support_types[0])),
        ("status", lambda offer: label(offer.status)),
        ("where", scope_text),
    ],
)
def test_sorting_follows_the_labels_shown(workspace, language: str, key: str, text) -> None:
    with language_as(language):
        for descending in (False, True):
            offers = _all(workspace, OfferFilters(), PageOrder(key, descending))
            keys = [fold(text(offer).split(",")[0]) for offer in offers]
            assert keys == sorted(keys, reverse=descending), (key, language, descending)


def test_pages_follow_on_without_gaps(workspace) -> None:
    order = PageOrder("party", True)
    pages = [workspace.offers.listing.page(OfferFilters(), start, 7, order) for start in (0, 7)]
    joined = [offer.id for offer in itertools.chain(*pages)]
    assert joined == [offer.id for offer in _all(workspace, OfferFilters(), order)][:14]


def test_the_summary_counts_without_reading_the_offers(workspace) -> None:
    summary = workspace.offers.listing.summary()
    assert summary.count == 30 and summary.version == 0 and summary.illustrative
    assert set(summary.languages) == {"ar", "en", "es", "fr", "pt"}


def test_an_empty_catalogue_lists_nothing(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "empty") as empty:
        assert empty.offers.listing.summary().count == 0
        assert _all(empty, OfferFilters()) == []


def test_a_page_decodes_an_offer_only_when_it_is_read(workspace) -> None:
    rows = workspace.offers.listing.page(OfferFilters(), 0, 10)
    catalogue = {offer.id: offer for offer in workspace.offers.catalogue().offers}
    assert [row.id for row in rows] == list(catalogue)[:10]
    assert not any(row.decoded for row in rows)
    assert rows[3].offer == catalogue[rows[3].id]
    assert rows[3].offer is rows[3].offer  # decoded once
    assert [row.decoded for row in rows].count(True) == 1
