"""By keyboard alone: Tab goes round every screen and leaves every table, the arrows explore an
indicator's levels without saving, Space or Enter chooses, links are buttons Tab reaches, a
read-only request is read (not greyed out) and refuses changes, Alt+U reaches the budget."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.assessment.wizard import AssessmentWizard
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.requests.request_editor import RequestEditor
from tests.gui.a11y_checks import tab_trap_problems
from tests.gui.screen_walk import load_demo, open_demo_window, settle, walk_screens


def _active_window(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> MainWindow:
    load_demo(workspace)
    window = open_demo_window(qtbot, workspace, language)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _wizard_on_an_indicator(window: MainWindow, workspace: Workspace) -> AssessmentWizard:
    in_progress = next(a for a in workspace.assessments.list() if a.status.value == "in_progress")
    window.show_area(window.pages.indexOf(window.assessments_page))  # the Overview opens first
    window.assessments_page.open_wizard(in_progress.id)
    wizard = window.assessments_page.wizard
    assert wizard is not None
    wizard.show_step(wizard.navigator.go_to(wizard.navigator.steps[1]))
    return wizard


def _editor(window: MainWindow, workspace: Workspace, status: RequestStatus) -> RequestEditor:
    window.show_area(window.pages.indexOf(window.requests_page))
    request = next(r for r in workspace.requests.list() if r.status is status)
    window.requests_page.open_editor(request.id)
    editor = window.requests_page.editor
    assert editor is not None
    return editor


def test_tab_goes_round_every_screen_and_leaves_every_table(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    load_demo(workspace, identity=True)
    window = open_demo_window(qtbot, workspace, language)
    problems: dict[str, list[str]] = {}
    for name, screen in walk_screens(window, qtbot):
        if found := tab_trap_problems(screen):
            problems[name] = found
    assert problems == {}


def test_tab_in_a_table_moves_on_without_changing_the_selection(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = _active_window(qtbot, workspace, language)
    table = window.assessments_page.table
    table.setFocus(Qt.FocusReason.TabFocusReason)
    table.selectRow(0)
    before = table.currentIndex()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table and table.currentIndex() == before


def test_arrows_explore_the_levels_without_saving_and_space_or_enter_chooses(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = _active_window(qtbot, workspace, language)
    wizard = _wizard_on_an_indicator(window, workspace)
    page, step = wizard.indicator_page, wizard.navigator.current
    page.level_buttons[0].click()  # saved: the lowest level
    saved = workspace.assessments.answers(wizard.assessment_id)[step]
    page.level_buttons[0].setFocus()
    for _press in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.level_buttons[3]
    assert page.level_buttons[0].isChecked()  # only explored: nothing checked, nothing saved
    assert workspace.assessments.answers(wizard.assessment_id)[step].version == saved.version
    assert page.level_buttons[3].accessibleDescription() == page.level_texts[3].text()
    assert page.choice_group.accessibleName() == page.question.text()
    qtbot.keyClick(page.level_buttons[3], Qt.Key.Key_Up)
    qtbot.keyClick(page.level_buttons[2], Qt.Key.Key_Return)
    assert workspace.assessments.answers(wizard.assessment_id)[step].level == page.levels[2]
    qtbot.keyClick(page.level_buttons[2], Qt.Key.Key_Down)
    qtbot.keyClick(page.level_buttons[3], Qt.Key.Key_Space)
    assert workspace.assessments.answers(wizard.assessment_id)[step].level == page.levels[3]


def test_related_guides_are_buttons_that_tab_reaches_and_enter_opens(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = _active_window(qtbot, workspace, language)
    wizard = _wizard_on_an_indicator(window, workspace)
    wizard.show_step(wizard.navigator.go_to("appeals.effective-remedy"))
    page, box = wizard.indicator_page, wizard.evidence_box
    assert box is not None  # the answer's evidence files come between the answer and the guides
    stops = [w for w in box.focus_order() if w.isVisibleTo(page) and w.isEnabled()]
    stops[-1].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    link = QApplication.focusWidget()
    assert link in page.guide_links.shown_buttons() and link.text()
    qtbot.keyClick(link, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.guides_page
    assert window.guides_page.reader.guide is not None


def test_a_read_only_request_is_readable_reached_by_tab_and_refuses_changes(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = _active_window(qtbot, workspace, language)
    form = _editor(window, workspace, RequestStatus.WITHDRAWN).form  # no longer editable
    settle()
    box = next(iter(form.areas.boxes.values()))
    assert form.title_edit.isEnabled() and form.title_edit.isReadOnly()
    assert box.isEnabled() and box.accessibleDescription() == "Read only"
    checked = box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked() == checked
    title = form.title_edit.text()
    qtbot.keyClicks(form.title_edit, "x")
    assert form.title_edit.text() == title


def test_the_budget_mnemonic_reaches_the_amount_and_the_currency_has_a_label(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = _active_window(qtbot, workspace, language)
    editor = _editor(window, workspace, RequestStatus.DRAFT)
    form = editor.form
    settle()
    form.title_edit.setFocus()
    qtbot.keyClick(form.title_edit, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is form.budget
    assert form.currency_label.buddy() is form.currency and form.currency_label.text()
    assert form.fields["focus"].accessibleName() == "Focus"  # a radio group named by its label
