"""Accessibility as a screen reader and a low-vision user meet it: every control Tab reaches has a
name, no Alt+letter is claimed twice on a screen (English and French), text has a contrast of
4.5:1 or more, the focus can be seen, changes are announced, and the window still works at 150 %
scale on a 1366x768 screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.widgets.accessible_style import ERROR_COLOUR, FOCUS_COLOUR
from acsg_desktop.gui.widgets.charts import EARLIER_COLOUR, BarChart, Series
from acsg_desktop.gui.widgets.colours import contrast_ratio
from tests.gui.a11y_checks import mnemonic_clashes, unnamed_controls
from tests.gui.screen_walk import (
    load_demo,
    open_demo_window,
    open_desk_window,
    settle,
    walk_desk_screens,
    walk_screens,
)

LANGUAGES = SUPPORTED_LANGUAGES  # English, French, Spanish
Role, Group = QPalette.ColorRole, QPalette.ColorGroup
TEXT_PAIRS = (  # (text, background) as the widgets draw them
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
    (Role.LinkVisited, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),
)
SCALED_SCREEN = (1366 * 2 // 3, 768 * 2 // 3)  # 1366x768 at 150 %: 910x512 logical pixels


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts sent to screen readers as announcements."""
    said: list[str] = []

    def record(event: object) -> None:
        if hasattr(event, "message"):
            said.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return said


