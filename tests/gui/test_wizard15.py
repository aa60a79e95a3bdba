"""The wizard opens each indicator at its question, keeps its buttons still, Tabs in visual
order, asks before completing; a reviewer reopens a completed assessment from its results."""

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from acsg_desktop.core.records.assessment import Answer, AnswerKind, AssessmentStatus
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.assessment.wizard import AssessmentWizard
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from tests.core.helpers import add_people
from tests.gui.helpers import open_main_window


def open_wizard(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, answered: bool = False
) -> tuple[MainWindow, AssessmentWizard]:
    window = open_main_window(qtbot, workspace, language)
    created = workspace.assessments.create("2026 baseline", 2026, actor="Amina")
    if answered:
        for indicator in workspace.assessments.framework_of(created).indicators:
            answer = Answer(indicator.id, AnswerKind.LEVEL, level=2, answered_by="Amina")
            workspace.assessments.save_answer(created.id, answer, actor="Amina")
    window.show_area(window.pages.indexOf(window.assessments_page))  # the Overview opens first
    window.assessments_page.open_wizard(created.id)
    wizard = window.assessments_page.wizard
    assert wizard is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, wizard


def click_in_modal(qtbot: QtBot, text: str) -> list[str]:
    """Soon after, click the button named ``text`` in the modal dialog; returns the texts seen."""
    seen: list[str] = []

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QMessageBox)
        seen.extend(button.text() for button in dialog.buttons())
        # our own words (translated by us), never one of Qt's standard English buttons
        assert all(
            dialog.standardButton(button) == QMessageBox.StandardButton.NoButton
            for button in dialog.buttons()
        )
        next(button for button in dialog.buttons() if button.text() == text).click()

    QTimer.singleShot(0, click)
    return seen


