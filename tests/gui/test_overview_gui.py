"""The overview opens first; its next-action button leads where its sentence says."""

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acsg_desktop.core.overview.next_action import ActionKind, NextAction
from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.assessment.new_assessment_dialog import NewAssessmentDialog
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.overview import action_routes
from tests.gui.helpers import open_main_window
from tests.gui.screen_walk import load_demo, open_demo_window


def test_the_app_opens_on_the_overview_of_an_empty_folder(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    window = open_main_window(qtbot, workspace, language)
    page = window.overview_page
    assert window.pages.currentWidget() is page and window.navigation.currentRow() == 0
    assert window.navigation.item(0).text() == "Overview"
    assert page.action.kind is ActionKind.START_ASSESSMENT
    assert page.next_bar.button.text() == "&Start a self-assessment…"
    assert page.standing.headline.text() == "No assessment yet."
    assert not page.standing.table.isVisibleTo(page) and not page.trends.chart.isVisibleTo(page)
    asked: list[bool] = []
    monkeypatch.setattr(NewAssessmentDialog, "exec", lambda _self: asked.append(True) or 0)
    page.next_bar.button.click()
    assert asked == [True]  # the new assessment dialog, on the assessments list
    assert window.pages.currentWidget() is window.assessments_page


def test_the_demo_overview_shows_the_facts_and_the_button_opens_the_wizard_at_the_question(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    load_demo(workspace)
    window = open_demo_window(qtbot, workspace, language)
    page = window.overview_page
    action = page.action
    assert action.kind is ActionKind.ANSWER_AREA
    assert page.next_bar.sentence.text() == action.text()
    assert action.area_title in page.next_bar.sentence.text()
    # the year once: the title already says it (not "“2026 follow-up” (2026)")
    assert page.standing.headline.text().startswith("2026 follow-up · In progress · ")
    assert page.standing.table.rowCount() == 21
    assert page.gaps.table.rowCount() == 5
    assert page.trends.table.rowCount() == len(workspace.assessments.list()) == 2
    assert page.work.stage_counts[RequestStatus.DRAFT].text() == "1"
    assert "No package exported yet." in page.work.package.text()
    page.next_bar.button.click()
    wizard = window.assessments_page.wizard
    assert window.pages.currentWidget() is window.assessments_page and wizard is not None
    assert wizard.assessment_id == action.assessment_id
    assert wizard.navigator.current == action.step
    assert page.standing.people.text().startswith("Answers by person: ")


def test_the_request_and_package_actions_open_their_screens(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    load_demo(workspace)
    window = open_demo_window(qtbot, workspace, language)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    action_routes.follow(window, NextAction(ActionKind.REVIEW_REQUESTS, 1))
    page = window.requests_page
    assert window.pages.currentWidget() is page
    assert page.status_filter.currentData() == RequestStatus.IN_REVIEW.value
    assert page.model.rowCount() == 1
    action_routes.follow(window, NextAction(ActionKind.FINISH_DRAFTS, 1))
    assert page.status_filter.currentData() == RequestStatus.DRAFT.value
    action_routes.follow(window, NextAction(ActionKind.EXPORT_APPROVED, 1))
    assert window.pages.currentWidget() is window.packages_page
    assert window.packages_page.isAncestorOf(QApplication.focusWidget())  # the keyboard is there
    follow_up = workspace.assessments.list()[0].id
    action_routes.follow(window, NextAction(ActionKind.DRAFT_FROM_GAPS, 5, follow_up))
    results = window.assessments_page.results
    assert window.assessments_page.stack.currentWidget() is results
    assert results.tabs.currentIndex() == action_routes.GAPS_TAB


def test_the_overview_reads_the_data_again_when_shown_and_follows_the_language(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_main_window(qtbot, workspace, language)
    page = window.overview_page
    workspace.assessments.create("2027 round", 2027, actor=workspace.current_user)
    window.show_area(window.pages.indexOf(window.settings_page))
    window.show_area(0)
    assert "2027 round" in page.standing.headline.text()
    assert page.action.kind is ActionKind.ANSWER_AREA
    language.apply("fr", remember=False)
    qtbot.waitUntil(lambda: page.title.text() == "Vue d'ensemble")
    assert page.standing.title() == "Auto-évaluation actuelle"
    assert page.next_bar.button.text() == "&Répondre à ces questions"
