"""Walking every screen of both windows, for tests that check each screen the same way.

``walk_screens(window, qtbot)`` opens, one after the other, every page and tab of the main
window and its main dialogs, and yields ``(name, widget)`` with the screen on show: the main
window itself for a page or tab, the dialog for a dialog (shown non-modal, closed when the walk
moves on). ``walk_desk_screens`` does the same for the Secretariat's desk window. A test loops
over them and checks each ``widget`` (layout fit, accessible names, tab order...)::

    window = open_demo_window(qtbot, workspace, language)
    for name, screen in walk_screens(window, qtbot):
        assert not problems(screen), name

The data: ``load_demo`` fills a folder as ``acsg demo`` does (two assessments, four requests,
the example offers, the shipped guides); ``demo_desk_packages`` exports packages of a demo
authority for the desk to receive. The walk works in whichever language is active; switch with
``language.apply(...)`` between two walks to check a live language switch.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from acsg_desktop.core.assessment.navigator import CONTEXT_STEP, REVIEW_STEP
from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.demo.script import PEOPLE
from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.i18n import current_language
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.records.guides import GuideFilters
from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.about_dialog import AboutDialog
from acsg_desktop.gui.assessment.action_dialog import ActionDialog
from acsg_desktop.gui.assessment.new_assessment_dialog import NewAssessmentDialog
from acsg_desktop.gui.desk.desk_window import DeskWindow
from acsg_desktop.gui.desk.key_dialog import DeskKeyDialog
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.settings.first_run_dialog import FirstRunDialog
from acsg_desktop.gui.widgets.history_dialog import HistoryDialog

SCREEN_SIZE = (1366, 768)
DEMO_USER = PEOPLE[2]
PASSPHRASE = b"a long enough passphrase for the walk"


def settle() -> None:
    """Let layouts, lazy lists and deferred resizes run, and dropped pages be deleted."""
    for _ in range(3):
        QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def load_demo(workspace: Workspace, language: str = "en", identity: bool = False) -> None:
    """The demo data of ``acsg demo`` (in ``language``); with ``identity``, a signing identity
    and one package written, so the Packages page has an identity and an outbox."""
    demo = create_demo(workspace, language)
    workspace.set_current_user(DEMO_USER)
    if identity:
        IdentityStore(workspace.data_dir).create(DEMO_USER, workspace.profiles.get(), PASSPHRASE)
        target = workspace.data_dir / "walk.acsgpkg"
        workspace.exports.export(demo.baseline.id, DEMO_USER, PASSPHRASE, target, language)


def open_demo_window(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> MainWindow:
    """A shown main window of ``SCREEN_SIZE`` over a folder filled by ``load_demo``."""
    window = MainWindow(workspace, language)
    qtbot.addWidget(window)
    window.resize(*SCREEN_SIZE)
    window.show()
    qtbot.waitExposed(window)
    return window


def _dialog(qtbot: QtBot, dialog: QDialog) -> Iterator[tuple[str, QWidget]]:
    """Show ``dialog`` for one step of the walk, then delete it (a later language switch
    must not reach a dialog whose window is gone)."""
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    try:
        yield dialog.objectName(), dialog
    finally:
        dialog.close()
        dialog.deleteLater()
        settle()


def walk_assessments(window: MainWindow, qtbot: QtBot) -> Iterator[tuple[str, QWidget]]:
    """The list, the wizard (contexts, an indicator, its history, the review), the results."""
    window.show_area(window.pages.indexOf(window.assessments_page))
    page = window.assessments_page
    page.show_list()
    settle()
    yield "assessments", window
    service = window._workspace.assessments
    follow_up, baseline = service.list()[0], service.list()[-1]
    page.open_wizard(follow_up.id)
    wizard = page.wizard
    assert wizard is not None
    indicators = [s for s in wizard.navigator.steps if s not in (CONTEXT_STEP, REVIEW_STEP)]
    step = indicators[0]
    for name, shown in (("wizard-contexts", CONTEXT_STEP), ("wizard-indicator", step)):
        wizard.show_step(wizard.navigator.go_to(shown))
        settle()
        yield name, window
    question = wizard.framework.indicator(step).question.get()
    history = HistoryDialog(question, service.answer_history(follow_up.id, step), window)
    history.setObjectName("answer-history")
    yield from _dialog(qtbot, history)
    wizard.show_step(wizard.navigator.go_to(REVIEW_STEP))
    settle()
    yield "wizard-review", window
    dialog = NewAssessmentDialog(service.list(), baseline.id, window)
    dialog.setObjectName("new-assessment")
    yield from _dialog(qtbot, dialog)
    yield from walk_results(window, follow_up.id)
    yield from walk_action_plan(window, qtbot, follow_up.id)
    page.show_list()


def walk_results(window: MainWindow, assessment_id: int) -> Iterator[tuple[str, QWidget]]:
    """Every tab of the results; on the gaps tab the first gap is selected (its details)."""
    page = window.assessments_page
    page.show_results(assessment_id)
    results = page.results
    for tab in range(results.tabs.count()):
        results.tabs.setCurrentIndex(tab)
        if results.tabs.currentWidget() is results.gaps.parentWidget():
            results.gaps.setCurrentIndex(results.gaps.model().index(0, 0))
        settle()
        yield f"results-{tab + 1}", window


def walk_action_plan(
    window: MainWindow, qtbot: QtBot, assessment_id: int
) -> Iterator[tuple[str, QWidget]]:
    """The results' action plan with two actions made from the first gaps, and its dialog."""
    results = window.assessments_page.results
    plan = results.plan
    assert plan is not None
    if not plan.model.rowCount():
        plan.add_from_gaps(window._workspace.assessments.scores(assessment_id).gaps[:2])
    results.tabs.setCurrentWidget(plan)
    settle()
    yield "action-plan", window
    action = plan.selected()
    assert action is not None
    gap = plan.model.gap_name(action.content.gap)
    people = window._workspace.people_names()
    dialog = ActionDialog(action.content, action.status, gap, people, lambda *_: None, window)
    dialog.setObjectName("action-dialog")
    yield from _dialog(qtbot, dialog)


