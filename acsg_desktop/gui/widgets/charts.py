"""Radar and bar charts drawn with QPainter (no chart library): current values, and optionally
an earlier set drawn dashed for comparison."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from acsg_desktop.core.assessment.labels import percent_label

CURRENT_COLOUR = QColor("#1f5fa8")
EARLIER_COLOUR = QColor("#d9822b")
GRID_COLOUR = QColor("#b8b8b8")


@dataclass(frozen=True)
class Series:
    """Values in % (None when there is nothing to score) keyed like the chart's axes."""

    label: str
    values: dict[str, float | None]


def _pen(colour: QColor, width: float, dashed: bool = False) -> QPen:
    pen = QPen(colour, width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: dict[str, str] = {}
        self.current: Series | None = None
        self.earlier: Series | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_data(self, labels: dict[str, str], current: Series, earlier: Series | None) -> None:
        """Axis key -> label, the values to show, and optionally the values to compare with."""
        self.labels, self.current, self.earlier = labels, current, earlier
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        """The chart as text, for screen readers."""
        parts = []
        for key, label in self.labels.items():
            value = self.current.values.get(key) if self.current else None
            parts.append(f"{label}: {percent_label(value)}")
        return "; ".join(parts)

    def _legend(self, painter: QPainter, top_left: QPointF) -> None:
        entries = [
            (s, c, d)
            for s, c, d in (
                (self.current, CURRENT_COLOUR, False),
                (self.earlier, EARLIER_COLOUR, True),
            )
            if s
        ]
        for row, (series, colour, dashed) in enumerate(entries):
            y = top_left.y() + row * 18
            painter.setPen(_pen(colour, 3, dashed))
            painter.drawLine(QPointF(top_left.x(), y), QPointF(top_left.x() + 24, y))
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(top_left.x() + 30, y + 5), series.label)


class RadarChart(_Chart):
    """One axis per aim, 0 % at the centre, 100 % on the outer ring."""

    def sizeHint(self) -> QSize:
        return QSize(380, 340)

    def _point(self, centre: QPointF, radius: float, index: int, value: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * index / max(1, len(self.labels))
        distance = radius * max(0.0, min(100.0, value)) / 100
        return QPointF(
            centre.x() + distance * math.cos(angle), centre.y() + distance * math.sin(angle)
        )

    def _polygon(self, series: Series, centre: QPointF, radius: float) -> QPolygonF:
        points = [
            self._point(centre, radius, i, series.values.get(key) or 0.0)
            for i, key in enumerate(self.labels)
        ]
        return QPolygonF(points)

    def _draw_axis_label(self, painter: QPainter, tip: QPointF, centre: QPointF, text: str) -> None:
        """Put the label (name, then value) outside the tip of its axis, inside the widget."""
        metrics = painter.fontMetrics()
        width = max(metrics.horizontalAdvance(line) for line in text.splitlines()) + 6
        height = metrics.height() * len(text.splitlines())
        if tip.x() > centre.x() + 1:
            left = tip.x() + 4
        elif tip.x() < centre.x() - 1:
            left = tip.x() - width - 4
        else:
            left = tip.x() - width / 2
        top = tip.y() - height / 2
        if tip.y() > centre.y() + 1:
            top = tip.y() + 2
        elif tip.y() < centre.y() - 1:
            top = tip.y() - height - 2
        left = max(2.0, min(left, self.width() - width - 2))
        painter.drawText(QRectF(left, top, width, height), Qt.AlignmentFlag.AlignCenter, text)

    def _radius(self, painter: QPainter) -> float:
        metrics = painter.fontMetrics()
        room = max((metrics.horizontalAdvance(label) for label in self.labels.values()), default=60)
        room = max(room, metrics.horizontalAdvance("100 %"))
        return max(30.0, min(self.width() / 2 - room - 12, self.height() / 2 - 70))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2 + 20)
        radius = self._radius(painter)
        painter.setPen(_pen(GRID_COLOUR, 1))
        for ring in (25, 50, 75, 100):
            painter.drawPolygon(
                self._polygon(Series("", dict.fromkeys(self.labels, ring)), centre, radius)
            )
        for index, (key, label) in enumerate(self.labels.items()):
            painter.setPen(_pen(GRID_COLOUR, 1))
            painter.drawLine(centre, self._point(centre, radius, index, 100))
            value = self.current.values.get(key) if self.current else None
            painter.setPen(self.palette().text().color())
            tip = self._point(centre, radius, index, 100)
            self._draw_axis_label(painter, tip, centre, f"{label}\n{percent_label(value)}")
        for series, colour, dashed in (
            (self.earlier, EARLIER_COLOUR, True),
            (self.current, CURRENT_COLOUR, False),
        ):
            if series:
                fill = QColor(colour)
                fill.setAlpha(0 if dashed else 60)
                painter.setPen(_pen(colour, 2.5, dashed))
                painter.setBrush(fill)
                painter.drawPolygon(self._polygon(series, centre, radius))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        self._legend(painter, QPointF(8, 12))
        painter.end()


class BarChart(_Chart):
    """One horizontal bar per area; the earlier value, if any, as a dashed marker."""

    ROW_HEIGHT = 22
    LABEL_WIDTH = 330

    def sizeHint(self) -> QSize:
        return QSize(560, 40 + self.ROW_HEIGHT * max(1, len(self.labels)))

    def minimumSizeHint(self) -> QSize:
        return QSize(420, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar_left = min(self.LABEL_WIDTH, self.width() * 0.5)
        bar_span = max(10.0, self.width() - bar_left - 60)
        metrics = painter.fontMetrics()
        for row, (key, label) in enumerate(self.labels.items()):
            top = 36 + row * self.ROW_HEIGHT
            painter.setPen(self.palette().text().color())
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(bar_left) - 8)
            painter.drawText(
                QRectF(0, top, bar_left - 8, self.ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                elided,
            )
            value = self.current.values.get(key) if self.current else None
            if value is not None:
                painter.fillRect(
                    QRectF(bar_left, top + 4, bar_span * value / 100, self.ROW_HEIGHT - 8),
                    CURRENT_COLOUR,
                )
            earlier = self.earlier.values.get(key) if self.earlier else None
            if earlier is not None:
                x = bar_left + bar_span * earlier / 100
                painter.setPen(_pen(EARLIER_COLOUR, 3, dashed=True))
                painter.drawLine(QPointF(x, top + 1), QPointF(x, top + self.ROW_HEIGHT - 1))
            painter.setPen(self.palette().text().color())
            text = percent_label(value)
            painter.drawText(
                QRectF(bar_left + bar_span + 6, top, 54, self.ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        self._legend(painter, QPointF(bar_left, 12))
        painter.end()
