"""Text size and high contrast: applied live to every screen, remembered per data folder, and
at 130 % every screen still fits 1366x768."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from acsg_desktop.core.preferences import load_settings
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.fonts import FONT_POINT_SIZE
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.widgets.accessible_style import ERROR_STYLE, focus_pen_colour
from acsg_desktop.gui.widgets.charts import CURRENT_COLOUR, EARLIER_COLOUR, GRID_COLOUR
from acsg_desktop.gui.widgets.colours import contrast_ratio
from acsg_desktop.gui.widgets.display_comfort import comfort
from acsg_desktop.gui.widgets.high_contrast import BLACK, colour_for_mode
from tests.gui.fit_checks import fit_problems
from tests.gui.screen_walk import load_demo, open_demo_window, walk_screens

ROLE = QPalette.ColorRole
TEXT_ON = [
    (ROLE.WindowText, ROLE.Window),
    (ROLE.Text, ROLE.Base),
    (ROLE.ButtonText, ROLE.Button),
    (ROLE.HighlightedText, ROLE.Highlight),
    (ROLE.PlaceholderText, ROLE.Base),
    (ROLE.Link, ROLE.Base),
    (ROLE.ToolTipText, ROLE.ToolTipBase),
]


@pytest.fixture(autouse=True)
def normal_display(qapp: QApplication) -> Iterator[None]:
    yield
    comfort().set_text_size(100)
    comfort().set_high_contrast(False)


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> MainWindow:
    shown = MainWindow(workspace, language)
    qtbot.addWidget(shown)
    return shown


def test_ctrl_plus_and_minus_scale_every_text_and_ctrl_0_restores_it(window: MainWindow) -> None:
    title = window.settings_page.title
    title_size = title.font().pointSizeF()
    window.view_actions.larger_action.trigger()
    assert comfort().text_size == 115
    assert QApplication.font().pointSizeF() == pytest.approx(FONT_POINT_SIZE * 1.15)
    assert title.font().pointSizeF() == pytest.approx(title_size * 1.15)  # its own font too
    window.view_actions.smaller_action.trigger()
    window.view_actions.smaller_action.trigger()
    assert comfort().text_size == 90
    window.view_actions.normal_action.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(FONT_POINT_SIZE)
    assert title.font().pointSizeF() == pytest.approx(title_size)
    assert [a.shortcut().toString() for a in window.view_actions.menu.actions()[:3]] == [
        "Ctrl++",
        "Ctrl+-",
        "Ctrl+0",
    ]


def test_the_choice_is_remembered_by_the_data_folder_and_shown_in_settings(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    language: LanguageSwitcher,
    tmp_path: Path,
) -> None:
    page = window.settings_page
    page.text_size.setCurrentIndex(page.text_size.findData(130))
    page.text_size.activated.emit(page.text_size.currentIndex())
    window.view_actions.contrast_action.trigger()
    assert page.high_contrast.isChecked() and comfort().high_contrast
    stored = load_settings(workspace.data_dir)
    assert (stored.text_size, stored.high_contrast) == ("130", "on")
    comfort().attach(tmp_path)  # another folder, with nothing chosen: normal again
    assert not comfort().high_contrast and comfort().text_size == 100
    again = MainWindow(workspace, language)
    qtbot.addWidget(again)
    assert again.view_actions.contrast_action.isChecked()
    assert again.settings_page.text_size.currentData() == 130
    assert QApplication.font().pointSizeF() == pytest.approx(FONT_POINT_SIZE * 1.3)


def test_high_contrast_reaches_7_to_1_in_the_palette_style_sheets_charts_and_focus(
    window: MainWindow,
) -> None:
    page = window.settings_page
    page.high_contrast.setChecked(True)
    palette = QApplication.palette()
    for text, background in TEXT_ON:
        assert contrast_ratio(palette.color(text), palette.color(background)) >= 7, text
    error = QLabel(page)
    error.setStyleSheet(ERROR_STYLE)  # set while high contrast shows: rewritten at once
    shown = QColor(error.styleSheet().split("color:")[1].strip(" ;"))
    assert contrast_ratio(shown, BLACK) >= 7
    for colour in (CURRENT_COLOUR, EARLIER_COLOUR, GRID_COLOUR):
        assert contrast_ratio(colour_for_mode(colour), palette.color(ROLE.Window)) >= 7
    assert contrast_ratio(focus_pen_colour(palette.color(ROLE.Window)), BLACK) >= 7
    assert contrast_ratio(focus_pen_colour(palette.color(ROLE.Highlight)), QColor("#ffff00")) >= 7
    page.high_contrast.setChecked(False)
    assert error.styleSheet() == ERROR_STYLE  # its own sheet is back
    assert colour_for_mode(CURRENT_COLOUR) == CURRENT_COLOUR
    assert not window.view_actions.contrast_action.isChecked()


def test_every_screen_fits_at_130_percent_text(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    load_demo(workspace, identity=True)
    window = open_demo_window(qtbot, workspace, language)
    comfort().set_text_size(130)
    problems = {
        name: found
        for name, screen in walk_screens(window, qtbot)
        if (found := fit_problems(screen, scroll_down=True))
    }
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_the_areas_list_widens_with_the_text_size(window: MainWindow) -> None:
    before = window.navigation.maximumWidth()
    comfort().set_text_size(150)
    QApplication.processEvents()
    longest = max(
        window.navigation.fontMetrics().horizontalAdvance(window.navigation.item(row).text())
        for row in range(window.navigation.count())
    )
    assert window.navigation.maximumWidth() > before and window.navigation.maximumWidth() > longest
