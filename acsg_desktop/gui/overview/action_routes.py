"""Where the overview's next-action button leads: each kind of action opens the screen where it
is done (the wizard at the question, the requests filtered by stage, the packages)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from acsg_desktop.core.overview.next_action import ActionKind, NextAction
from acsg_desktop.core.records.requests import RequestStatus

if TYPE_CHECKING:
    from acsg_desktop.gui.main_window import MainWindow

GAPS_TAB = 1  # of the results page


def follow(window: MainWindow, action: NextAction) -> None:
    """Open the screen where ``action`` is done."""
    kind = action.kind
    if kind in (ActionKind.REVIEW_REQUESTS, ActionKind.FINISH_DRAFTS):
        status = (
            RequestStatus.IN_REVIEW if kind is ActionKind.REVIEW_REQUESTS else RequestStatus.DRAFT
        )
        _requests_at(window, status)
    elif kind in (ActionKind.EXPORT_APPROVED, ActionKind.SEND_PACKAGE, ActionKind.IMPORT_RECEIPT):
        _packages_at(window, action)
    else:
        _assessments_at(window, action)


def _assessments_at(window: MainWindow, action: NextAction) -> None:
    page = window.assessments_page
    window.show_area(window.pages.indexOf(page))
    if action.kind is ActionKind.START_ASSESSMENT or action.assessment_id is None:
        page.show_list()
        page.new_assessment()
    elif action.kind in (ActionKind.ANSWER_AREA, ActionKind.COMPLETE_ASSESSMENT):
        page.open_wizard(action.assessment_id)
        wizard = page.wizard
        if wizard is not None and action.step:
            wizard.show_step(wizard.navigator.go_to(action.step))
    else:
        page.show_results(action.assessment_id)
        if action.kind is ActionKind.DRAFT_FROM_GAPS:
            page.results.tabs.setCurrentIndex(GAPS_TAB)
            page.results.tabs.currentWidget().setFocus()


def _requests_at(window: MainWindow, status: RequestStatus) -> None:
    page = window.requests_page
    window.show_area(window.pages.indexOf(page))
    page.show_list()
    combo = page.status_filter
    combo.setCurrentIndex(max(0, combo.findData(status.value)))
    page.table.setFocus()


def _packages_at(window: MainWindow, action: NextAction) -> None:
    page = window.packages_page
    window.show_area(window.pages.indexOf(page))
    buttons = page.buttons
    if action.kind is ActionKind.EXPORT_APPROVED:
        buttons["export"].setFocus()  # when disabled, its tooltip says why; focus stays on the page
    elif action.kind is ActionKind.SEND_PACKAGE:
        page.outbox_box.reload(action.package_id)  # selected: "Mark as sent" acts on it
        buttons["sent"].setFocus()
    else:
        buttons["receipt"].setFocus()
        buttons["receipt"].click()  # asks for the receipt file
