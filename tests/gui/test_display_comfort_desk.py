"""The desk window has the same View menu: at 130 % its screens still fit, and high contrast
reaches its heat map, need bars and the colours of its tables. Both windows' status bars keep
who works whole and elide a long folder in the middle, the whole path in the tooltip."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.desk.heat_map import score_colour, text_colour
from acsg_desktop.gui.desk.package_table_model import HELD_COLOUR
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.widgets.colours import contrast_ratio
from acsg_desktop.gui.widgets.display_comfort import comfort
from acsg_desktop.gui.widgets.high_contrast import BLACK
from tests.gui.fit_checks import fit_problems
from tests.gui.screen_walk import open_desk_window, walk_desk_screens

STATE_COLUMN_ROLE = Qt.ItemDataRole.ForegroundRole


@pytest.fixture(autouse=True)
def normal_display(qapp: QApplication) -> Iterator[None]:
    yield
    comfort().set_text_size(100)
    comfort().set_high_contrast(False)


def test_every_desk_screen_fits_at_130_percent_text(
    qtbot: QtBot,
    received_desk: DeskWorkspace,
    language: LanguageSwitcher,
) -> None:
    window = open_desk_window(qtbot, received_desk, language)
    window.view_actions.larger_action.trigger()
    window.view_actions.larger_action.trigger()
    assert comfort().text_size == 130
    problems = {
        name: found
        for name, screen in walk_desk_screens(window, qtbot)
        if (found := fit_problems(screen, scroll_down=True))
    }
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_high_contrast_reaches_the_desk_charts_and_table_colours(
    qtbot: QtBot,
    received_desk: DeskWorkspace,
    language: LanguageSwitcher,
) -> None:
    window = open_desk_window(qtbot, received_desk, language)
    normal = [score_colour(value) for value in (0, 30, 50, 80, 100, None)]
    window.view_actions.contrast_action.trigger()
    assert comfort().high_contrast
    for value in (0, 30, 50, 80, 100, None):
        fill = score_colour(value)
        assert contrast_ratio(text_colour(fill), fill) >= 7, value
    model = window.received_page.model
    shown = model.index(0, 0).data(STATE_COLUMN_ROLE)  # any cell: a colour or none
    assert shown is None or contrast_ratio(QColor(shown), BLACK) >= 7
    assert contrast_ratio(HELD_COLOUR, BLACK) < 7  # so it is the mapping that reaches 7:1
    window.view_actions.contrast_action.trigger()
    assert [score_colour(value) for value in (0, 30, 50, 80, 100, None)] == normal


def test_the_status_bar_keeps_who_whole_and_elides_a_long_folder(
    qtbot: QtBot, tmp_path: Path, language: LanguageSwitcher
) -> None:
    deep = tmp_path.joinpath(*["a-rather-long-folder-name"] * 12)
    with Workspace.open(deep) as workspace:
        window = MainWindow(workspace, language)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        comfort().set_text_size(130)
        qtbot.waitUntil(lambda: window.folder_label.is_elided())
        assert str(deep) in window.folder_label.toolTip()
        assert not window.status_label.is_elided()
        assert window.width() <= 1366
        assert fit_problems(window.statusBar()) == []
        window.close()