def test_next_opens_the_new_indicator_at_its_question_with_the_keyboard_on_the_first_level(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    _window, wizard = open_wizard(qtbot, workspace, language)
    wizard.show_step(wizard.navigator.go_to(wizard.navigator.steps[1]))
    bar = wizard.indicator_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the indicator is taller than the screen
    bar.setValue(bar.maximum())
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert bar.value() == 0
    page, viewport = wizard.indicator_page, wizard.indicator_scroll.viewport()
    top = page.question.mapTo(viewport, QPoint(0, 0)).y()
    assert top >= 0 and top + page.question.height() <= viewport.height()
    assert QApplication.focusWidget() is page.level_buttons[0]
    qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
    assert bar.value() == 0 and QApplication.focusWidget() is page.level_buttons[0]


def test_a_field_reached_by_its_shortcut_is_scrolled_into_view(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    _window, wizard = open_wizard(qtbot, workspace, language)
    wizard.show_step(wizard.navigator.go_to(wizard.navigator.steps[1]))
    wizard.resize(wizard.width(), 420)
    QApplication.processEvents()
    page, viewport = wizard.indicator_page, wizard.indicator_scroll.viewport()
    qtbot.keyClick(page.level_buttons[0], Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.note
    top = page.note.mapTo(viewport, QPoint(0, 0)).y()
    assert top >= 0 and top + page.note.height() <= viewport.height()


def test_a_long_save_status_moves_no_button(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    _window, wizard = open_wizard(qtbot, workspace, language)
    wizard.show_step(wizard.navigator.next())
    QApplication.processEvents()

    def geometry(button: QWidget) -> tuple[int, int, int]:
        corner = button.mapTo(wizard, QPoint(0, 0))
        return corner.x(), corner.y(), button.width()

    buttons = (wizard.close_button, wizard.history_button, wizard.back_button, wizard.next_button)
    before = [geometry(button) for button in buttons]
    wizard._status("Not saved: " + "the database could not be written to, " * 12, error=True)
    QApplication.processEvents()
    assert [geometry(button) for button in buttons] == before
    assert wizard.save_status.is_elided() and wizard.save_status.toolTip().startswith("Not saved")


def test_tab_follows_the_visual_order_of_the_indicator_page(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    _window, wizard = open_wizard(qtbot, workspace, language)
    wizard.show_step(wizard.navigator.next())
    page = wizard.indicator_page
    page.level_buttons[2].click()  # the choices are one Tab stop (arrows move within)
    wizard.show_step(wizard.navigator.next())
    wizard.show_step(wizard.navigator.back())
    assert QApplication.focusWidget() is page.level_buttons[0]
    box = wizard.evidence_box
    assert box is not None
    expected: list[QWidget] = [
        page.evidence,
        page.note,
        page.answered_by,
        *(w for w in box.focus_order() if w.isVisibleTo(page) and w.isEnabled()),
        *page.guide_links.shown_buttons(),  # one Tab stop per related guide
        wizard.close_button,
        wizard.history_button,
        wizard.back_button,
        wizard.next_button,
    ]
    visited: list[QWidget | None] = []
    for _step in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        visited.append(page.answered_by if focused is page.answered_by.lineEdit() else focused)
    assert visited == expected
    chain = [widget for widget in page.focus_order() if widget.isVisible()]
    tops = [widget.mapTo(page, QPoint(0, 0)).y() for widget in chain]
    assert tops == sorted(tops)  # the chain is the order seen on the screen, top to bottom


def complete_from_review(wizard: AssessmentWizard, qtbot: QtBot, answer: str) -> list[str]:
    wizard.show_step(wizard.navigator.go_to("review"))
    seen = click_in_modal(qtbot, answer)
    qtbot.mouseClick(wizard.review_page.complete_button, Qt.MouseButton.LeftButton)
    return seen


def test_completing_asks_first_and_keep_editing_leaves_it_in_progress(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window, wizard = open_wizard(qtbot, workspace, language, answered=True)
    seen = complete_from_review(wizard, qtbot, "Keep editing")
    assert seen and set(seen) == {"Mark as completed", "Keep editing"}

    def status() -> AssessmentStatus:
        return workspace.assessments.get(wizard.assessment_id).status

    assert status() is AssessmentStatus.IN_PROGRESS
    complete_from_review(wizard, qtbot, "Mark as completed")
    assert status() is AssessmentStatus.COMPLETED
    assert window.assessments_page.stack.currentWidget() is window.assessments_page.results


def test_a_reviewer_reopens_a_completed_assessment_from_its_results(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    add_people(workspace, {"Admin": {"drafter"}, "Fatimé": {"reviewer"}, "Idriss": {"drafter"}})
    window, wizard = open_wizard(qtbot, workspace, language, answered=True)
    workspace.assessments.complete(wizard.assessment_id, actor="Amina")
    results = window.assessments_page.results
    window.assessments_page.show_results(wizard.assessment_id)
    assert results.reopen_button.isVisible()
    monkeypatch.setattr(QInputDialog, "exec", lambda dialog: dialog.setTextValue("Fix 2.1") or 1)
    results.current_user = lambda: "Idriss"
    results.reopen_button.click()
    assert "not a reviewer" in results.message.text()
    results.current_user = lambda: "Fatimé"
    with qtbot.waitSignal(results.reopened):
        results.reopen_button.click()
    summary = workspace.assessments.get(wizard.assessment_id)
    assert summary.status is AssessmentStatus.IN_PROGRESS and not results.reopen_button.isVisible()


def test_a_reviewer_reopens_from_the_results_and_the_wizard_opens_editable(
    qtbot, workspace, language, monkeypatch
) -> None:
    from acsg_desktop.core.demo.build import create_demo
    from acsg_desktop.core.records.assessment import AssessmentStatus
    from tests.gui.helpers import open_main_window

    demo = create_demo(workspace, "en")
    workspace.set_current_user("Fatimé Zakaria")  # a reviewer and signatory in the demo
    window = open_main_window(qtbot, workspace, language)
    page = window.assessments_page
    page.show_results(demo.baseline.id)
    monkeypatch.setattr(
        QInputDialog, "exec", lambda dialog: dialog.setTextValue("A figure was wrong.") or 1
    )
    page.results.reopen_button.click()
    assert workspace.assessments.get(demo.baseline.id).status is AssessmentStatus.IN_PROGRESS
    assert page.wizard is not None and not page.wizard.read_only
