"""Links that Tab reaches and Enter or Space follows: flat buttons drawn like links.

A link inside a QLabel's text is only a link to the eye: screen readers are told nothing of it,
and Tab stops on the label once more than it has links. A button is one Tab stop per link, and
it has a name of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

WRAPPED = int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic)


class LinkButton(QPushButton):
    """Flat, underlined, in the palette's link colour; ``clicked`` follows it. A long title
    wraps onto more lines in a narrow pane (a push button would hold the pane wide, or be cut)."""

    PADDING = 4  # px around the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.ButtonText, palette.color(QPalette.ColorRole.Link))
        self.setPalette(palette)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()  # as a link does (a push button outside a dialog ignores Enter)
        else:
            super().keyPressEvent(event)

    def _text_size(self, width: int) -> QSize:
        room = QRect(0, 0, max(1, width - 2 * self.PADDING), 100_000)
        return self.fontMetrics().boundingRect(room, WRAPPED, self.text()).size()

    def sizeHint(self) -> QSize:
        width = self._text_size(100_000).width() + 2 * self.PADDING  # on one line
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        word = max((metrics.horizontalAdvance(w) for w in self.text().split()), default=0)
        width = min(word + 2 * self.PADDING, self.sizeHint().width())
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._text_size(width).height() + 2 * self.PADDING

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""  # the frame and focus as the style draws them; the text wrapped below
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        inner = self.rect().adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(inner, WRAPPED | int(align), self.text())


class LinkList(QWidget):
    """A caption, then one ``LinkButton`` per link, one under the other, in Tab order;
    ``link_activated`` gives the key of the link followed."""

    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.caption)
        # made now, so that it takes its place in the window's Tab order; later ones follow it
        self.buttons: list[LinkButton] = [self._new_button()]

    def _new_button(self) -> LinkButton:
        button = LinkButton(self)
        button.clicked.connect(lambda: self.link_activated.emit(str(button.property("link"))))
        self._layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        button.hide()
        return button

    def set_links(self, caption: str, links: list[tuple[str, str]]) -> None:
        """Show ``caption`` and one button per (key, title); nothing at all when both empty."""
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        while len(self.buttons) < len(links):
            button = self._new_button()
            QWidget.setTabOrder(self.buttons[-1], button)
            self.buttons.append(button)
        for index, button in enumerate(self.buttons):
            if index < len(links):
                key, title = links[index]
                button.setProperty("link", key)
                button.setText(title.replace("&", "&&"))  # a title's "&" is no mnemonic
            button.setVisible(index < len(links))
        self.setVisible(bool(caption or links))

    def shown_buttons(self) -> list[LinkButton]:
        return [button for button in self.buttons if not button.isHidden()]
