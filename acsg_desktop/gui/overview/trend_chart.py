"""Scores over time: one line per series (overall and the four aims), one point per assessment,
oldest on the left. Each series has its own colour AND its own dash and marker, so the lines
stay apart without colour; the values are the chart's accessible description."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from acsg_desktop.core.assessment.labels import percent_label
from acsg_desktop.core.i18n import _
from acsg_desktop.gui.widgets.charts import CURRENT_COLOUR, EARLIER_COLOUR, GRID_COLOUR

# (colour, dash) per series in order; every colour at least 3:1 on white (graphics).
STYLES = (
    (CURRENT_COLOUR, Qt.PenStyle.SolidLine),
    (EARLIER_COLOUR, Qt.PenStyle.DashLine),
    (QColor("#2e7d32"), Qt.PenStyle.DotLine),
    (QColor("#8e24aa"), Qt.PenStyle.DashDotLine),
    (QColor("#5d4037"), Qt.PenStyle.DashDotDotLine),
)
RIGHT, TOP, BOTTOM = 16.0, 12.0, 40.0
LEGEND_ROW = 18


class TrendChart(QWidget):
    """``set_data(points, series)``: x labels (one per assessment), and per series its label
    and its values in % (None where nothing is scored), one per point."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[str] = []
        self.series: list[tuple[str, list[float | None]]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it: a reader says its values

    def set_data(self, points: list[str], series: list[tuple[str, list[float | None]]]) -> None:
        self.points, self.series = points, series
        self.setAccessibleName(_("Scores over time (line chart)"))
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        """The chart as text: per assessment, each series' value."""
        parts = []
        for index, point in enumerate(self.points):
            values = ", ".join(
                _("{name}: {value}").format(name=label, value=percent_label(values[index]))
                for label, values in self.series
            )
            parts.append(_("{assessment}: {values}").format(assessment=point, values=values))
        return "; ".join(parts)

    def sizeHint(self) -> QSize:
        return QSize(420, 190 + self._legend_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 150 + self._legend_height())

    def _legend_height(self) -> int:
        return LEGEND_ROW * ((len(self.series) + 2) // 3)

    def _plot(self) -> QRectF:
        bottom = BOTTOM + self._legend_height()
        left = self._left()
        return QRectF(left, TOP, self.width() - left - RIGHT, self.height() - TOP - bottom)

    def _left(self) -> float:
        """Room for the widest value on the axis ("100 %" in French)."""
        return float(self.fontMetrics().horizontalAdvance(percent_label(100)) + 12)

    def _x(self, plot: QRectF, index: int) -> float:
        if len(self.points) < 2:
            return plot.center().x()
        return plot.left() + plot.width() * index / (len(self.points) - 1)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self._plot()
        self._draw_grid(painter, plot)
        for number, (_label, values) in enumerate(self.series):
            self._draw_series(painter, plot, number, values)
        self._draw_legend(painter, plot)
        painter.end()

    def _draw_grid(self, painter: QPainter, plot: QRectF) -> None:
        text = self.palette().text().color()
        for percent in (0, 25, 50, 75, 100):
            y = plot.bottom() - plot.height() * percent / 100
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            box = QRectF(0, y - 9, plot.left() - 6, 18)
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             percent_label(percent))  # fmt: skip
        metrics = painter.fontMetrics()
        for index, point in enumerate(self.points):
            width = metrics.horizontalAdvance(point) + 4
            x = min(max(self._x(plot, index) - width / 2, 0.0), self.width() - width)
            painter.drawText(QRectF(x, plot.bottom() + 4, width, 18),
                             Qt.AlignmentFlag.AlignCenter, point)  # fmt: skip

    def _draw_series(
        self, painter: QPainter, plot: QRectF, number: int, values: list[float | None]
    ) -> None:
        colour, dash = STYLES[number % len(STYLES)]
        pen = QPen(colour, 3.5 if number == 0 else 2.0)  # the overall score stands out
        pen.setStyle(dash)
        previous: QPointF | None = None
        for index, value in enumerate(values):
            if value is None:
                previous = None  # a gap in the line where nothing is scored
                continue
            point = QPointF(self._x(plot, index), plot.bottom() - plot.height() * value / 100)
            painter.setPen(pen)
            if previous is not None:
                painter.drawLine(previous, point)
            self._marker(painter, point, number, colour)
            previous = point

    @staticmethod
    def _marker(painter: QPainter, at: QPointF, number: int, colour: QColor) -> None:
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(colour if number % 2 == 0 else Qt.GlobalColor.white)
        size = 4.0
        if number % 3 == 0:
            painter.drawEllipse(at, size, size)
        else:
            painter.drawRect(QRectF(at.x() - size, at.y() - size, 2 * size, 2 * size))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def elided_texts(self) -> list[str]:
        """The legend labels wider than their column (the fit checks ask)."""
        room = max(1.0, self._plot().width() / 3) - 30
        metrics = self.fontMetrics()
        return [label for label, _v in self.series if metrics.horizontalAdvance(label) > room]

    def _draw_legend(self, painter: QPainter, plot: QRectF) -> None:
        column = max(1.0, plot.width() / 3)
        top = plot.bottom() + 26
        for number, (label, _values) in enumerate(self.series):
            colour, dash = STYLES[number % len(STYLES)]
            x = plot.left() + column * (number % 3)
            y = top + LEGEND_ROW * (number // 3) + LEGEND_ROW / 2
            pen = QPen(colour, 2.5)
            pen.setStyle(dash)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, y), QPointF(x + 22, y))
            self._marker(painter, QPointF(x + 11, y), number, colour)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(x + 28, y - 9, column - 30, 18),
                             Qt.AlignmentFlag.AlignVCenter, label)  # fmt: skip
