"""Offers over the demo: suggestions per gap and request, unmet needs, offers of interest."""

from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.errors import ConflictError
from acsg_desktop.core.offers.matching import exclusions
from acsg_desktop.core.offers.service import OfferError, gap_need
from acsg_desktop.core.records.offers import OfferFilters, OfferStatus
from acsg_desktop.core.records.requests import RequestStatus, SupportType
from acsg_desktop.core.workspace import Workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    folder: Path = tmp_path_factory.mktemp("offers-demo") / "data"
    with Workspace.open(folder) as workspace:
        yield workspace, create_demo(workspace, "en")


def test_no_suggestion_is_out_of_scope_of_the_wrong_type_or_not_open(demo) -> None:
    workspace, result = demo
    authority = workspace.offers.authority()
    assert authority.region == "west-central-africa"
    items = workspace.offers.for_assessment(result.baseline.id)
    assert items and any(item.suggestions for item in items)
    for item in items:
        for suggestion in item.suggestions:
            offer = suggestion.offer
            assert offer.status is OfferStatus.OPEN
            assert not exclusions(offer, item.need, authority)
            assert (
                offer.scope.any_region
                or authority.region in offer.scope.regions
                or (authority.country in offer.scope.countries)
            )
            if item.need.support_types:
                assert set(offer.support_types) & set(item.need.support_types)
            assert item.gap.area_id in offer.areas or not offer.areas


def test_the_unmet_needs_are_exactly_the_gaps_no_open_offer_fits(demo) -> None:
    workspace, result = demo
    offers = workspace.offers.catalogue().offers
    authority = workspace.offers.authority()
    framework = workspace.assessments.framework_of(result.baseline)
    unmet = {item.gap.indicator_id for item in workspace.offers.unmet_needs(result.baseline.id)}
    by_hand = set()
    for item in workspace.offers.for_assessment(result.baseline.id):
        need = gap_need(
            item.gap,
            framework,
            None if item.request_id is None else workspace.requests.get(item.request_id),
        )
        if all(exclusions(offer, need, authority) for offer in offers):
            by_hand.add(item.gap.indicator_id)
    assert unmet == by_hand
    unmet_areas = {item.gap.area_id for item in workspace.offers.unmet_needs(result.baseline.id)}
    assert {"contingency", "premises-equipment"} <= unmet_areas
    assert "evidence-coi" not in unmet_areas


def test_a_gap_covered_by_a_request_takes_its_support_types(demo) -> None:
    workspace, result = demo
    items = workspace.offers.for_assessment(result.baseline.id)
    covered = [item for item in items if item.request_id is not None]
    assert covered
    for item in covered:
        wanted = workspace.requests.get(item.request_id).content.support_types
        assert item.need.support_types == wanted


def test_the_demo_marks_offers_of_interest_before_approval(demo) -> None:
    workspace, result = demo
    approved = next(r for r in result.requests if r.status is RequestStatus.APPROVED)
    marked = workspace.offers.interests([approved.id])
    suggested = [s.offer.id for s in workspace.offers.for_request(approved.id)]
    assert [m.offer_id for m in marked] == sorted(suggested[:2])
    assert all(m.catalogue_version == 0 for m in marked)


def test_marking_an_offer_is_audited_versioned_and_only_before_approval(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        result = create_demo(workspace, "en")
        draft = next(r for r in result.requests if r.status is RequestStatus.DRAFT)
        approved = next(r for r in result.requests if r.status is RequestStatus.APPROVED)
        offer_id = "EX-OFR-002"
        workspace.offers.set_interest(draft.id, offer_id, True, actor="Idriss Abakar")
        last = workspace.requests.history(draft.id)[-1]
        assert (last.actor, last.action, last.new_value) == (
            "Idriss Abakar",
            "offer_interest",
            offer_id,
        )
        assert workspace.requests.get(draft.id).version == draft.version + 1
        with pytest.raises(ConflictError):
            workspace.offers.set_interest(
                draft.id, offer_id, False, actor="Idriss Abakar", expected_version=draft.version
            )
        workspace.offers.set_interest(draft.id, offer_id, False, actor="Idriss Abakar")
        assert offer_id not in {m.offer_id for m in workspace.offers.interests([draft.id])}
        with pytest.raises(OfferError, match="draft or in review"):
            workspace.offers.set_interest(approved.id, offer_id, True, actor="Idriss Abakar")
        with pytest.raises(OfferError, match="no offer NOPE-1"):
            workspace.offers.set_interest(draft.id, "NOPE-1", True, actor="Idriss Abakar")


def test_filters_narrow_the_list(demo) -> None:
    workspace, _result = demo
    every = workspace.offers.list(OfferFilters())
    assert len(every) == 30
    open_ = workspace.offers.list(OfferFilters(status=OfferStatus.OPEN))
    assert open_ and all(o.status is OfferStatus.OPEN for o in open_) and len(open_) < 30
    financial = workspace.offers.list(OfferFilters(support_type=SupportType.FINANCIAL))
    assert financial and all(SupportType.FINANCIAL in o.support_types for o in financial)
    spanish = workspace.offers.list(OfferFilters(language="es"))
    assert spanish and all("es" in o.languages for o in spanish)
    americas = workspace.offers.list(OfferFilters(region="americas"))
    europe_only = [o for o in every if o.scope.regions == ("europe",) and not o.scope.any_region]
    assert americas and not {o.id for o in americas} & {o.id for o in europe_only}
