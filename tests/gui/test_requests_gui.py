from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.records.requests import MatchStage, RequestStatus
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.requests.reply_dialog import ReplyDialog
from acsg_desktop.gui.requests.request_table_model import COL_STAGE
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
        window.requests_page.model.index(r, 1).data()
        for r in range(window.requests_page.model.rowCount())
    ]
    assert drafted.title in titles


def test_filters_narrow_the_list(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_demo_window(qtbot, workspace, language)
    page = window.requests_page
    assert page.model.rowCount() == 4
    page.status_filter.setCurrentIndex(page.status_filter.findData("approved"))
    assert page.model.rowCount() == 1
    page.status_filter.setCurrentIndex(0)
    page.text_filter.setText("no such title")
    assert page.model.rowCount() == 0


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
    assert editor.tabs.tabText(2) == "Relecture"
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
    assert editor.buttons["reply"].isHidden()
    assert editor.buttons["submit"].isEnabled() and editor.buttons["withdraw"].isEnabled()
    assert not editor.buttons["approve"].isEnabled()


def test_recording_a_match_stage_with_a_message_is_audited_and_shown(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    window, request_id = exported_request_in_editor(qtbot, workspace, language)
    editor = window.requests_page.editor
    assert editor is not None
    button = editor.buttons["reply"]
    assert button.isVisible() and button.isEnabled()
    assert not editor.buttons["save"].isEnabled() and editor.buttons["withdraw"].isEnabled()
    assert editor.reply.isHidden()
    seen: list[object] = []

    def answer(dialog: ReplyDialog) -> int:
        seen.append([b.text() for b in dialog.stages.values()])
        seen.append(dialog.ok_button.isEnabled())
        dialog.stages[MatchStage.UNDER_DISCUSSION].click()
        seen.append(dialog.ok_button.isEnabled())
        dialog.message.setPlainText("  Two offers are being discussed; next meeting 12 May.  ")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReplyDialog, "exec", answer)
    workspace.set_current_user("Fatimé Zakaria")
    button.click()
    assert seen == [
        [
            "Proposed",
            "Under discussion",
            "Agreed (planning)",
            "In progress",
            "Completed",
            "Not matched",
        ],
        False,
        True,
    ]
    request = editor.request
    assert request.status is RequestStatus.EXPORTED
    assert request.match_stage is MatchStage.UNDER_DISCUSSION
    assert editor.message.text() == "Recorded the Secretariat's reply: Under discussion."
    assert editor.status.text().startswith("Status: Exported: Under discussion")
    message = "Two offers are being discussed; next meeting 12 May."
    assert not editor.reply.isHidden() and message in editor.reply.text()
    last = workspace.requests.history(request_id)[-1]
    assert (last.actor, last.action, last.old_value, last.new_value) == (
        "Fatimé Zakaria",
        "match_stage",
        "",
        "under_discussion",
    )
    assert last.reason == message
    assert editor.history.rowCount() == len(workspace.requests.history(request_id))
    assert button.isVisible()  # the stage moves on: the reply can be recorded again
    editor.close_editor()
    page = window.requests_page
    row = next(
        r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == str(request_id)
    )
    assert page.model.index(row, COL_STAGE).data() == "Under discussion"
    assert {page.model.index(r, COL_STAGE).data() for r in range(page.model.rowCount())} == {
        "Under discussion",
        "–",
    }


def test_the_reply_dialog_preselects_the_stage_and_cancelling_changes_nothing(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    window, request_id = exported_request_in_editor(qtbot, workspace, language)
    editor = window.requests_page.editor
    assert editor is not None
    monkeypatch.setattr(ReplyDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected)
    editor.buttons["reply"].click()
    assert workspace.requests.get(request_id).match_stage is None
    workspace.set_current_user("Fatimé Zakaria")
    workspace.requests.record_reply(
        request_id, MatchStage.UNDER_DISCUSSION, actor="Fatimé Zakaria", message="First talk."
    )
    editor.request = workspace.requests.get(request_id)
    seen: list[object] = []

    def not_matched(dialog: ReplyDialog) -> int:
        seen.append(dialog.choices.checkedButton() is dialog.stages[MatchStage.UNDER_DISCUSSION])
        seen.append((dialog.ok_button.isEnabled(), dialog.message.toPlainText()))
        dialog.stages[MatchStage.NOT_MATCHED].click()
        dialog.message.clear()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReplyDialog, "exec", not_matched)
    editor.buttons["reply"].click()
    assert seen == [True, (True, "First talk.")]
    assert workspace.requests.get(request_id).match_stage is MatchStage.NOT_MATCHED
    assert editor.message.text() == "Recorded the Secretariat's reply: Not matched."
    last = workspace.requests.history(request_id)[-1]
    assert (last.old_value, last.new_value, last.reason) == ("under_discussion", "not_matched", "")
    assert editor.reply.isHidden()


def test_a_reply_recorded_meanwhile_by_someone_else_is_a_conflict(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    window, request_id = exported_request_in_editor(qtbot, workspace, language)
    editor = window.requests_page.editor
    assert editor is not None
    workspace.requests.record_reply(request_id, MatchStage.PROPOSED, actor="Amina Mahamat")

    def not_matched(dialog: ReplyDialog) -> int:
        dialog.stages[MatchStage.NOT_MATCHED].click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReplyDialog, "exec", not_matched)
    workspace.set_current_user("Fatimé Zakaria")
    editor.buttons["reply"].click()
    assert "Amina Mahamat changed this" in editor.message.text()
    assert workspace.requests.get(request_id).match_stage is MatchStage.PROPOSED


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
