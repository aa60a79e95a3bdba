from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.records.assessment import AnswerKind
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.assessment.wizard import AssessmentWizard
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from tests.gui.helpers import open_main_window


def open_window(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> MainWindow:
    return open_main_window(qtbot, workspace, language)


def start_wizard(qtbot: QtBot, window: MainWindow, workspace: Workspace) -> AssessmentWizard:
    created = workspace.assessments.create("2026 baseline", 2026, actor="Amina")
    window.assessments_page.open_wizard(created.id)
    wizard = window.assessments_page.wizard
    assert wizard is not None
    return wizard


def test_answer_by_keyboard_is_saved_and_shown_as_saved(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_window(qtbot, workspace, language)
    wizard = start_wizard(qtbot, window, workspace)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    first = wizard.navigator.current
    page = wizard.indicator_page
    page.level_buttons[1].setFocus()
    qtbot.keyClick(page.level_buttons[1], Qt.Key.Key_Space)
    assert wizard.save_status.text().startswith("Saved at")
    stored = workspace.assessments.answers(wizard.assessment_id)[first]
    assert (stored.kind, stored.level, stored.answered_by) == (AnswerKind.LEVEL, 2, "Amina Mahamat")


def test_level_three_needs_evidence_then_text_is_saved_after_a_pause(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_window(qtbot, workspace, language)
    wizard = start_wizard(qtbot, window, workspace)
    wizard.show_step(wizard.navigator.next())
    page = wizard.indicator_page
    page.level_buttons[3].click()
    assert "Still needed" in wizard.save_status.text()
    qtbot.keyClicks(page.evidence, "Annual report 2025, table 4")
    assert wizard.save_status.text() == "Saving…"  # typed, not stored yet: never "Saved"
    qtbot.waitUntil(lambda: wizard.save_status.text().startswith("Saved at"), timeout=3000)
    stored = workspace.assessments.answers(wizard.assessment_id)[wizard.navigator.current]
    assert stored.evidence == "Annual report 2025, table 4"


def test_context_no_detention_removes_the_detention_step_and_says_why(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_window(qtbot, workspace, language)
    wizard = start_wizard(qtbot, window, workspace)
    box = wizard.context_page.boxes["applicants_detained"]
    if not box.isChecked():
        box.click()
    box.click()
    assert "do not apply" in wizard.context_page.consequences.text()
    assert "access-registration.detention" not in wizard.navigator.steps
    stored = workspace.assessments.get(wizard.assessment_id).contexts
    assert stored["applicants_detained"] is False


def test_reopening_after_a_crash_returns_to_the_same_indicator(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_window(qtbot, workspace, language)
    wizard = start_wizard(qtbot, window, workspace)
    wizard.show_step(wizard.navigator.go_to("appeals.effective-remedy"))
    wizard.indicator_page.level_buttons[0].click()
    window.hide()  # the process dies here: nothing else is saved
    again = open_window(qtbot, workspace, language)
    resumed = again.assessments_page.wizard
    assert resumed is not None and resumed.navigator.current == "appeals.effective-remedy"
    assert resumed.indicator_page.level_buttons[0].isChecked()


def test_results_compare_and_export_csv(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path, monkeypatch
) -> None:
    demo = create_demo(workspace, "en")
    window = open_window(qtbot, workspace, language)
    page = window.assessments_page
    page.show_results(demo.follow_up.id)
    results = page.results
    assert results.earlier_id() == demo.baseline.id
    assert results.radar.earlier is not None and "Fairness" in results.radar.describe()
    assert results.gaps.rowCount() > 0
    change = results.changes.item(0, 3).text()
    assert change.startswith(("+", "-", "0", "–"))
    target = tmp_path / "results.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    results.export_button.click()
    assert target.read_text(encoding="utf-8-sig").startswith("Area,Indicator,Question")
    assert "Exported" in results.message.text()


def test_wizard_switches_language_live(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_window(qtbot, workspace, language)
    wizard = start_wizard(qtbot, window, workspace)
    wizard.show_step(wizard.navigator.go_to("appeals.effective-remedy"))
    language.apply("fr", remember=False)
    qtbot.waitUntil(lambda: wizard.next_button.text() == "&Suivant")
    assert wizard.indicator_page.level_buttons[0].text() == "&1 · Inexistant"
    assert wizard.indicator_page.question.text().startswith("Chaque demandeur débouté")


def test_a_copy_on_the_same_framework_shows_no_carry_over_list(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    create_demo(workspace, "en")
    window = MainWindow(workspace, language)
    qtbot.addWidget(window)
    page = window.assessments_page
    baseline = workspace.assessments.list()[-1]
    copy = workspace.assessments.create("2027", 2027, carry_over_from=baseline.id, actor="Amina")
    page.show_carry_over(copy.id)
    assert getattr(page, "carry_over_dialog", None) is None


def test_the_context_questions_wrap_so_the_wizard_fits_a_small_screen_in_french(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    language.apply("fr", remember=False)
    window = open_window(qtbot, workspace, language)
    wizard = start_wizard(qtbot, window, workspace)
    assert wizard.minimumSizeHint().width() < 1366 - 250  # room for the navigation list
    row = wizard.context_page.rows["applicants_detained"]
    before = row.box.isChecked()
    qtbot.mouseClick(row.label, Qt.MouseButton.LeftButton)  # the question's text toggles it
    assert row.box.isChecked() is not before


def test_an_indicator_every_system_needs_cannot_be_marked_not_applicable(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    """No appeal body is a gap: the remedy's "not applicable" is off and says why; an
    indicator that may not concern a system keeps it."""
    window = open_window(qtbot, workspace, language)
    wizard = start_wizard(qtbot, window, workspace)
    page = wizard.indicator_page
    wizard.show_step(wizard.navigator.go_to("appeals.effective-remedy"))
    assert not page.not_applicable.isEnabled()
    assert "level 1" in page.not_applicable.toolTip()
    assert "level 1" in page.key_label.text() and page.key_label.isVisibleTo(page)  # on the page
    optional = next(i for i in wizard.framework.indicators if not i.always_applies)
    wizard.show_step(wizard.navigator.go_to(optional.id))
    assert page.not_applicable.isEnabled()
    assert "left out of the scores" in page.not_applicable.toolTip()
    assert "level 1" not in page.key_label.text()