def test_every_control_tab_reaches_has_a_name_in_both_languages(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    load_demo(workspace, identity=True)
    window = open_demo_window(qtbot, workspace, language)
    problems: dict[str, list[str]] = {}
    for code in LANGUAGES:
        language.apply(code, remember=False)
        for name, screen in walk_screens(window, qtbot):
            if found := unnamed_controls(screen):
                problems[f"{code} {name}"] = found
    assert problems == {}


def test_no_alt_letter_is_claimed_twice_on_a_screen_in_either_language(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    """(French: "&Langue" and the results' "Lire le guide" once both said Alt+L.)"""
    load_demo(workspace, identity=True)
    window = open_demo_window(qtbot, workspace, language)
    problems: dict[str, list[str]] = {}
    for code in LANGUAGES:
        language.apply(code, remember=False)
        for name, screen in walk_screens(window, qtbot):
            if found := mnemonic_clashes(screen):
                problems[f"{code} {name}"] = found
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_the_desk_names_its_controls_and_keeps_its_mnemonics_apart(
    qtbot: QtBot, received_desk: DeskWorkspace, language: LanguageSwitcher
) -> None:
    window = open_desk_window(qtbot, received_desk, language)
    problems: dict[str, list[str]] = {}
    for code in LANGUAGES:
        language.apply(code, remember=False)
        for name, screen in walk_desk_screens(window, qtbot):
            if found := unnamed_controls(screen) + mnemonic_clashes(screen):
                problems[f"{code} {name}"] = found
    assert problems == {}


def test_text_colours_have_a_contrast_of_at_least_4_5_to_1(language: LanguageSwitcher) -> None:
    palette = QApplication.palette()
    low = {
        f"{group.name} {text.name} on {back.name}": round(ratio, 2)
        for group in (Group.Active, Group.Inactive)
        for text, back in TEXT_PAIRS
        if (ratio := contrast_ratio(palette.color(group, text), palette.color(group, back))) < 4.5
    }
    assert low == {}
    window = palette.color(Role.Window)
    assert contrast_ratio(ERROR_COLOUR, window) >= 4.5
    assert contrast_ratio(FOCUS_COLOUR, window) >= 3  # a focus frame is graphics: 3:1
    assert contrast_ratio(EARLIER_COLOUR, palette.color(Role.Base)) >= 3  # a chart's line


def test_progress_text_over_the_filled_part_has_a_contrast_of_at_least_4_5_to_1(
    qtbot: QtBot, language: LanguageSwitcher
) -> None:
    """Fusion fills the bar with a gradient lighter than the highlight: measured on screen."""
    bar = QProgressBar()
    qtbot.addWidget(bar)
    bar.setRange(0, 100)
    bar.setValue(90)
    bar.resize(300, 24)
    bar.show()
    settle()
    image = bar.grab().toImage()
    text = bar.palette().color(Role.HighlightedText)
    fill = {image.pixelColor(x, y).name() for x in range(4, 10) for y in range(4, 20)}
    assert fill and min(contrast_ratio(text, QColor(name)) for name in fill) >= 4.5


def _focus_pixels(widget: QWidget) -> int:
    """Pixels of the focus colour around and on ``widget``, in its window."""
    window = widget.window()
    settle()
    corner = widget.mapTo(window, QPoint(0, 0))
    area = widget.rect().translated(corner).adjusted(-4, -4, 4, 4)
    image = window.grab(area).toImage()
    return sum(
        contrast_ratio(image.pixelColor(x, y), FOCUS_COLOUR) < 1.05
        for x in range(image.width())
        for y in range(image.height())
    )


def test_the_focus_can_be_seen_on_a_button_a_table_and_a_tab(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    load_demo(workspace)
    window = open_demo_window(qtbot, workspace, language)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.assessments_page
    window.show_area(window.pages.indexOf(page))  # the window opens on the overview
    page.show_results(workspace.assessments.list()[0].id)
    tab_bar = page.results.tabs.tabBar()
    button = page.results.back_button
    for widget in (button, tab_bar, page.table):
        if widget is page.table:
            page.show_list()
        assert widget.isVisible(), widget  # a hidden control's pixels prove nothing
        window.navigation.setFocus()
        before = _focus_pixels(widget)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        after = _focus_pixels(widget)
        # a ring of 2 px around the control (a frame of 2 px round the tab)
        assert after - before > 2 * (widget.width() if widget is not tab_bar else 60), widget


def test_changes_are_announced_to_screen_readers(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, announced: list[str]
) -> None:
    load_demo(workspace)
    window = open_demo_window(qtbot, workspace, language)
    window.show_area(window.pages.indexOf(window.requests_page))
    assert window.requests_page.title.text() in announced  # a page shown says its title
    page = window.assessments_page
    window.show_area(window.pages.indexOf(window.assessments_page))
    page.open_wizard(workspace.assessments.list()[0].id)
    wizard = page.wizard
    assert wizard is not None
    announced.clear()
    wizard.show_step(wizard.navigator.steps[1])  # the step: its area and question
    assert any(wizard.indicator_page.question.text() in text for text in announced)
    wizard.indicator_page.level_buttons[1].click()
    assert any(text.startswith("Saved at") for text in announced)


def test_a_form_error_is_tied_to_its_field_which_gets_the_keyboard(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    load_demo(workspace)
    window = open_demo_window(qtbot, workspace, language)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_area(window.pages.indexOf(window.requests_page))
    draft = next(r for r in workspace.requests.list() if r.status.value == "draft")
    window.requests_page.open_editor(draft.id)
    form = window.requests_page.editor.form  # type: ignore[union-attr]
    form.show_problems({"budget": "Say how much.", "contact_person": "Say who."})
    assert QApplication.focusWidget() is form.budget  # the first, in the form's order
    assert form.budget.accessibleDescription() == "Say how much."
    assert form.contact_person.accessibleDescription() == "Say who."
    form.show_problems({})
    assert form.budget.accessibleDescription() == ""


def test_a_chart_is_named_and_its_description_compares_both_series(
    qtbot: QtBot, language: LanguageSwitcher
) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_data(
        {"a": "Access"},
        Series("2026 follow-up", {"a": 60.0}),
        Series("2025 baseline", {"a": 40.0}),
    )
    assert chart.accessibleName() == "Scores by area (bar chart)"
    description = chart.accessibleDescription()
    assert "Access" in description and "2025 baseline" in description
    assert "60" in description and "40" in description
    assert chart.focusPolicy() & Qt.FocusPolicy.TabFocus  # a screen reader can reach it


def _reached(button: QPushButton) -> bool:
    """Tab can put the keyboard on ``button`` (a disabled one: it can be scrolled to), and then
    all of it is in view."""
    if button.isEnabled():
        button.window().findChild(QListWidget).setFocus()  # the navigation, then the button
        button.setFocus(Qt.FocusReason.TabFocusReason)
    else:
        area = button.window().findChild(QScrollArea, "pages-scroll")
        assert area is not None
        area.ensureWidgetVisible(button)
    settle()
    shown = button.visibleRegion().boundingRect()
    focused = QApplication.focusWidget() is button or not button.isEnabled()
    return focused and shown.size() == button.size()


def test_at_150_percent_the_window_fits_and_back_next_export_and_print_are_reached(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    """A 1366x768 screen at 150 % is 910x512: measured in logical pixels, as Qt lays out."""
    load_demo(workspace, identity=True)
    window = open_demo_window(qtbot, workspace, language)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    width, height = SCALED_SCREEN[0], SCALED_SCREEN[1] - 30  # 30: the title bar
    follow_up = workspace.assessments.list()[0].id
    unreached: list[str] = []
    for code in LANGUAGES:
        language.apply(code, remember=False)
        for _name, _screen in walk_screens(window, qtbot):
            pass  # every page built: each one counts in the window's minimum size
        window.activateWindow()  # the walk's dialogs took the activation
        qtbot.waitUntil(window.isActiveWindow)
        hint = window.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height, (code, hint)
        window.resize(width, height)
        page = window.assessments_page
        window.show_area(window.pages.indexOf(window.assessments_page))
        page.open_wizard(follow_up)
        wizard = page.wizard
        assert wizard is not None
        wizard.show_step(wizard.navigator.steps[1])
        buttons = [wizard.back_button, wizard.next_button]
        unreached += [f"{code} {b.text()}" for b in buttons if not _reached(b)]
        page.show_results(follow_up)
        unreached += [] if _reached(page.results.export_button) else [f"{code} export CSV"]
        window.show_area(window.pages.indexOf(window.packages_page))
        export = window.packages_page.export_box.button
        unreached += [] if _reached(export) else [f"{code} export package"]
        window.show_area(window.pages.indexOf(window.guides_page))
        window.guides_page.open_guide("working-with-interpreters")
        printing = window.guides_page.reader.print_button
        unreached += [] if _reached(printing) else [f"{code} print"]
        window.resize(1366, 768)
    assert unreached == []
