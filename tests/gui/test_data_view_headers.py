"""The desk's tables show a long column heading on two lines (the whole one in its tooltip), so
a column of short values does not push the table sideways at a larger text size."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from acsg_desktop.gui.desk.data_view import fill_table, header_label, make_table

LONG = "Change since the previous package (points)"


def test_a_long_heading_is_broken_at_the_space_nearest_its_middle() -> None:
    assert header_label(LONG) == "Change since the previous\npackage (points)"
    assert header_label("Held packages") == "Held\npackages"


def test_short_and_one_word_headings_stay_whole() -> None:
    assert header_label("Overall") == "Overall"
    assert header_label("Score global") == "Score global"
    assert header_label("Adaptabilité-efficacité") == "Adaptabilité-efficacité"


def test_the_table_shows_the_broken_heading_and_its_whole_text_on_hover(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    table = make_table(parent)
    fill_table(table, ["Country", LONG], [["Valdoria", "+3"]])
    item = table.horizontalHeaderItem(1)
    assert item.text() == header_label(LONG)
    assert item.toolTip() == LONG
    assert table.horizontalHeaderItem(0).text() == "Country"
