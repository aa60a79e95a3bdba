"""Radar and bar charts drawn with QPainter (no chart library): current values, and optionally
an earlier set drawn dashed for comparison."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from acsg_desktop.core.assessment.labels import percent_label
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.gui.widgets.high_contrast import colour_for_mode

CURRENT_COLOUR = QColor("#1f5fa8")
EARLIER_COLOUR = QColor("#b35f00")  # 4.6:1 on white (graphics need 3:1)
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
    NAME = N_("Chart")  # what screen readers call it; its values are its description

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: dict[str, str] = {}
        self.current: Series | None = None
        self.earlier: Series | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it: a reader says its values

    def set_data(self, labels: dict[str, str], current: Series, earlier: Series | None) -> None:
        """Axis key -> label, the values to show, and optionally the values to compare with."""
        self.labels, self.current, self.earlier = labels, current, earlier
        self.setAccessibleName(_(self.NAME))
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        """The chart as text, for screen readers: each value, and the earlier one beside it."""
        parts = []
        for key, label in self.labels.items():
            value = percent_label(self.current.values.get(key) if self.current else None)
            if self.earlier is None:
                parts.append(_("{name}: {value}").format(name=label, value=value))
                continue
            parts.append(
                _("{name}: {value} ({series}: {earlier})").format(
                    name=label,
                    value=value,
                    series=self.earlier.label,
                    earlier=percent_label(self.earlier.values.get(key)),
                )
            )
        return "; ".join(parts)

    def _legend(self, painter: QPainter, top_left: QPointF) -> None:
        entries = [
            (s, c, d)
            for s, c, d in (
                (self.current, colour_for_mode(CURRENT_COLOUR), False),
                (self.earlier, colour_for_mode(EARLIER_COLOUR), True),
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

    NAME = N_("Scores by aim (radar chart)")

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
        painter.setPen(_pen(colour_for_mode(GRID_COLOUR), 1))
        for ring in (25, 50, 75, 100):
            painter.drawPolygon(
                self._polygon(Series("", dict.fromkeys(self.labels, ring)), centre, radius)
            )
        for index, (key, label) in enumerate(self.labels.items()):
            painter.setPen(_pen(colour_for_mode(GRID_COLOUR), 1))
            painter.drawLine(centre, self._point(centre, radius, index, 100))
            value = self.current.values.get(key) if self.current else None
            painter.setPen(self.palette().text().color())
            tip = self._point(centre, radius, index, 100)
            self._draw_axis_label(painter, tip, centre, f"{label}\n{percent_label(value)}")
        for series, colour, dashed in (
            (self.earlier, colour_for_mode(EARLIER_COLOUR), True),
            (self.current, colour_for_mode(CURRENT_COLOUR), False),
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
    """One horizontal bar per area; the earlier value, if any, as a dashed marker. Area names
    are never elided: the label column is as wide as the longest name allows, and names wrap
    onto more lines when the chart is narrower than that."""

    NAME = N_("Scores by area (bar chart)")

    ROW_HEIGHT = 22
    MIN_LABEL_WIDTH = 160
    BAR_AND_VALUE = 200  # px kept for the bar and its value at the narrowest
    VALUE_WIDTH = 60
    LABEL_GAP = 8

    def _widest_label(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(t) for t in self.labels.values()), default=0)
        return widest + self.LABEL_GAP + 2

    def _label_width(self, width: int) -> int:
        return max(min(self._widest_label(), width - self.BAR_AND_VALUE), self.MIN_LABEL_WIDTH)

    def _row_heights(self, width: int) -> list[int]:
        """Each area's row: one line, or as many as its name needs once wrapped."""
        room = QRect(0, 0, self._label_width(width) - self.LABEL_GAP, 10_000)
        flags = int(Qt.TextFlag.TextWordWrap)
        metrics = self.fontMetrics()
        return [
            max(self.ROW_HEIGHT, metrics.boundingRect(room, flags, text).height() + 6)
            for text in self.labels.values()
        ]

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return 40 + sum(self._row_heights(width))

    def sizeHint(self) -> QSize:
        width = self._widest_label() + self.BAR_AND_VALUE + 80
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = self.MIN_LABEL_WIDTH + self.BAR_AND_VALUE
        return QSize(width, self.heightForWidth(width))

    def elided_texts(self) -> list[str]:
        """The area names that do not show whole (a word wider than the label column)."""
        metrics = self.fontMetrics()
        room = self._label_width(self.width()) - self.LABEL_GAP
        return [
            t
            for t in self.labels.values()
            if any(metrics.horizontalAdvance(w) > room for w in t.split())
        ]

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar_left = float(self._label_width(self.width()))
        top = 36.0
        for (key, label), height in zip(
            self.labels.items(), self._row_heights(self.width()), strict=True
        ):
            self._draw_row(painter, QRectF(0, top, self.width(), height), bar_left, key, label)
            top += height
        self._legend(painter, QPointF(bar_left, 12))
        painter.end()

    def _draw_row(
        self, painter: QPainter, row: QRectF, bar_left: float, key: str, label: str
    ) -> None:
        """The area's name (wrapped, right-aligned), its bar, the earlier marker, the value."""
        bar_span = max(10.0, row.width() - bar_left - self.VALUE_WIDTH)
        text_colour = self.palette().text().color()
        painter.setPen(text_colour)
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
        painter.drawText(
            QRectF(0, row.top(), bar_left - self.LABEL_GAP, row.height()),
            int(align) | int(Qt.TextFlag.TextWordWrap),
            label,
        )
        bar_top = row.top() + (row.height() - self.ROW_HEIGHT) / 2  # the bar in the middle
        value = self.current.values.get(key) if self.current else None
        if value is not None:
            painter.fillRect(
                QRectF(bar_left, bar_top + 4, bar_span * value / 100, self.ROW_HEIGHT - 8),
                colour_for_mode(CURRENT_COLOUR),
            )
        earlier = self.earlier.values.get(key) if self.earlier else None
        if earlier is not None:
            x = bar_left + bar_span * earlier / 100
            painter.setPen(_pen(colour_for_mode(EARLIER_COLOUR), 3, dashed=True))
            end = bar_top + self.ROW_HEIGHT - 1
            painter.drawLine(QPointF(x, bar_top + 1), QPointF(x, end))
        painter.setPen(text_colour)
        painter.drawText(
            QRectF(bar_left + bar_span + 6, row.top(), self.VALUE_WIDTH - 6, row.height()),
            Qt.AlignmentFlag.AlignVCenter,
            percent_label(value),
        )
