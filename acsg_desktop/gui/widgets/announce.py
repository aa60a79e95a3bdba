"""Telling screen readers what changed: a page shown, "Saved", "Package written", an error.

``announce(widget, text)`` sends an accessibility announcement (spoken without moving the focus);
``MessageLabel`` is the label for an action's outcome, announced each time its text changes;
``follow_pages(stack)`` announces the title of each page a stacked widget switches to, and
``focus_first(page)`` puts the keyboard on a page's first control.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QTextDocumentFragment
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from acsg_desktop.gui.widgets.accessible_style import ERROR_STYLE
from acsg_desktop.gui.widgets.live_text import show_text

PAGE_TITLE_PROPERTY = "acsg-page-title"


def plain_text(text: str) -> str:
    """``text`` without markup, as a screen reader should say it."""
    if GuiQt.mightBeRichText(text):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def announce(widget: QWidget, text: str, urgent: bool = False) -> None:
    """Have screen readers say ``text`` now, interrupting their speech when ``urgent``."""
    if not text.strip():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if urgent else politeness.Polite)
    QAccessible.updateAccessibility(event)


class MessageLabel(QLabel):
    """The outcome of an action ("Saved.", "Not saved: ..."), announced as it changes; ``say``
    also shows an error in the error colour and announces it at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._urgent = False

    def say(self, text: str, error: bool = False) -> None:
        """Show ``text`` (again in the new language after a switch), an error in red."""
        self.setStyleSheet(ERROR_STYLE if error else "")
        self._urgent = error
        show_text(self, text)

    def setText(self, text: str) -> None:
        changed = text != self.text()
        super().setText(text)
        self.setAccessibleDescription(plain_text(text))
        if changed:
            announce(self, plain_text(text), urgent=self._urgent)
        self._urgent = False


def mark_page_title(label: QLabel) -> None:
    """Make ``label`` the title that ``follow_pages`` announces for the page holding it."""
    label.setProperty(PAGE_TITLE_PROPERTY, True)


def page_title(page: QWidget) -> str:
    """The text of the first shown page title in ``page`` ("" when it has none)."""
    for label in page.findChildren(QLabel):
        if label.property(PAGE_TITLE_PROPERTY) and label.isVisibleTo(page) and label.text():
            return plain_text(label.text())
    return ""


def announce_page(page: QWidget | None) -> None:
    if page is not None:
        announce(page, page_title(page))


def follow_pages(stack: QStackedWidget) -> None:
    """Announce the title of each page ``stack`` shows (Qt itself moves the focus onto the new
    page when it was on the old one)."""
    stack.currentChanged.connect(lambda _index: announce_page(stack.currentWidget()))


def focus_first(page: QWidget) -> bool:
    """Give the focus to the control of ``page`` that Tab reaches and that comes first on the
    screen (top, then left); False when it has none."""
    controls = [
        widget
        for widget in page.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
        and widget.isVisibleTo(page)
        and widget.isEnabled()
    ]
    if not controls:
        return False

    def place(widget: QWidget) -> tuple[int, int]:
        corner = widget.mapTo(page, widget.rect().topLeft())
        return corner.y(), corner.x()

    min(controls, key=place).setFocus(Qt.FocusReason.OtherFocusReason)
    return True
