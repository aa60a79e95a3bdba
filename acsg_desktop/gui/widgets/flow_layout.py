"""A row of controls that wraps onto the next line when the room is too narrow (a larger text
size, a longer translation), instead of widening the window or cutting a control."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget

DEFAULT_GAP = 6  # px, when neither the layout nor the style says


def layout_gap(layout: QLayout, orientation: Qt.Orientation) -> int:
    """The space between two items of ``layout``: its spacing, else the style's."""
    if layout.spacing() >= 0:
        return layout.spacing()
    parent = layout.parentWidget()
    metric = (
        QStyle.PixelMetric.PM_LayoutHorizontalSpacing
        if orientation == Qt.Orientation.Horizontal
        else QStyle.PixelMetric.PM_LayoutVerticalSpacing
    )
    found = parent.style().pixelMetric(metric, None, parent) if parent is not None else -1
    return found if found >= 0 else DEFAULT_GAP


class ItemsLayout(QLayout):
    """A layout that keeps its items in a list and whose height follows its width: subclasses
    place them in ``_arrange`` (which only measures unless ``move``) and give their size hints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def _arrange(self, rect: QRect, move: bool) -> int:
        raise NotImplementedError


class FlowLayout(ItemsLayout):
    """Its items left to right, each at its size hint, on as many lines as the width needs."""

    def sizeHint(self) -> QSize:
        """All on one line."""
        width = sum(item.sizeHint().width() for item in self._shown())
        width += self._gap(Qt.Orientation.Horizontal) * max(0, len(self._shown()) - 1)
        height = max((item.sizeHint().height() for item in self._shown()), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """The widest item: the rest goes onto further lines."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self, orientation: Qt.Orientation) -> int:
        return layout_gap(self, orientation)

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (only measure unless ``move``); the height used."""
        area = rect.marginsRemoved(self.contentsMargins())
        x, y, line = area.x(), area.y(), 0
        across, down = self._gap(Qt.Orientation.Horizontal), self._gap(Qt.Orientation.Vertical)
        for item in self._shown():
            hint = item.sizeHint().boundedTo(QSize(area.width(), item.sizeHint().height()))
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + down, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + across
            line = max(line, hint.height())
        margins: QMargins = self.contentsMargins()
        return y + line - rect.y() + margins.bottom()


def flow_row(widgets: list[QWidget], parent: QWidget | None = None) -> FlowLayout:
    """``widgets`` in a row that wraps, each kept at its size hint."""
    row = FlowLayout(parent)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        policy = widget.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        widget.setSizePolicy(policy)
        row.addWidget(widget)
    return row


def kept_together(label: QWidget, field: QWidget, parent: QWidget) -> QWidget:
    """A label and its field as one item of a flow row (they wrap together)."""
    pair = QWidget(parent)
    layout = QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(field)
    return pair
