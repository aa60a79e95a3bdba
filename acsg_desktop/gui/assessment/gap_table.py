"""The results' gap list: a few short columns, one row per gap, the question wrapped; the
gap's next step and guides are in the detail pane beside it (gap_detail.py)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.gui.assessment.gap_detail import gap_level_text
from acsg_desktop.gui.assessment.gap_offers_panel import GapOffersPanel
from acsg_desktop.gui.widgets.cells import text_cell

GAP_HEADERS = ("#", N_("Indicator"), N_("Level"), N_("Target"), N_("Possible offers"))
COL_NUMBER, COL_QUESTION, COL_LEVEL, COL_TARGET, COL_OFFERS = range(len(GAP_HEADERS))
# Words that wrap ("Insufficient information", "No open offer fits...") get a set width.
GAP_WIDTHS = {COL_LEVEL: 90, COL_OFFERS: 150}


def make_table(parent: QWidget, columns: int) -> QTableWidget:
    table = QTableWidget(parent)
    table.setColumnCount(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    return table


def make_gap_table(parent: QWidget, offers: GapOffersPanel | None) -> QTableWidget:
    """The gap list, several rows selectable, the offers column shown only with offers."""
    table = make_table(parent, len(GAP_HEADERS))
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setColumnHidden(COL_OFFERS, offers is None)
    header = table.horizontalHeader()
    for column in range(len(GAP_HEADERS)):
        if column == COL_QUESTION:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        elif column in GAP_WIDTHS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, GAP_WIDTHS[column])
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def make_gaps_tab(
    parent: QWidget,
    table: QTableWidget,
    details: Sequence[QWidget | None],
    buttons: Sequence[QWidget],
) -> QWidget:
    """The list on the left (two thirds), on the right ``details`` one above the other (the
    gap in full, then its offers; None left out), ``buttons`` in a row below both."""
    tab = QWidget(parent)
    split = QSplitter(Qt.Orientation.Horizontal, tab)
    split.setChildrenCollapsible(False)
    split.addWidget(table)
    column = QSplitter(Qt.Orientation.Vertical, split)
    column.setChildrenCollapsible(False)
    for widget in details:
        if widget is not None:
            column.addWidget(widget)
    column.setSizes([250, 210][: column.count()])  # the offers: a card and a half in view
    split.addWidget(column)
    split.setStretchFactor(0, 2)  # the list: its questions wrap on a few lines
    split.setStretchFactor(1, 1)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    layout = QVBoxLayout(tab)
    layout.addWidget(split, 1)
    layout.addLayout(row)
    return tab


def gap_headers() -> list[str]:
    return [_(header) if header != "#" else header for header in GAP_HEADERS]


def fill_gap_table(
    table: QTableWidget,
    framework: Framework,
    rows: list[Gap],
    offers: GapOffersPanel | None,
) -> None:
    """One row per gap, numbered from 1, in the current language."""
    table.setRowCount(len(rows))
    for row, gap in enumerate(rows):
        area = framework.area(gap.area_id).title.get()
        values = (
            str(row + 1),
            framework.indicator(gap.indicator_id).question.get(),
            gap_level_text(gap),
            str(gap.target_level),
            offers.mark(gap) if offers is not None else "",
        )
        for column, value in enumerate(values):
            table.setItem(row, column, text_cell(value, area if column == COL_QUESTION else None))
        if offers is not None:
            offers.tint(table.item(row, COL_OFFERS), gap)
