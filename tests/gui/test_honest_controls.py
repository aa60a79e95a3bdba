"""Honest controls (issue 15.8): a button that cannot act is off and says why; "saved" is said
only once the commit has returned; a blank new request can be deleted; a baseline is not
compared with its follow-up by default; a restore says what the backup lacks first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from acsg_desktop.core.assessment.navigator import CONTEXT_STEP, REVIEW_STEP
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.requests import RequestContent
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui import startup
from acsg_desktop.gui.assessment.wizard import AssessmentWizard
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from tests.core.helpers import CHAD, damage
from tests.gui.helpers import open_main_window
from tests.gui.screen_walk import load_demo, open_demo_window, settle


def test_list_buttons_are_off_with_a_reason_until_there_is_something_to_act_on(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_main_window(qtbot, workspace, language)
    page = window.assessments_page
    acting = (page.open_button, page.results_button, page.copy_button)
    assert not any(button.isEnabled() for button in acting)
    assert {button.toolTip() for button in acting} == {
        _("There is no assessment yet: start one with “New assessment”.")
    }
    requests = window.requests_page
    assert not requests.open_button.isEnabled() and requests.open_button.toolTip()
    workspace.assessments.create("2026 baseline", 2026, actor=CHAD.contact_person)
    page.reload()
    assert all(button.isEnabled() for button in acting)
    assert {button.toolTip() for button in acting} == {""}
    page.table.clearSelection()
    assert {button.toolTip() for button in acting} == {_("Select an assessment in the list first.")}
    assert not page.open_button.isEnabled()


def test_the_requests_list_selects_its_first_request_and_says_on_the_page_why_open_is_off(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_main_window(qtbot, workspace, language)
    page = window.requests_page
    window.show_area(window.pages.indexOf(page))
    reason = _("No request is listed: create one, or change the filters.")
    assert not page.open_button.isEnabled()
    assert page.open_reason.text() == reason and page.open_reason.isVisible()
    workspace.requests.create(RequestContent(title="Interpreters"), actor=CHAD.contact_person)
    page.reload()
    assert page.selected_id() is not None and page.open_button.isEnabled()
    assert page.open_reason.text() == ""
    page.table.clearSelection()
    assert page.open_reason.text() == _("Select a request in the list first.")
    page.text_filter.setText("no such request")
    assert page.open_reason.text() == reason


def test_a_requests_list_opened_over_requests_has_its_first_one_selected(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    workspace.requests.create(RequestContent(title="Interpreters"), actor=CHAD.contact_person)
    window = open_main_window(qtbot, workspace, language)
    page = window.requests_page  # built now, over the request already there
    assert page.selected_id() is not None and page.open_button.isEnabled()
    assert page.open_reason.text() == ""


def _wizard_on_an_indicator(window: MainWindow) -> tuple[AssessmentWizard, str]:
    page = window.assessments_page
    page.open_wizard(window._workspace.assessments.list()[0].id)
    wizard = page.wizard
    assert wizard is not None
    step = next(s for s in wizard.navigator.steps if s not in (CONTEXT_STEP, REVIEW_STEP))
    wizard.show_step(wizard.navigator.go_to(step))
    return wizard, step


def test_the_autosave_line_says_saving_until_the_commit_has_returned(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    load_demo(workspace, "en")
    window = open_demo_window(qtbot, workspace, language)
    wizard, step = _wizard_on_an_indicator(window)
    service = workspace.assessments
    before = service.answers(wizard.assessment_id).get(step)
    wizard.indicator_page.note.setPlainText("A note being typed")
    assert wizard.save_status.text() == _("Saving…")
    assert service.answers(wizard.assessment_id).get(step) == before
    qtbot.waitUntil(lambda: wizard.save_status.text() != _("Saving…"), timeout=5000)
    stored = service.answers(wizard.assessment_id)[step]
    assert stored.note == "A note being typed"
    assert wizard.save_status.text().startswith("Saved at ")


def test_a_blank_new_request_can_be_deleted_and_one_with_content_cannot(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_main_window(qtbot, workspace, language)
    page = window.requests_page
    window.show_area(window.pages.indexOf(page))
    page.new_request(RequestContent())
    editor = page.editor
    assert editor is not None
    delete = editor.buttons["delete"]
    assert delete.isVisibleTo(editor) and delete.isEnabled()
    editor.form.title_edit.setText("Interpreters")
    editor.form.title_edit.textEdited.emit("Interpreters")
    assert not delete.isEnabled() and "withdraw" in delete.toolTip()
    editor.form.title_edit.setText("")  # typed, then rubbed out, and saved: blank again
    assert editor.save() and delete.isEnabled()
    delete.click()
    assert page.editor is None and workspace.requests.list() == []
    created = page.new_request(RequestContent(title="A real need"))
    assert created is not None and page.editor is not None
    assert not page.editor.buttons["delete"].isVisibleTo(page.editor)


def test_results_compare_with_an_earlier_assessment_never_a_later_one(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    load_demo(workspace, "en")
    window = open_demo_window(qtbot, workspace, language)
    follow_up, baseline = workspace.assessments.list()[0], workspace.assessments.list()[-1]
    assert (follow_up.year, baseline.year) == (2026, 2025)
    page = window.assessments_page
    page.show_results(baseline.id)
    assert page.results.earlier_id() is None and page.results.compare.currentText() == "Nothing"
    page.show_results(follow_up.id)
    assert page.results.earlier_id() == baseline.id


def test_a_restore_says_what_the_backup_lacks_before_it_is_applied(
    qtbot: QtBot, language: LanguageSwitcher, isolated_home: Path
) -> None:
    with Workspace.open(isolated_home) as workspace:
        load_demo(workspace, "en")
        workspace.database.backup("daily")
        workspace.requests.create(
            RequestContent(title="After the backup"), actor=CHAD.contact_person
        )
    damage(database_path(isolated_home), 100_000, b"\xff" * 4096)  # a page, not the header
    told: list[str] = []

    def quit_after_reading() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        told.append(box.informativeText())
        next(b for b in box.buttons() if b.text() == _("Quit")).click()

    QTimer.singleShot(50, quit_after_reading)
    assert startup.open_workspace(isolated_home) is None
    settle()
    assert "Whatever was saved after that is not in it." in told[0]
    assert "4 requests" in told[0]
