from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.display import escape_controls
from acsg_desktop.core.guides.service import trusted_certificates
from acsg_desktop.core.i18n import _, language_as
from acsg_desktop.core.offers.regions import region_of
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.records.offers import OfferStatus
from acsg_desktop.core.updates.read import UpdateError
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import OFFERS_ROW, MainWindow
from acsg_desktop.gui.offers.offer_table_model import HEADERS
from acsg_desktop.gui.offers.offers_page import OffersPage
from acsg_desktop.gui.offers.unmet_needs_view import COL_QUESTION
from tests.gui.helpers import open_main_window


def open_offers(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> MainWindow:
    window = open_main_window(qtbot, workspace, language)
    window.show_area(OFFERS_ROW)
    return window


def listed_ids(page: OffersPage) -> list[str]:
    return [offer.id for offer in page.visible_offers()]


def headers(page: OffersPage) -> list[str]:
    model = page.table.model()
    return [model.headerData(column, Qt.Orientation.Horizontal) for column in range(len(HEADERS))]


def detail_text(page: OffersPage) -> str:
    """The detail panel as plain text (Qt writes a no-break space as a plain one there)."""
    return page.detail.toPlainText()


def spaced(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def select(page: OffersPage, offer_id: str) -> None:
    page.table.selectRow(listed_ids(page).index(offer_id))


def test_with_no_catalogue_the_page_explains_offers_and_the_example_fills_it(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_offers(qtbot, workspace, language)
    page = window.offers_page
    assert window.pages.currentWidget() is page
    assert page.offers_stack.currentWidget() is page.empty_state
    assert page.empty_state.isVisibleTo(window) and not page.banner.isVisibleTo(window)
    assert "signed catalogue" in page.empty_state.explanation.text()
    assert not page.import_button.isVisibleTo(window)  # the empty state has its own
    page.empty_state.example_button.click()
    assert page.offers_stack.currentWidget() is page.catalogue_view
    assert page.model.rowCount() == 30 and page.count.text() == "30 offers"
    assert page.banner.isVisibleTo(window)
    assert page.banner.text().startswith("Illustrative example offers, not real ones.")
    assert page.banner.accessibleName() == "Warning"
    assert "version 0" in page.catalogue_info.text()
    assert page.import_button.isVisibleTo(window)
    assert page.message.text() == "30 example offers loaded."


def test_filters_narrow_the_offers(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    workspace.offers.load_example()
    page = open_offers(qtbot, workspace, language).offers_page
    bar = page.filter_bar
    assert [bar.combos[name].itemText(0) for name in ("type", "status")] == [
        "Any support type",
        "Any status",
    ]
    bar.choose("status", "open")
    assert page.model.rowCount() == 22 and page.count.text() == "22 offers"
    assert {offer.status for offer in page.visible_offers()} == {OfferStatus.OPEN}
    bar.choose("status", "")
    bar.choose("region", "asia-pacific")
    ids = listed_ids(page)
    assert "EX-OFR-024" in ids and "EX-OFR-017" in ids  # the region, and a country in it
    assert "EX-OFR-001" in ids  # any region
    assert "EX-OFR-004" not in ids and "EX-OFR-011" not in ids  # West Africa; Central America
    for offer in page.visible_offers():
        scope = offer.scope
        in_region = "asia-pacific" in scope.regions or any(
            region_of(country) == "asia-pacific" for country in scope.countries
        )
        assert scope.any_region or in_region, offer.id
    languages = [bar.combos["language"].itemData(i) for i in range(bar.combos["language"].count())]
    assert languages[0] == "" and set(languages[1:]) == {"ar", "en", "es", "fr", "pt"}
    bar.choose("region", "")
    bar.choose("language", "es")
    assert page.visible_offers() and all("es" in o.languages for o in page.visible_offers())
    bar.choose("language", "")
    assert page.model.rowCount() == 30


def test_selecting_an_offer_shows_it_in_full(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    workspace.offers.load_example()
    page = open_offers(qtbot, workspace, language).offers_page
    assert detail_text(page) == "Select an offer to read it in full."
    select(page, "EX-OFR-005")
    text = detail_text(page)
    offer = workspace.offers.get("EX-OFR-005")
    assert offer.title.get("en") in text and offer.party_name.get("en") in text
    assert offer.description.get("en") in text
    assert "90 expert-days; US$80,000.00 to US$150,000.00" in text
    assert "Case management" in text  # a framework area's title, not its id
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # the chosen offer stays chosen
    assert page.detail.offer is not None and page.detail.offer.id == "EX-OFR-005"
    page.filter_bar.choose("status", "closed")  # it is open: no longer listed, nothing shown
    assert page.detail.offer is None and "EX-OFR-005" not in listed_ids(page)


@pytest.mark.parametrize("with_catalogue", [False, True])
def test_a_bad_catalogue_is_refused_and_nothing_changes(
    qtbot: QtBot,
    workspace: Workspace,
    language: LanguageSwitcher,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    with_catalogue: bool,
) -> None:
    if with_catalogue:
        workspace.offers.load_example()
    page = open_offers(qtbot, workspace, language).offers_page
    bad = tmp_path / "offers.acsgoffers"
    bad.write_text("These are not the offers you are looking for.\n", "utf-8")
    with pytest.raises(UpdateError) as refused:
        workspace.offers.import_catalogue(bad, trusted_certificates(workspace.data_dir))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bad), ""))
    button = page.import_button if with_catalogue else page.empty_state.import_button
    button.click()
    assert not page.progress.isHidden() and not page.tabs.isEnabled()
    qtbot.waitUntil(lambda: "Not installed" in page.message.text(), timeout=15000)
    reason = escape_controls(refused.value.message)
    assert page.message.text() == f"Not installed: {reason}"
    assert page.progress.isHidden() and page.tabs.isEnabled()
    assert page.model.rowCount() == (30 if with_catalogue else 0)
    assert page.banner.isVisible() == with_catalogue
    assert len(workspace.offers.catalogue().offers) == (30 if with_catalogue else 0)


def test_unmet_needs_lists_the_gaps_no_open_offer_fits(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    demo = create_demo(workspace, "en")  # loads the example offers too
    page = open_offers(qtbot, workspace, language).offers_page
    page.tabs.setCurrentWidget(page.unmet)
    view = page.unmet
    assert view.intro.text().startswith("Gaps for which no open offer in the catalogue fits.")
    assert view.chosen_id() == demo.follow_up.id  # the most recent by default
    for assessment_id in (demo.follow_up.id, demo.baseline.id):
        view.assessment.setCurrentIndex(view.assessment.findData(assessment_id))
        expected = workspace.offers.unmet_needs(assessment_id)
        assert expected and view.table.isVisibleTo(page) and not view.empty.isVisibleTo(page)
        rows = [view.model.row_at(row).gap for row in range(view.model.rowCount())]
        assert rows == [item.gap for item in expected]
        framework = workspace.assessments.framework_of(workspace.assessments.get(assessment_id))
        first = framework.indicator(expected[0].gap.indicator_id).question.get()
        assert view.model.index(0, COL_QUESTION).data() == first


def test_unmet_needs_says_why_it_is_empty(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    page = open_offers(qtbot, workspace, language).offers_page
    view = page.unmet
    page.tabs.setCurrentWidget(view)  # worked out when the tab shows, not with the offers
    assert view.chosen_id() is None and view.empty.text().startswith("There is no assessment")
    created = workspace.assessments.create("Coverage", 2026, actor="Amina")
    answer = Answer("evidence-coi.coi-research", AnswerKind.LEVEL, 1, answered_by="Amina")
    workspace.assessments.save_answer(created.id, answer, actor="Amina")
    page.reload()
    assert view.chosen_id() == created.id and "No offers catalogue" in view.empty.text()
    page.empty_state.example_button.click()
    assert len(workspace.offers.for_assessment(created.id)) == 1  # a gap, and open offers fit
    assert view.model.rowCount() == 0 and not view.table.isVisibleTo(page)
    assert view.empty.text().startswith("Every gap of this assessment has at least one")


def test_french_relabels_the_page_and_keeps_the_choices(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    workspace.offers.load_example()
    page = open_offers(qtbot, workspace, language).offers_page
    page.filter_bar.choose("status", "open")
    select(page, "EX-OFR-005")
    assert headers(page)[1] == "Title"
    offer = workspace.offers.get("EX-OFR-005")
    language.apply("fr", remember=False)  # Qt delivers LanguageChange to each widget in turn
    qtbot.waitUntil(lambda: headers(page)[1] == "Titre")
    qtbot.waitUntil(lambda: spaced(offer.title.get("fr")) in detail_text(page))
    with language_as("fr"):
        assert headers(page) == [_(header) for header in HEADERS]
        assert page.banner.text() == _(
            "Illustrative example offers, not real ones. Real offers come from the ACSG "
            "Secretariat in a signed catalogue."
        )
        assert page.filter_bar.combos["type"].itemText(0) == _("Any support type")
    assert page.filter_bar.combos["status"].currentData() == "open"
    assert page.model.rowCount() == 22
    assert page.detail.offer == offer
    assert spaced(offer.description.get("fr")) in detail_text(page)
    title_row = listed_ids(page).index("EX-OFR-005")
    assert page.model.index(title_row, 1).data() == offer.title.get("fr")
    assert page.table.selectionModel().selectedRows()[0].row() == title_row


def test_the_unmet_needs_are_worked_out_only_when_their_tab_shows(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_demo(workspace, "en")
    worked: list[int] = []
    real = workspace.offers.unmet_needs
    monkeypatch.setattr(
        workspace.offers, "unmet_needs", lambda chosen: worked.append(chosen) or real(chosen)
    )
    page = open_offers(qtbot, workspace, language).offers_page
    page.reload()
    assert worked == [] and page.model.rowCount() == 30  # the offers list without them
    page.tabs.setCurrentWidget(page.unmet)
    assert len(worked) == 1 and page.unmet.model.rowCount() > 0
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentWidget(page.unmet)
    assert len(worked) == 1  # nothing changed since: not again
