"""Who is who in the app: signing in, the administrator's proof, and buttons that say why."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.settings import people_box
from acsg_desktop.gui.settings.people_box import PeopleBox
from acsg_desktop.gui.settings.user_dialog import SignInDialog, ensure_signed_in
from tests.core.helpers import CHAD, TEST_PASSPHRASE, add_people
from tests.core.requests.helpers import COMPLETE

ADMIN, DRAFTER, REVIEWER = CHAD.contact_person, "Idriss Abakar", "Fatimé Zakaria"


def _office(workspace: Workspace) -> Workspace:
    workspace.profiles.save(CHAD)
    add_people(workspace, {DRAFTER: {"drafter"}, REVIEWER: {"reviewer"}})
    return workspace


def _dialog_for(qtbot: QtBot, workspace: Workspace, name: str) -> SignInDialog:
    dialog = SignInDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.people.setCurrentIndex(dialog.people.findData(name))
    return dialog


def test_a_one_person_office_is_not_asked_anything(workspace: Workspace) -> None:
    workspace.profiles.save(CHAD)
    assert ensure_signed_in(workspace) is True
    assert workspace.current_user == ADMIN


def test_a_wrong_passphrase_says_so_and_asks_again(qtbot: QtBot, workspace: Workspace) -> None:
    _office(workspace)
    workspace.set_current_user(ADMIN)
    dialog = _dialog_for(qtbot, workspace, DRAFTER)
    dialog.passphrase.setText("not the passphrase")
    dialog.sign_in()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "not the one of Idriss Abakar" in dialog.problem.text()
    assert dialog.passphrase.text() == "" and workspace.current_user == ADMIN
    dialog.passphrase.setText(TEST_PASSPHRASE)
    dialog.sign_in()
    assert dialog.result() == QDialog.DialogCode.Accepted and workspace.current_user == DRAFTER


def test_someone_without_a_passphrase_chooses_one_at_first_sign_in(
    qtbot: QtBot, workspace: Workspace
) -> None:
    _office(workspace)
    with sqlite3.connect(database_path(workspace.data_dir)) as connection:
        connection.execute("UPDATE person SET passphrase_hash = NULL")  # as after an upgrade
    dialog = _dialog_for(qtbot, workspace, DRAFTER)
    assert not dialog.new_passphrase.isVisibleTo(dialog)
    dialog.sign_in()
    assert dialog.new_passphrase.isVisibleTo(dialog) and not dialog.passphrase.isVisibleTo(dialog)
    assert "has not chosen a passphrase yet" in dialog.problem.text()
    dialog.new_passphrase.setText("my very own passphrase")
    dialog.again.setText("my very own passphrasE")
    dialog.sign_in()
    assert (
        "differ" in dialog.problem.text() and workspace.people.get(DRAFTER).has_passphrase is False
    )
    dialog.again.setText("my very own passphrase")
    dialog.sign_in()
    assert dialog.result() == QDialog.DialogCode.Accepted and workspace.current_user == DRAFTER
    assert workspace.sign_in(DRAFTER, "my very own passphrase")


def test_a_drafter_sees_why_he_cannot_change_people(
    qtbot: QtBot, workspace: Workspace, language
) -> None:
    _office(workspace)
    workspace.sign_in(DRAFTER, TEST_PASSPHRASE)
    box = PeopleBox(workspace)
    qtbot.addWidget(box)
    assert not box.save_button.isEnabled() and not box.waiver.isEnabled()
    assert "Only an administrator" in box.save_button.toolTip()
    assert box.passphrase_button.isEnabled()  # his own passphrase stays his to change


def test_the_administrator_retypes_a_wrong_passphrase_then_adds_a_person(
    qtbot: QtBot, workspace: Workspace, language, monkeypatch
) -> None:
    _office(workspace)
    workspace.sign_in(ADMIN, TEST_PASSPHRASE)
    typed = iter([b"a wrong passphrase", TEST_PASSPHRASE.encode()])
    problems: list[str] = []

    def answer(_parent, _title, _prompt, problem=""):
        problems.append(problem)
        return next(typed)

    monkeypatch.setattr(people_box, "ask_passphrase", answer)
    box = PeopleBox(workspace)
    qtbot.addWidget(box)
    box.name.setText("Moussa Ali")
    box.roles.set_selected(("reviewer",))
    box.first_passphrase.setText("moussa first passphrase")
    box.save_person()
    assert problems[0] == "" and "not the one of" in problems[1]
    assert workspace.people.get("Moussa Ali").roles == frozenset({"reviewer"})
    assert workspace.sign_in("Moussa Ali", "moussa first passphrase")


def test_cancelling_the_proof_changes_nothing_and_unticks_the_waiver(
    qtbot: QtBot, workspace: Workspace, language, monkeypatch
) -> None:
    _office(workspace)
    workspace.sign_in(ADMIN, TEST_PASSPHRASE)
    monkeypatch.setattr(people_box, "ask_passphrase", lambda *args: None)
    box = PeopleBox(workspace)
    qtbot.addWidget(box)
    box.waiver.setChecked(True)
    assert not box.waiver.isChecked() and not workspace.requests.self_approval_allowed()
    assert box.message.text() == "Nothing was changed."


def test_the_author_of_a_comment_cannot_send_its_response(
    qtbot: QtBot, workspace: Workspace, language
) -> None:
    from tests.gui.helpers import open_main_window

    _office(workspace)
    created = workspace.requests.create(COMPLETE, actor=DRAFTER)
    workspace.requests.submit_for_review(created.id, actor=DRAFTER)
    workspace.requests.comment(created.id, "Who pays?", actor=REVIEWER)
    window = open_main_window(qtbot, workspace, language, user=REVIEWER)
    window.navigation.setCurrentRow(window.pages.indexOf(window.requests_page))
    page = window.requests_page
    page.open_editor(created.id)
    review = page.editor.review
    review.comments.setCurrentRow(0)
    review.text.setPlainText("Answered by myself")
    assert not review.respond_button.isEnabled()
    assert "someone else answers it" in review.respond_button.toolTip()
    assert review.comment_button.isEnabled()
