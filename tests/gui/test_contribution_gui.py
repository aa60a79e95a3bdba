"""The Assessments page's contribution buttons: an official's areas exported signed (their
identity made on the way), and the merge dialog, whose Apply waits for every conflict."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from acsg_desktop.core.contributions.format import read_contribution
from acsg_desktop.core.contributions.merge import MergeStatus
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.assessment import contribution_actions
from tests.core.contributions.helpers import (
    PASSPHRASE,
    REFUGEE_DEFINITION,
    answer_and_export,
    assessment_id,
    laptop,
    level,
)
from tests.core.helpers import CHAD
from tests.gui.helpers import open_main_window

OFFICIAL = "Idriss Abakar"


def page_on(qtbot, workspace: Workspace, language):  # type: ignore[no-untyped-def]
    assessment_id(workspace)
    window = open_main_window(qtbot, workspace, language)
    page = window.assessments_page
    page.reload()
    page.table.selectRow(0)
    return page


def test_export_my_areas_creates_the_identity_then_signs_the_chosen_areas(
    qtbot, workspace: Workspace, language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_on(qtbot, workspace, language)
    target = tmp_path / "mine.acsgcontrib"
    monkeypatch.setattr(contribution_actions, "ask_new_passphrase", lambda _parent: PASSPHRASE)
    monkeypatch.setattr(contribution_actions, "ask_passphrase", lambda *_args: PASSPHRASE)
    monkeypatch.setattr(
        contribution_actions.QFileDialog, "getSaveFileName", lambda *_args: (str(target), "")
    )
    workspace.assessments.save_answer(
        assessment_id(workspace),
        level(REFUGEE_DEFINITION, 3, CHAD.contact_person),
        actor=CHAD.contact_person,
    )
    assert page.contributions.export_button.isEnabled()
    page.contributions.export_button.click()
    dialog = page.contributions.areas_dialog
    assert dialog is not None and workspace.contributions.has_identity(CHAD.contact_person)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # no area checked yet
    dialog.check(["legal-framework"])
    assert ok.isEnabled()
    ok.click()
    signed = read_contribution(target, [], workspace_time())
    assert signed.contribution.areas == ("legal-framework",)
    assert [a.answer.indicator_id for a in signed.contribution.answers] == [REFUGEE_DEFINITION]
    assert "signed by" in page.message.text()


def workspace_time():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime.now(UTC)


def test_merge_dialog_shows_both_values_and_waits_for_every_conflict(
    qtbot, workspace: Workspace, language, tmp_path: Path
) -> None:
    page = page_on(qtbot, workspace, language)
    target, me = assessment_id(workspace), CHAD.contact_person
    workspace.assessments.save_answer(target, level(REFUGEE_DEFINITION, 2, me), actor=me)
    folder = laptop(tmp_path / "laptop", OFFICIAL)
    first = answer_and_export(
        folder,
        OFFICIAL,
        [level(REFUGEE_DEFINITION, 3, OFFICIAL)],
        ["01"],
        tmp_path / "1.acsgcontrib",
    )
    workspace.contributions.apply(first, target, {}, actor=me)
    workspace.assessments.save_answer(target, level(REFUGEE_DEFINITION, 1, me, "Ours"), actor=me)
    second = answer_and_export(
        folder,
        OFFICIAL,
        [level(REFUGEE_DEFINITION, 4, OFFICIAL, "Theirs")],
        ["01"],
        tmp_path / "2.acsgcontrib",
    )

    page.contributions.import_contribution(second)
    dialog = page.contributions.merge_dialog
    assert dialog is not None
    [box] = dialog.boxes
    assert box.item.status is MergeStatus.CONFLICT
    assert "Level 4" in box.theirs.text() and "Theirs" in box.theirs.text()
    assert "Level 1" in box.ours.text() and "Ours" in box.ours.text()
    assert OFFICIAL in box.theirs_head.text() and me in box.ours_head.text()
    assert not dialog.apply_button.isEnabled() and "1 left" in dialog.apply_button.toolTip()
    box.take.click()
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert workspace.assessments.answers(target)[REFUGEE_DEFINITION].level == 4
    assert "1 answer taken" in page.message.text()

    page.contributions.import_contribution(second)  # the same file again: nothing to apply
    again = page.contributions.merge_dialog
    assert again is not None and not again.apply_button.isEnabled()
    assert "already merged" in again.blocked.text()


def test_a_changed_key_is_merged_only_once_its_fingerprint_is_confirmed(
    qtbot, workspace: Workspace, language, tmp_path: Path
) -> None:
    page = page_on(qtbot, workspace, language)
    target, me = assessment_id(workspace), CHAD.contact_person
    first = answer_and_export(
        laptop(tmp_path / "laptop", OFFICIAL),
        OFFICIAL,
        [level(REFUGEE_DEFINITION, 3, OFFICIAL)],
        ["01"],
        tmp_path / "1.acsgcontrib",
    )
    workspace.contributions.apply(first, target, {}, actor=me)
    forged = answer_and_export(
        laptop(tmp_path / "impostor", OFFICIAL),
        OFFICIAL,
        [level(REFUGEE_DEFINITION, 5, OFFICIAL)],
        ["01"],
        tmp_path / "2.acsgcontrib",
    )
    page.contributions.import_contribution(forged)
    dialog = page.contributions.merge_dialog
    assert dialog is not None and dialog.key_confirmed.isVisibleTo(dialog)
    assert dialog.view.signer_fingerprint in dialog.key_confirmed.label.text()
    assert not dialog.apply_button.isEnabled() and OFFICIAL in dialog.hint.text()
    dialog.key_confirmed.box.click()
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert workspace.assessments.answers(target)[REFUGEE_DEFINITION].level == 5
