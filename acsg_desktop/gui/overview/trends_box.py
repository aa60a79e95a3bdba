"""Scores over every assessment: the overall score and the four aims, as a line chart and as a
table beside it (the same values, for reading exactly and for screen readers)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QWidget

from acsg_desktop.core.assessment.labels import aim_label, assessment_name, percent_label
from acsg_desktop.core.framework.model import AIMS
from acsg_desktop.core.i18n import _
from acsg_desktop.core.overview.facts import TrendPoint
from acsg_desktop.gui.assessment.gap_table import make_table
from acsg_desktop.gui.overview.standing_box import wrapped_label
from acsg_desktop.gui.overview.trend_chart import TrendChart
from acsg_desktop.gui.widgets.cells import text_cell


class TrendsBox(QGroupBox):
    """``show_trend(points)``: every assessment, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = wrapped_label(self)
        self.chart = TrendChart(self)
        self.table = make_table(self, 2 + len(AIMS))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setMaximumHeight(self.chart.sizeHint().height())
        layout = QHBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.table, 1, Qt.AlignmentFlag.AlignTop)

    def show_trend(self, points: tuple[TrendPoint, ...]) -> None:
        self.setTitle(_("Scores over time"))
        self.empty.setText(_("The scores of each assessment appear here once it is answered."))
        self.empty.setVisible(not points)
        self.chart.setVisible(bool(points))
        self.table.setVisible(bool(points))
        names = [_("Overall"), *(aim_label(aim) for aim in AIMS)]
        series = [(names[0], [p.overall for p in points])]
        series += [(aim_label(aim), [p.aims.get(aim) for p in points]) for aim in AIMS]
        labels = self._axis_labels(points)
        self.chart.set_data(labels, series)
        self.table.setHorizontalHeaderLabels([_("Assessment"), *names])
        self.table.setAccessibleName(_("Scores over time"))
        self.table.setRowCount(len(points))
        for row, point in enumerate(points):
            title = assessment_name(point.title, point.year)
            values = [title, *(percent_label(v) for _n, values in series for v in [values[row]])]
            for column, value in enumerate(values):
                self.table.setItem(row, column, text_cell(value))

    @staticmethod
    def _axis_labels(points: tuple[TrendPoint, ...]) -> list[str]:
        """Years; several assessments of one year are told apart by a number (2026 (2))."""
        labels, seen = [], dict[int, int]()
        for point in points:
            seen[point.year] = seen.get(point.year, 0) + 1
            number = seen[point.year]
            labels.append(str(point.year) if number == 1 else f"{point.year} ({number})")
        return labels
