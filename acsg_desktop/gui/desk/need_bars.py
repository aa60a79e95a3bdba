"""Unmet needs against open offers as paired horizontal bars, one pair per row (an area or a
region), drawn with QPainter; the numbers are written next to the bars."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from acsg_desktop.core.i18n import _, format_number
from acsg_desktop.gui.widgets.high_contrast import colour_for_mode

UNMET_COLOUR, OFFERS_COLOUR = QColor("#c62828"), QColor("#2e7d32")
ROW_HEIGHT, LEGEND_HEIGHT = 24, 26
RIGHT_MIDDLE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class NeedBarsWidget(QWidget):
    """Rows of (label, unmet needs, open offers); both bars on the same scale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[tuple[str, int, int]]) -> None:
        self.rows = rows
        self.setAccessibleDescription(
            "\n".join(
                _("{name}: unmet needs {unmet}, open offers {offers}").format(
                    name=name, unmet=format_number(unmet), offers=format_number(offers)
                )
                for name, unmet, offers in rows
            )
        )
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, LEGEND_HEIGHT + ROW_HEIGHT * len(self.rows) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        text = self.palette().text().color()
        label_width = min(360.0, self.width() * 0.4)
        span = max(20.0, self.width() - label_width - 60)
        largest = max((max(unmet, offers) for _n, unmet, offers in self.rows), default=0) or 1
        self._legend(painter, label_width)
        metrics = self.fontMetrics()
        for number, (name, unmet, offers) in enumerate(self.rows):
            top = LEGEND_HEIGHT + number * ROW_HEIGHT
            painter.setPen(text)
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(label_width) - 10)
            painter.drawText(QRectF(0, top, label_width - 8, ROW_HEIGHT), RIGHT_MIDDLE, shown)
            half = (ROW_HEIGHT - 6) / 2
            for offset, value, colour in (
                (0.0, unmet, UNMET_COLOUR),
                (half, offers, OFFERS_COLOUR),
            ):
                bar = QRectF(label_width, top + 3 + offset, span * value / largest, half - 1)
                painter.fillRect(bar, colour_for_mode(colour))
                painter.setPen(text)
                painter.drawText(
                    QRectF(bar.right() + 4, bar.top() - 4, 56, half + 8),
                    LEFT_MIDDLE,
                    format_number(value),
                )
        painter.end()

    def _legend(self, painter: QPainter, left: float) -> None:
        painter.setPen(self.palette().text().color())
        x = left
        for colour, name in ((UNMET_COLOUR, _("Unmet needs")), (OFFERS_COLOUR, _("Open offers"))):
            painter.fillRect(QRectF(x, 6, 14, 12), colour_for_mode(colour))
            width = self.fontMetrics().horizontalAdvance(name)
            painter.drawText(QRectF(x + 20, 0, width + 4, 24), LEFT_MIDDLE, name)
            x += width + 50
