"""The results' Action plan tab: actions made from the selected gaps, edited in a dialog
(people offered, free text kept, the date in the language), overdue marked in words and with
an icon, deleted only while planned; a switch to French re-labels it."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from acsg_desktop.core.records.actions import ActionStatus
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.assessment.action_dialog import ActionDialog
from acsg_desktop.gui.assessment.action_table_model import COL_DUE, COL_OWNER, COL_STATUS
from acsg_desktop.gui.assessment.results_page import ResultsPage
from acsg_desktop.gui.language import LanguageSwitcher
from tests.gui.screen_walk import DEMO_USER, load_demo, open_demo_window, settle


def shown_results(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> ResultsPage:
    load_demo(workspace)
    window = open_demo_window(qtbot, workspace, language)
    baseline = workspace.assessments.list()[-1]
    window.assessments_page.show_results(baseline.id)
    results = window.assessments_page.results
    results.tabs.setCurrentIndex(1)
    return results


def test_selected_gaps_become_planned_actions_with_their_next_step(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    results = shown_results(qtbot, workspace, language)
    results.gaps.selectRow(0)
    qtbot.mouseClick(results.plan_button, Qt.MouseButton.LeftButton)
    plan = results.plan
    assert plan is not None and results.tabs.currentWidget() is plan
    assert plan.model.rowCount() == 1
    action = plan.selected()
    assert action is not None
    assert action.created_by == DEMO_USER
    assert action.content.gap == results.selected_gaps()[0].indicator_id
    assert "1 action added" in plan.message.text()
    assert plan.model.index(0, COL_OWNER).data() == "Nobody yet"
    assert plan.delete_button.isEnabled()


def test_the_dialog_saves_owner_date_and_status_and_overdue_says_so(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    results = shown_results(qtbot, workspace, language)
    plan = results.plan
    assert plan is not None
    plan.add_from_gaps(workspace.assessments.scores(plan.assessment_id or 0).gaps[:1])
    seen: list[ActionDialog] = []

    def fill(dialog: ActionDialog) -> int:
        seen.append(dialog)
        assert dialog.owner.findText(DEMO_USER) >= 0  # the office's people are offered
        dialog.owner.setEditText("Legal unit")
        dialog.due.setDate(dialog.due.date().addDays(-200))
        dialog.status.setCurrentIndex(dialog.status.findData(ActionStatus.IN_PROGRESS.value))
        dialog._accept()
        return int(dialog.result())

    monkeypatch.setattr(ActionDialog, "exec", fill)
    plan.edit_selected()
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    assert seen[0].due.displayFormat() == "d MMM yyyy"  # never an ambiguous 1/2/27
    action = plan.selected()
    assert action is not None
    assert (action.content.owner, action.status) == ("Legal unit", ActionStatus.IN_PROGRESS)
    assert action.content.due < date.today() + timedelta(days=91 - 199)
    assert plan.model.index(0, COL_STATUS).data() == "In progress · overdue"
    assert plan.model.index(0, COL_DUE).data(Qt.ItemDataRole.DecorationRole) is not None
    assert not plan.delete_button.isEnabled()  # in progress: dropped, never deleted
    assert "dropped" in plan.delete_button.toolTip()


def test_a_blank_description_is_refused_under_its_field(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    results = shown_results(qtbot, workspace, language)
    plan = results.plan
    assert plan is not None
    refused: list[str] = []

    def blank(dialog: ActionDialog) -> int:
        dialog.description.setPlainText("   ")
        dialog._accept()
        refused.append(dialog.errors["description"].text())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ActionDialog, "exec", blank)
    plan.add_general()
    assert refused == ["Say what will be done."]
    assert plan.model.rowCount() == 0


def test_french_relabels_the_tab_and_the_dates(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    """Passes once the French fragment is merged (new strings)."""
    results = shown_results(qtbot, workspace, language)
    plan = results.plan
    assert plan is not None
    plan.add_from_gaps(workspace.assessments.scores(plan.assessment_id or 0).gaps[:1])
    language.apply("fr", remember=False)
    settle()
    assert results.tabs.tabText(results.tabs.indexOf(plan)) == "Plan d'action"
    assert plan.model.index(0, COL_STATUS).data() == "Prévue"
    action = plan.selected()
    assert action is not None
    months = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.")
    months += ("oct.", "nov.", "déc.")
    assert months[action.content.due.month - 1] in plan.model.index(0, COL_DUE).data()
