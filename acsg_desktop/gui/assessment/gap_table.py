"""The results' gap table: its columns, their widths, and one row per gap."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from acsg_desktop.core.assessment.rules import gap_next_step
from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.gui.assessment.gap_offers_panel import GapOffersPanel

GAP_HEADERS = (
    "#",
    N_("Area"),
    N_("Indicator"),
    N_("Level"),
    N_("Target"),
    N_("Priority"),
    N_("Next step"),
    N_("Related guides"),
    N_("Possible offers"),
)
COL_OFFERS = 8
# Long names wrap in columns of a set width, so the question and the next step keep room.
GAP_WIDTHS = {1: 170, 3: 90, 7: 170, COL_OFFERS: 140}
STRETCHED = (2, 6)


def make_table(parent: QWidget, columns: int) -> QTableWidget:
    table = QTableWidget(parent)
    table.setColumnCount(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    return table


def make_gap_table(parent: QWidget, offers: GapOffersPanel | None) -> QTableWidget:
    """The gap table, several rows selectable, the offers column shown only with offers."""
    table = make_table(parent, len(GAP_HEADERS))
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setColumnHidden(COL_OFFERS, offers is None)
    header = table.horizontalHeader()
    for column in range(len(GAP_HEADERS)):
        if column in STRETCHED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        elif column in GAP_WIDTHS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, GAP_WIDTHS[column])
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def gap_headers() -> list[str]:
    return [_(header) if header != "#" else header for header in GAP_HEADERS]


def fill_gap_table(
    table: QTableWidget,
    framework: Framework,
    rows: list[Gap],
    guide_titles: dict[str, str],
    offers: GapOffersPanel | None,
) -> None:
    """One row per gap, numbered from 1, in the current language."""
    table.setRowCount(len(rows))
    for row, gap in enumerate(rows):
        indicator = framework.indicator(gap.indicator_id)
        step = gap_next_step(framework, gap)
        values = (
            str(row + 1),
            framework.area(gap.area_id).title.get(),
            indicator.question.get(),
            str(gap.level) if gap.level else _("Insufficient information"),
            str(gap.target_level),
            str(gap.priority) if gap.level else "–",
            step.get() if step else _("Find out, then answer this indicator."),
            ", ".join(guide_titles.get(guide, guide) for guide in indicator.guides),
            offers.mark(gap) if offers is not None else "",
        )
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
        if offers is not None:
            offers.tint(table.item(row, COL_OFFERS), gap)
