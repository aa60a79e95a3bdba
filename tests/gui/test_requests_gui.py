from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.requests.outcome_dialog import OutcomeDialog
from tests.core.requests.helpers import COMPLETE


def open_demo_window(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> MainWindow:
    create_demo(workspace, "en")
    workspace.set_current_user("Idriss Abakar")
    window = MainWindow(workspace, language)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_from_a_gap_to_an_approved_request(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_demo_window(qtbot, workspace, language)
    demo_baseline = workspace.assessments.list()[-1]
    results = window.assessments_page.results
    window.assessments_page.show_results(demo_baseline.id)
    selection = results.gaps.selectionModel()
    for row in (0, 1):
        selection.select(
            results.gaps.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    results.draft_button.click()
    editor = window.requests_page.editor
    assert editor is not None and window.pages.currentWidget() is window.requests_page
    drafted = editor.form.content()
    assert drafted.areas and drafted.aims and drafted.description.startswith("Gaps found")
    editor.submit()
    assert "not complete" in editor.message.text()
    assert not editor.form.errors["budget"].isHidden()
    filled = replace(
        COMPLETE,
        title=drafted.title,
        areas=drafted.areas,
        aims=drafted.aims,
        description=drafted.description,
    )
    editor.form.set_content(filled)
    editor._dirty = True
    editor.submit()
    assert editor.request.status is RequestStatus.IN_REVIEW
    editor.approve()
    assert "not a reviewer" in editor.message.text()
    workspace.set_current_user("Fatimé Zakaria")
    editor.review.text.setPlainText("Please confirm the start date.")
    editor.review.comment_button.click()
    workspace.set_current_user("Idriss Abakar")
    editor.review.comments.setCurrentRow(0)
    editor.review.text.setPlainText("Confirmed: March 2027.")
    editor.review.respond_button.click()
    workspace.set_current_user("Fatimé Zakaria")
    editor.approve()
    assert editor.request.status is RequestStatus.APPROVED
    assert editor.request.approved_by == "Fatimé Zakaria"
    assert editor.history.rowCount() >= 6
    editor.close_editor()
    titles = [
        window.requests_page.proxy.index(r, 1).data()
        for r in range(window.requests_page.proxy.rowCount())
    ]
    assert drafted.title in titles


def test_filters_narrow_the_list(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_demo_window(qtbot, workspace, language)
    page = window.requests_page
    assert page.proxy.rowCount() == 4
    page.status_filter.setCurrentIndex(page.status_filter.findData("approved"))
    assert page.proxy.rowCount() == 1
    page.status_filter.setCurrentIndex(0)
    page.text_filter.setText("no such title")
    assert page.proxy.rowCount() == 0


def test_request_editor_in_french(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_demo_window(qtbot, workspace, language)
    page = window.requests_page
    first_id = workspace.requests.list()[0].id
    page.open_editor(first_id)
    language.apply("fr", remember=False)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.buttons["approve"].text() == "A&pprouver")
    assert editor.tabs.tabText(1) == "Relecture"
    assert editor.form.labels["budget"].text() == "Bud&get"
    assert editor.status.text().startswith("Statut\u00a0: ")


def exported_request_in_editor(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> tuple[MainWindow, int]:
    window = open_demo_window(qtbot, workspace, language)
    approved = next(r for r in workspace.requests.list() if r.status is RequestStatus.APPROVED)
    workspace.requests.mark_exported(approved.id, actor="Amina Mahamat")
    window.show_area(window.pages.indexOf(window.requests_page))
    window.requests_page.open_editor(approved.id)
    return window, approved.id


def test_the_secretariats_reply_is_offered_only_once_exported(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_demo_window(qtbot, workspace, language)
    draft = next(r for r in workspace.requests.list() if r.status is RequestStatus.DRAFT)
    window.requests_page.open_editor(draft.id)
    editor = window.requests_page.editor
    assert editor is not None
    assert editor.buttons["outcome"].isHidden()
    assert editor.buttons["submit"].isEnabled() and editor.buttons["withdraw"].isEnabled()
    assert not editor.buttons["approve"].isEnabled()


def test_recording_not_matched_with_a_note_is_audited_and_shown(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    window, request_id = exported_request_in_editor(qtbot, workspace, language)
    editor = window.requests_page.editor
    assert editor is not None
    button = editor.buttons["outcome"]
    assert button.isVisible() and button.isEnabled()
    assert not editor.buttons["save"].isEnabled() and editor.buttons["withdraw"].isEnabled()
    seen: list[bool] = []

    def answer(dialog: OutcomeDialog) -> int:
        seen.append(dialog.ok_button.isEnabled())
        dialog.not_matched.click()
        seen.append(dialog.ok_button.isEnabled())
        dialog.note.setPlainText("  No partner for this round; ask again in 2027.  ")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OutcomeDialog, "exec", answer)
    workspace.set_current_user("Fatimé Zakaria")
    button.click()
    assert seen == [False, True]
    assert editor.request.status is RequestStatus.NOT_MATCHED
    assert editor.message.text() == "Recorded: not matched."
    last = workspace.requests.history(request_id)[-1]
    assert (last.actor, last.action, last.new_value) == ("Fatimé Zakaria", "status", "not_matched")
    assert last.reason == "No partner for this round; ask again in 2027."
    row = editor.history.rowCount() - 1
    assert editor.history.item(row, 4).text() == "Not matched"
    assert editor.history.item(row, 5).text() == last.reason
    assert button.isHidden() and not editor.buttons["withdraw"].isEnabled()


def test_recording_matched_and_cancelling_the_reply(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    window, request_id = exported_request_in_editor(qtbot, workspace, language)
    editor = window.requests_page.editor
    assert editor is not None
    monkeypatch.setattr(OutcomeDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected)
    editor.buttons["outcome"].click()
    assert workspace.requests.get(request_id).status is RequestStatus.EXPORTED

    def matched(dialog: OutcomeDialog) -> int:
        dialog.matched.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OutcomeDialog, "exec", matched)
    editor.buttons["outcome"].click()
    assert workspace.requests.get(request_id).status is RequestStatus.MATCHED
    assert editor.message.text() == "Recorded: matched with an offer."
    assert workspace.requests.history(request_id)[-1].reason == ""


def test_a_reply_recorded_meanwhile_by_someone_else_is_a_conflict(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    window, request_id = exported_request_in_editor(qtbot, workspace, language)
    editor = window.requests_page.editor
    assert editor is not None
    workspace.requests.record_outcome(request_id, True, actor="Amina Mahamat")

    def not_matched(dialog: OutcomeDialog) -> int:
        dialog.not_matched.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OutcomeDialog, "exec", not_matched)
    editor.buttons["outcome"].click()
    assert "Amina Mahamat changed this" in editor.message.text()
    assert workspace.requests.get(request_id).status is RequestStatus.MATCHED


def test_a_conflicting_edit_is_refused_and_the_form_keeps_the_users_text(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_demo_window(qtbot, workspace, language)
    draft = next(r for r in workspace.requests.list() if r.status is RequestStatus.DRAFT)
    window.requests_page.open_editor(draft.id)
    editor = window.requests_page.editor
    assert editor is not None
    other = workspace.requests.get(draft.id)  # a colleague on the office server edits it
    workspace.requests.update(
        draft.id, replace(other.content, title="Changed by a colleague"), actor="Amina Mahamat"
    )
    mine = replace(editor.form.content(), title="My own title")
    editor.form.set_content(mine)
    assert not editor.save()
    assert (
        "Amina Mahamat" in editor.message.text() and "after you opened it" in editor.message.text()
    )
    assert editor.form.content().title == "My own title"
    assert workspace.requests.get(draft.id).content.title == "Changed by a colleague"