def walk_requests(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """The list, then every tab of the editor on a draft (editable) and on one in review."""
    window.show_area(window.pages.indexOf(window.requests_page))
    page = window.requests_page
    page.show_list()
    settle()
    yield "requests", window
    listed = window._workspace.requests.list()
    for status in (RequestStatus.DRAFT, RequestStatus.IN_REVIEW):
        request = next(r for r in listed if r.status is status)
        page.open_editor(request.id)
        editor = page.editor
        assert editor is not None
        for tab in range(editor.tabs.count()):
            editor.tabs.setCurrentIndex(tab)
            settle()
            yield f"request-{status.value}-{tab + 1}", window
        page.show_list()


def walk_offers(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """The catalogue with an offer's details, then every other tab."""
    page = window.offers_page
    window.show_area(window.pages.indexOf(page))
    offers = page.visible_offers()
    page.select_offer(offers[0].id if offers else None)
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        settle()
        yield f"offers-{tab + 1}", window
    page.tabs.setCurrentIndex(0)


def walk_guides(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """The guide list, then the reader on the first guide."""
    page = window.guides_page
    window.show_area(window.pages.indexOf(page))
    settle()
    yield "guides", window
    guides = window._workspace.guides.list(current_language(), GuideFilters())
    if guides:
        page.open_guide(guides[0].guide_id)
        settle()
        yield "guide-reader", window


def walk_screens(window: MainWindow, qtbot: QtBot) -> Iterator[tuple[str, QWidget]]:
    """Every page, tab and main dialog of ``window`` (see the module's docstring)."""
    window.show_area(window.pages.indexOf(window.overview_page))
    settle()
    yield "overview", window
    yield from walk_assessments(window, qtbot)
    yield from walk_requests(window)
    yield from walk_offers(window)
    window.show_area(window.pages.indexOf(window.packages_page))
    settle()
    yield "packages", window
    yield from walk_guides(window)
    window.show_area(window.pages.indexOf(window.settings_page))
    settle()
    yield "settings", window
    workspace = window._workspace
    first_run = FirstRunDialog(workspace.profiles, window._language)
    first_run.setObjectName("first-run-errors")
    first_run.form.validate()  # an empty form: every field's error is on show
    yield from _dialog(qtbot, first_run)
    about = AboutDialog(workspace.data_dir, window)
    about.setObjectName("about")
    yield from _dialog(qtbot, about)
    window.show_area(0)


def demo_desk_packages(root: Path, language: str = "en") -> list[Path]:
    """Packages of a demo authority (its baseline), for a desk to receive."""
    folder, package = root / "authority", root / "demo.acsgpkg"
    with Workspace.open(folder) as workspace:
        load_demo(workspace, language)
        demo = workspace.assessments.list()[-1]
        IdentityStore(folder).create(DEMO_USER, workspace.profiles.get(), PASSPHRASE)
        workspace.exports.export(demo.id, DEMO_USER, PASSPHRASE, package, language)
    return [package]


def open_desk_window(qtbot: QtBot, desk: DeskWorkspace, language: LanguageSwitcher) -> DeskWindow:
    """A shown desk window of ``SCREEN_SIZE``."""
    window = DeskWindow(desk, language)
    qtbot.addWidget(window)
    window.resize(*SCREEN_SIZE)
    window.show()
    qtbot.waitExposed(window)
    return window


def walk_desk_screens(window: DeskWindow, qtbot: QtBot) -> Iterator[tuple[str, QWidget]]:
    """Every page of the desk window (the first package selected), its key dialog and About."""
    window.show_area(0)
    page = window.received_page
    page.refresh()
    if page.model.rowCount():
        page.table.selectRow(0)
    settle()
    yield "desk-received", window
    window.show_area(1)
    tabs = window.dashboard_page.tabs
    for tab in range(tabs.count()):
        tabs.setCurrentIndex(tab)
        settle()
        yield f"desk-dashboard-{tab + 1}", window
    tabs.setCurrentIndex(0)
    window.show_area(2)
    settle()
    yield "desk-certificates", window
    key = DeskKeyDialog(window._desk.trust, window)
    key.setObjectName("desk-key")
    yield from _dialog(qtbot, key)
    about = AboutDialog(window._desk.folder, window)
    about.setObjectName("desk-about")
    yield from _dialog(qtbot, about)
    window.show_area(0)
