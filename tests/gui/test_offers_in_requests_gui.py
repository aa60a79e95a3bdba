"""Possible offers in the request editor and on the results' gaps, and offers of interest."""

from dataclasses import replace
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.records.requests import RequestStatus, SupportRequest
from acsg_desktop.core.store.offer_repository import OfferRepository
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.assessment.gap_table import COL_OFFERS
from acsg_desktop.gui.assessment.results_page import ResultsPage
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.requests.request_editor import RequestEditor
from tests.gui.helpers import open_main_window

COI = "Evidence, credibility and country of origin information"


def demo_window(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> MainWindow:
    create_demo(workspace, "en")  # loads the illustrative example catalogue too
    if not workspace.offers.catalogue().offers:
        workspace.offers.load_example()
    return open_main_window(qtbot, workspace, language, user="Idriss Abakar")


def open_request(
    window: MainWindow, workspace: Workspace, status: RequestStatus
) -> tuple[RequestEditor, SupportRequest]:
    request = next(r for r in workspace.requests.list() if r.status is status)
    window.show_area(window.pages.indexOf(window.requests_page))
    window.requests_page.open_editor(request.id)
    editor = window.requests_page.editor
    assert editor is not None
    return editor, request


def show_offers(qtbot: QtBot, editor: RequestEditor) -> None:
    editor.tabs.setCurrentWidget(editor.offers)
    qtbot.waitUntil(lambda: editor.offers.list.cards != [] or editor.offers.note.text() != "")


def test_the_draft_lists_possible_offers_with_reasons_best_first(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    window = demo_window(qtbot, workspace, language)
    editor, draft = open_request(window, workspace, RequestStatus.DRAFT)
    assert draft.content.areas == ("evidence-coi",)
    calls: list[int] = []
    real = workspace.offers.for_request
    monkeypatch.setattr(workspace.offers, "for_request", lambda i: calls.append(i) or real(i))
    assert editor.offers.list.cards == []  # not built while the section is hidden
    show_offers(qtbot, editor)
    assert calls == [draft.id]
    panel = editor.offers
    suggestions = real(draft.id)
    texts = panel.list.card_texts()
    assert len(texts) == len(suggestions) > 0
    for suggestion, text in zip(suggestions, texts, strict=True):
        assert suggestion.offer.title.get() in text
        assert f"Could fit: same area: {COI}" in text
        assert "matched" not in text.casefold()
    assert "Illustrative example offers, not real ones" in panel.note.text()
    assert editor.tabs.tabText(1) == "Possible offers to discuss"
    editor.form.title_edit.setText("A new title, typed letter by letter")
    assert calls == [draft.id]  # typing does not rebuild the list


def test_ticking_an_offer_stores_and_audits_it_and_unticking_removes_it(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = demo_window(qtbot, workspace, language)
    editor, draft = open_request(window, workspace, RequestStatus.DRAFT)
    show_offers(qtbot, editor)
    marked_before = {i.offer_id for i in workspace.offers.interests([draft.id])}
    offer_id = next(o for o in editor.offers.list.checkboxes if o not in marked_before)
    box = editor.offers.list.checkboxes[offer_id]
    assert not box.isChecked() and box.isEnabled() and box.text() == "Of interest"
    box.click()
    stored = {i.offer_id: i for i in workspace.offers.interests([draft.id])}
    assert offer_id in stored and stored[offer_id].marked_by == "Idriss Abakar"
    last = workspace.requests.history(draft.id)[-1]
    assert (last.actor, last.action, last.old_value, last.new_value) == (
        "Idriss Abakar",
        "offer_interest",
        "",
        offer_id,
    )
    title = workspace.offers.get(offer_id).title.get()
    assert editor.message.text() == f"Marked as of interest: {title}."
    assert editor.history.rowCount() == len(workspace.requests.history(draft.id))
    editor.offers.list.checkboxes[offer_id].click()
    assert offer_id not in {i.offer_id for i in workspace.offers.interests([draft.id])}
    last = workspace.requests.history(draft.id)[-1]
    assert (last.action, last.old_value, last.new_value) == ("offer_interest", offer_id, "")
    assert editor.message.text() == f"No longer of interest: {title}."


def test_an_offer_marked_earlier_but_no_longer_suggested_can_be_unmarked(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = demo_window(qtbot, workspace, language)
    draft = next(r for r in workspace.requests.list() if r.status is RequestStatus.DRAFT)
    suggested = {s.offer.id for s in workspace.offers.for_request(draft.id)}
    other = next(o.id for o in workspace.offers.catalogue().offers if o.id not in suggested)
    workspace.offers.set_interest(draft.id, other, True, actor="Idriss Abakar")
    editor, _draft = open_request(window, workspace, RequestStatus.DRAFT)
    show_offers(qtbot, editor)
    box = editor.offers.list.checkboxes[other]
    assert box.isChecked()
    assert "No longer suggested for this request." in editor.offers.list.card_texts()[-1]
    box.click()
    assert other not in {i.offer_id for i in workspace.offers.interests([draft.id])}


def test_a_change_made_meanwhile_is_a_conflict_and_the_box_shows_what_is_stored(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = demo_window(qtbot, workspace, language)
    editor, draft = open_request(window, workspace, RequestStatus.DRAFT)
    show_offers(qtbot, editor)
    marked = {i.offer_id for i in workspace.offers.interests([draft.id])}
    offer_id = next(o for o in editor.offers.list.checkboxes if o not in marked)
    workspace.requests.update(
        draft.id, replace(draft.content, title="Changed by a colleague"), actor="Amina Mahamat"
    )
    editor.offers.list.checkboxes[offer_id].click()
    assert "Amina Mahamat changed this" in editor.message.text()
    assert offer_id not in {i.offer_id for i in workspace.offers.interests([draft.id])}
    qtbot.waitUntil(lambda: not editor.offers.list.checkboxes[offer_id].isChecked())


def test_on_an_approved_request_the_boxes_are_disabled_and_say_why(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = demo_window(qtbot, workspace, language)
    editor, approved = open_request(window, workspace, RequestStatus.APPROVED)
    show_offers(qtbot, editor)
    boxes = editor.offers.list.checkboxes
    assert boxes and not any(box.isEnabled() for box in boxes.values())
    marked = {i.offer_id for i in workspace.offers.interests([approved.id])}
    assert marked and {o for o, box in boxes.items() if box.isChecked()} == marked
    assert all(
        "only while the request is a draft or in review" in b.toolTip() for b in boxes.values()
    )
    assert "only while the request is a draft or in review" in editor.offers.note.text()
    workspace.requests.mark_exported(approved.id, actor="Amina Mahamat")
    window.requests_page.open_editor(approved.id)
    exported = window.requests_page.editor
    assert exported is not None
    show_offers(qtbot, exported)
    assert not any(box.isEnabled() for box in exported.offers.list.checkboxes.values())


def results_page(qtbot: QtBot, workspace: Workspace) -> ResultsPage:
    page = ResultsPage(workspace.assessments, offers=workspace.offers)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    baseline = min(workspace.assessments.list(), key=lambda a: a.year)
    page.show_assessment(baseline.id)
    page.tabs.setCurrentIndex(1)
    return page


def test_a_contingency_gap_is_marked_as_an_unmet_need(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    demo_window(qtbot, workspace, language)
    page = results_page(qtbot, workspace)
    rows = page._gap_rows
    unmet = next(r for r, gap in enumerate(rows) if gap.area_id == "contingency")
    assert page.gaps.item(unmet, COL_OFFERS).text() == "No open offer fits (unmet need)"
    page.gaps.selectRow(unmet)
    assert "No open offer fits this gap (unmet need)" in page.offers.note.text()
    assert page.offers.list.isHidden()
    coi = next(r for r, gap in enumerate(rows) if gap.area_id == "evidence-coi")
    assert page.gaps.item(coi, COL_OFFERS).text().endswith("possible offers")
    page.gaps.selectRow(coi)
    texts = page.offers.list.card_texts()
    assert texts and all(f"same area: {COI}" in text for text in texts)
    assert page.offers.heading.text() == f"Possible offers to discuss for gap {coi + 1}:"
    assert "Illustrative example offers" in page.offers.note.text()
    assert "covers this gap" in page.offers.note.text()


def test_with_no_catalogue_the_editor_and_the_results_say_none_is_installed(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = demo_window(qtbot, workspace, language)
    with workspace.database.unit_of_work() as session:  # as before any catalogue was loaded
        OfferRepository(session).replace_all([], 0, False, datetime.now(UTC))
    editor, draft = open_request(window, workspace, RequestStatus.DRAFT)
    show_offers(qtbot, editor)
    none_installed = "No offers catalogue is installed: import one under Offers."
    assert editor.offers.note.text() == none_installed
    # Only the offer the demo marked is left, so that it can be unmarked.
    marked = {i.offer_id for i in workspace.offers.interests([draft.id])}
    assert marked and set(editor.offers.list.checkboxes) == marked
    assert all("No longer in the catalogue." in t for t in editor.offers.list.card_texts())
    for offer_id in marked:
        editor.offers.list.checkboxes[offer_id].click()
    assert workspace.offers.interests([draft.id]) == []
    page = results_page(qtbot, workspace)
    marks = {page.gaps.item(row, COL_OFFERS).text() for row in range(page.gaps.rowCount())}
    assert marks == {"–"}  # no catalogue: no gap is called an unmet need
    page.gaps.selectRow(0)
    assert page.offers.note.text() == none_installed


def test_switching_to_french_relabels_the_offers_section(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = demo_window(qtbot, workspace, language)
    editor, _draft = open_request(window, workspace, RequestStatus.DRAFT)
    show_offers(qtbot, editor)
    language.apply("fr", remember=False)
    qtbot.waitUntil(lambda: editor.tabs.tabText(1) == "Offres possibles à discuter")
    boxes = list(editor.offers.list.checkboxes.values())
    assert boxes and all(box.text() == "Nous intéresse" for box in boxes)
    assert editor.offers.list.card_texts()[0].count("Pourrait convenir\u00a0: ") == 1
