"""Area scores by country as a heat map drawn with QPainter: a row per country, a numbered
column per area, red (low) to green (high), grey where there is no score; the value is written
in every cell, and the tooltip names the country and the area in full."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from acsg_desktop.core.assessment.labels import percent_label
from acsg_desktop.core.i18n import _
from acsg_desktop.gui.widgets.high_contrast import BLACK, colour_for_mode, high_contrast_on

LOW, MIDDLE, HIGH = QColor("#c62828"), QColor("#f9a825"), QColor("#2e7d32")
NO_SCORE = QColor("#bdbdbd")
ROW_HEIGHT, MIN_CELL, MAX_CELL, LEGEND_HEIGHT = 26, 30, 64, 44
CENTRED = Qt.AlignmentFlag.AlignCenter
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT_MIDDLE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class HeatRow:
    label: str
    scores: dict[str, float | None]


def _mix(start: QColor, end: QColor, share: float) -> QColor:
    return QColor(
        round(start.red() + (end.red() - start.red()) * share),
        round(start.green() + (end.green() - start.green()) * share),
        round(start.blue() + (end.blue() - start.blue()) * share),
    )


def score_colour(value: float | None) -> QColor:
    """Red at 0 %, amber at 50 %, green at 100 %; grey when there is no score (lighter shades
    of them in high contrast, for black text)."""
    if value is None:
        return colour_for_mode(NO_SCORE)
    share = max(0.0, min(100.0, value)) / 100
    mixed = _mix(LOW, MIDDLE, share * 2) if share < 0.5 else _mix(MIDDLE, HIGH, share * 2 - 1)
    return colour_for_mode(mixed)


def text_colour(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    if high_contrast_on():
        return BLACK  # the fills are then light enough for 7:1
    luminance = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor("#000000") if luminance > 150 else QColor("#ffffff")


class HeatMapWidget(QWidget):
    """Set with ``set_data(columns, rows)``: columns are (area id, full title) in order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns: list[tuple[str, str]] = []
        self.rows: list[HeatRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_data(self, columns: list[tuple[str, str]], rows: list[HeatRow]) -> None:
        self.columns, self.rows = columns, rows
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def row_count(self) -> int:
        return len(self.rows)

    def describe(self) -> str:
        """Every cell as text, for screen readers."""
        lines = []
        for row in self.rows:
            cells = (
                f"{title}: {percent_label(row.scores.get(key))}" for key, title in self.columns
            )
            lines.append(f"{row.label}: " + "; ".join(cells))
        return "\n".join(lines)

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(row.label) for row in self.rows), default=80)
        return min(widest + 16, 240)

    def _cell_width(self) -> float:
        room = (self.width() - self._label_width() - 4) / max(1, len(self.columns))
        return max(float(MIN_CELL), min(float(MAX_CELL), room))

    def _header_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:
        width = self._label_width() + 44 * max(1, len(self.columns))
        return QSize(width, self._header_height() + ROW_HEIGHT * len(self.rows) + LEGEND_HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._label_width() + MIN_CELL * len(self.columns), self.sizeHint().height())

    def cell_at(self, point: QPoint) -> tuple[int, int] | None:
        """(row, column) under ``point``, or None outside the grid."""
        x, y = point.x() - self._label_width(), point.y() - self._header_height()
        if x < 0 or y < 0:
            return None
        row, column = int(y // ROW_HEIGHT), int(x // self._cell_width())
        if row < len(self.rows) and column < len(self.columns):
            return row, column
        return None

    def tooltip_at(self, point: QPoint) -> str:
        cell = self.cell_at(point)
        if cell is None:
            return ""
        row, (key, title) = self.rows[cell[0]], self.columns[cell[1]]
        return _("{country}, area {number}, {area}: {score}").format(
            country=row.label,
            number=cell[1] + 1,
            area=title,
            score=percent_label(row.scores.get(key)),
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        left, top, width = self._label_width(), self._header_height(), self._cell_width()
        text = self.palette().text().color()
        painter.setPen(text)
        for column in range(len(self.columns)):
            painter.drawText(QRectF(left + column * width, 0, width, top), CENTRED, str(column + 1))
        for number, row in enumerate(self.rows):
            y = top + number * ROW_HEIGHT
            painter.setPen(text)
            label = self.fontMetrics().elidedText(row.label, Qt.TextElideMode.ElideRight, left - 10)
            painter.drawText(QRectF(0, y, left - 8, ROW_HEIGHT), RIGHT_MIDDLE, label)
            for column, (key, _title) in enumerate(self.columns):
                cell = QRectF(left + column * width, y, width, ROW_HEIGHT)
                self._cell(painter, cell, row.scores.get(key))
        self._legend(painter, top + len(self.rows) * ROW_HEIGHT + 10)
        painter.end()

    def _cell(self, painter: QPainter, rect: QRectF, value: float | None) -> None:
        colour = score_colour(value)
        painter.fillRect(rect.adjusted(1, 1, -1, -1), colour)
        painter.setPen(text_colour(colour))
        painter.drawText(rect, CENTRED, "–" if value is None else str(round(value)))

    def _legend(self, painter: QPainter, y: float) -> None:
        """The colour scale from 0 % to 100 %, and the grey of "no score"."""
        left, height = float(self._label_width()), float(self.fontMetrics().height())
        bar = QRectF(left, y, 200, 14)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for stop, colour in ((0.0, LOW), (0.5, MIDDLE), (1.0, HIGH)):
            gradient.setColorAt(stop, colour_for_mode(colour))
        painter.fillRect(bar, gradient)
        painter.setPen(self.palette().text().color())
        for x, value in ((bar.left(), 0), (bar.center().x(), 50), (bar.right(), 100)):
            painter.drawText(QRectF(x - 30, y + 15, 60, height), CENTRED, percent_label(value))
        grey = QRectF(bar.right() + 40, y, 24, 14)
        painter.fillRect(grey, score_colour(None))
        painter.drawText(QRectF(grey.right() + 6, y - 4, 400, 22), LEFT_MIDDLE, _("No score"))
