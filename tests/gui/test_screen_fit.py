"""Every screen fits 1366x768 in English, then in French after a live switch: no sideways
scrolling, no clipped or elided text (see fit_checks.py for what is measured)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES, _
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from tests.gui import fit_checks
from tests.gui.fit_checks import fit_problems
from tests.gui.screen_walk import (
    load_demo,
    open_demo_window,
    open_desk_window,
    walk_desk_screens,
    walk_screens,
)

LANGUAGES = SUPPORTED_LANGUAGES  # English, French, Spanish


def test_the_french_catalogue_is_the_one_in_use(language: LanguageSwitcher) -> None:
    language.apply("fr", remember=False)
    assert _("Settings") == "Paramètres"


def test_every_screen_of_the_main_window_fits_in_both_languages(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    load_demo(workspace, identity=True)
    window = open_demo_window(qtbot, workspace, language)
    problems: dict[str, list[str]] = {}
    seen = []
    for code in LANGUAGES:
        language.apply(code, remember=False)
        for name, screen in walk_screens(window, qtbot):
            seen.append(name)
            if found := fit_problems(screen):
                problems[f"{code} {name}"] = found
    expected = {"overview", "results-1", "results-2", "request-draft-1", "settings"}
    assert expected | {"first-run-errors"} <= set(seen)
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_every_screen_of_the_desk_fits_in_both_languages(
    qtbot: QtBot, received_desk: DeskWorkspace, language: LanguageSwitcher
) -> None:
    window = open_desk_window(qtbot, received_desk, language)
    problems: dict[str, list[str]] = {}
    for code in LANGUAGES:
        language.apply(code, remember=False)
        for name, screen in walk_desk_screens(window, qtbot):
            if found := fit_problems(screen):
                problems[f"{code} {name}"] = found
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def _shown_box(qtbot: QtBot, width: int = 300) -> tuple[QWidget, QVBoxLayout]:
    box = QWidget()
    qtbot.addWidget(box)
    box.setFixedWidth(width)
    return box, QVBoxLayout(box)


def test_the_checks_find_a_clipped_label_button_and_cell(qtbot: QtBot) -> None:
    box, layout = _shown_box(qtbot)
    long_text = "A label far too long for the narrow box it was put in, on one line " * 2
    label, button = QLabel(long_text, box), QPushButton(long_text, box)
    label.setMinimumWidth(1)  # as a layout squeezing it would
    button.setMinimumWidth(1)
    table = QTableWidget(1, 1, box)
    table.setWordWrap(False)
    table.setItem(0, 0, QTableWidgetItem(long_text))
    for widget in (label, button, table):
        layout.addWidget(widget)
    box.show()
    qtbot.waitExposed(box)
    problems = " | ".join(fit_problems(box))
    assert "QLabel" in problems and "QPushButton" in problems and "cell is cut" in problems
    table.item(0, 0).setToolTip(long_text)  # the whole text on hover: a narrow cell may elide
    label.setWordWrap(True)
    label.setMinimumHeight(label.heightForWidth(label.width()))
    button.setText("OK")
    assert fit_problems(box) == []


def test_a_label_is_as_wide_as_qt_draws_its_alt_letter(qtbot: QtBot) -> None:
    """Qt draws the Alt letter as a run of its own: a kerned font measured « &Taille du texte »
    two pixels narrower than it was drawn, and its last letter was cut. The app's font has no
    kerning; the check finds a label whose drawn text is wider than its room."""
    box, layout = _shown_box(qtbot)
    label, field = QLabel("&Taille du texte", box), QLineEdit(box)
    label.setBuddy(field)
    layout.addWidget(label, 0, Qt.AlignmentFlag.AlignLeft)
    layout.addWidget(field)
    box.show()
    qtbot.waitExposed(box)
    assert not QApplication.font().kerning()
    assert fit_problems(box) == []
    kerned = label.font()
    kerned.setKerning(True)
    label.setFont(kerned)
    label.setFixedWidth(label.sizeHint().width())  # a form layout gives it its size hint
    assert fit_checks.drawn_width(label) > label.contentsRect().width()
    assert any("is drawn" in problem for problem in fit_problems(box))


def test_a_sideways_scroll_bar_is_a_problem_unless_the_grid_is_allowed_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    box, layout = _shown_box(qtbot)
    area = QScrollArea(box)
    wide = QWidget()
    wide.setMinimumSize(900, 40)
    area.setWidget(wide)
    area.setObjectName("wide-grid")
    layout.addWidget(area)
    box.show()
    qtbot.waitExposed(box)
    assert any("scrolls sideways" in problem for problem in fit_problems(box))
    monkeypatch.setattr(fit_checks, "SIDEWAYS_ALLOWED", frozenset({"wide-grid"}))
    assert fit_problems(box) == []
