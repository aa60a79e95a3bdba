"""The dashboard's area scores: the heat map, the numbered area titles it refers to, and the
same numbers as a CSV export."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.desk.overview import Overview
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.gui.desk.dashboard_views import Table, areas_table, heat_rows
from acsg_desktop.gui.desk.data_view import save_csv
from acsg_desktop.gui.desk.heat_map import HeatMapWidget
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.retranslate import Retranslatable

LEGEND_COLUMNS = 3


def legend_html(titles: list[str]) -> str:
    """The area titles numbered as the heat map's columns, in a few columns."""
    per_column = -(-len(titles) // LEGEND_COLUMNS)
    cells = []
    for start in range(0, len(titles), per_column):
        lines = (
            f"{number}. {html.escape(title)}"
            for number, title in enumerate(titles[start : start + per_column], start=start + 1)
        )
        cells.append(f"<td style='padding-right:18px'>{'<br/>'.join(lines)}</td>")
    return f"<table><tr>{''.join(cells)}</tr></table>"


class AreaScoresView(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = Table([], [])
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export)
        self.heat_map = HeatMapWidget(self)
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)  # long French titles wrap in their column
        self.legend.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        column.addWidget(self.heat_map)
        column.addWidget(self.legend)
        column.addStretch(1)
        scroll = self.scores_scroll = QScrollArea(self)  # a Tab stop: the arrows scroll it
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        self.retranslate_ui()

    def show_overview(self, overview: Overview, titles: dict[str, str]) -> None:
        self.table = areas_table(overview, titles)
        self.heat_map.set_data(list(titles.items()), heat_rows(overview))
        self.legend.setText(legend_html(list(titles.values())))
        self.legend.setAccessibleDescription("\n".join(titles.values()))

    def export(self) -> None:
        message = save_csv(self, N_("desk-area-scores.csv"), self.table.headers, self.table.rows)
        if message:
            show_text(self.message, message)

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "Area scores (%) in each country's latest accepted package: red is low, green "
                "is high, grey has no score. Columns are numbered as the areas below; point at "
                "a cell for its full name."
            )
        )
        self.export_button.setText(_("Export CSV…"))
        self.export_button.setAccessibleName(_("Export the area scores as CSV"))
        self.heat_map.setAccessibleName(_("Area scores by country"))
        self.scores_scroll.setAccessibleName(_("Area scores by country"))
        self.legend.setAccessibleName(_("Areas"))
