"""What "fits" means for a screen at 1366x768: no horizontal scroll bar, no clipped or elided
text in labels, buttons, tabs, combo boxes and self-drawn charts, nothing beyond the screen.
A table or list cell, or a one-line status that elides itself, may elide a long text only when
its tooltip shows the whole of it.

``fit_problems(screen)`` returns one readable line per problem, e.g.
``"QLabel 'Authority name' needs 212 px, has 180"``. At a larger text size a window's page may
scroll down (``scroll_down=True``); everything else must still fit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTableView,
    QWidget,
)

SCREEN = (1366, 768)
SLACK = 1  # px: rounding in size hints
MAX_ROWS = 40  # cells checked per view (the rows a user sees first)
# Scroll areas whose sideways scroll bar is the right design, by objectName: a grid the user
# reads across and that cannot wrap. None needs one at 1366x768 today: every table stretches
# one column and elides the others behind tooltips, the desk's heat map numbers its 21 columns
# (test_a_sideways_scroll_bar_is_a_problem_unless_the_grid_is_allowed_one).
SIDEWAYS_ALLOWED: frozenset[str] = frozenset()

W = TypeVar("W", bound=QWidget)


def shown(screen: QWidget, kind: type[W]) -> Iterator[W]:
    """The widgets of ``kind`` in ``screen`` that are on show (the screen itself included)."""
    found = [screen] if isinstance(screen, kind) else []
    found += screen.findChildren(kind)
    for widget in found:
        if widget.isVisibleTo(screen) and widget.width() > 0:
            yield widget


def _describe(widget: QWidget, text: str = "") -> str:
    name = text or widget.objectName() or widget.accessibleName()
    return f"{type(widget).__name__} {name[:60]!r}"


def scroll_problems(screen: QWidget) -> list[str]:
    return [
        f"{_describe(area)} scrolls sideways (content {area.horizontalScrollBar().maximum()} px "
        "too wide)"
        for area in shown(screen, QAbstractScrollArea)
        if area.horizontalScrollBar().isVisibleTo(screen)
        and area.objectName() not in SIDEWAYS_ALLOWED
    ]


def cut_content_problems(screen: QWidget) -> list[str]:
    """A scroll area's content wider than its viewport while no sideways bar shows is cut off
    on the right (a long word or a button that cannot wrap holds it wide)."""
    return [
        f"{_describe(area)} cuts its content ({area.widget().width()} px wide in "
        f"{area.viewport().width()})"
        for area in shown(screen, QScrollArea)
        if area.widget() is not None
        and not area.horizontalScrollBar().isVisibleTo(screen)
        and area.widget().width() > area.viewport().width() + SLACK
    ]


def page_scroll_problems(screen: QWidget) -> list[str]:
    """A window's pages sit in a scroll area for small screens and large scales; at 1366x768
    it must not scroll at all (the page's preferred height fits)."""
    return [
        f"{_describe(area.widget())} page scrolls down at full size"
        for area in shown(screen, QScrollArea)
        if isinstance(area.widget(), QStackedWidget)
        and area.verticalScrollBar().isVisibleTo(screen)
    ]


def drawn_width(label: QLabel) -> float:
    """The width Qt draws a one-line label's text in: its Alt letter is drawn as a run of its
    own (to underline it), so kerning across that letter is lost, while a size hint measures the
    whole text kerned."""
    text = label.text()
    at = text.replace("&&", "\0\0").find("&")
    metrics = QFontMetricsF(label.font())
    if label.buddy() is None or at < 0 or at + 1 >= len(text):  # no Alt letter shown
        return metrics.horizontalAdvance(text.replace("&&", "&"))
    runs = (text[:at], text[at + 1], text[at + 2 :])
    return sum(metrics.horizontalAdvance(run.replace("&&", "&")) for run in runs)


def label_problems(screen: QWidget) -> list[str]:
    problems = []
    for label in shown(screen, QLabel):
        if not label.text() or not label.isVisible():
            continue
        is_elided = getattr(label, "is_elided", None)
        if callable(is_elided):  # like a cell: elided only with the whole text in its tooltip
            if is_elided() and label.text() not in label.toolTip():
                problems.append(f"{_describe(label, label.text())} is elided")
            continue
        if label.wordWrap():
            needed = label.minimumSizeHint().width()
            high = label.heightForWidth(label.width())
            if high > label.height() + SLACK:
                problems.append(
                    f"{_describe(label, label.text())} needs {high} px high, has {label.height()}"
                )
        else:
            needed = label.sizeHint().width()
            drawn = drawn_width(label)
            if label.buddy() is not None and drawn > label.contentsRect().width() + SLACK / 2:
                problems.append(
                    f"{_describe(label, label.text())} is drawn {drawn:.1f} px wide, has "
                    f"{label.contentsRect().width()}"
                )
        if needed > label.width() + SLACK:
            problems.append(
                f"{_describe(label, label.text())} needs {needed} px, has {label.width()}"
            )
    return problems


def _button_problem(button: QAbstractButton) -> str:
    text = _describe(button, button.text())
    if button.hasHeightForWidth():  # a button whose text wraps (a link)
        high = button.heightForWidth(button.width())
        if high > button.height() + SLACK:
            return f"{text} needs {high} px high, has {button.height()}"
        needed = button.minimumSizeHint().width()
    else:
        needed = button.sizeHint().width()
    return f"{text} needs {needed} px, has {button.width()}" if needed > button.width() else ""


def button_problems(screen: QWidget) -> list[str]:
    found = [
        _button_problem(button)
        for button in shown(screen, QAbstractButton)
        if button.text() and button.isVisible() and not isinstance(button.parentWidget(), QTabBar)
    ]
    return [problem for problem in found if problem]


def tab_problems(screen: QWidget) -> list[str]:
    problems = []
    for bar in shown(screen, QTabBar):
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            if bar.tabSizeHint(index).width() > bar.tabRect(index).width() + SLACK:
                problems.append(f"{_describe(bar, bar.tabText(index))} tab is elided")
    return problems


def combo_problems(screen: QWidget) -> list[str]:
    problems = []
    for combo in shown(screen, QComboBox):
        if not combo.isVisible() or not combo.currentText():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if needed > field.width() + SLACK:
            problems.append(
                f"{_describe(combo, combo.currentText())} needs {needed} px, has {field.width()}"
            )
    return problems


def drawn_text_problems(screen: QWidget) -> list[str]:
    """Widgets that draw their own text say which of it they had to elide (``elided_texts``)."""
    problems = []
    for widget in shown(screen, QWidget):
        elided = getattr(widget, "elided_texts", None)
        if callable(elided) and widget.isVisible():
            problems += [f"{_describe(widget, text)} is drawn elided" for text in elided()]
    return problems


def _cell_problem(view: QAbstractItemView, index: QModelIndex, rect: QRect) -> str:
    """Why the text of ``index`` does not show whole in ``rect`` ("" when it does)."""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if not isinstance(text, str) or not text or view.textElideMode() is Qt.TextElideMode.ElideNone:
        return ""
    if text in str(index.data(Qt.ItemDataRole.ToolTipRole) or ""):
        return ""  # a narrow column may elide a long text the tooltip shows whole
    metrics = view.fontMetrics()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    room = rect.width() - 2 * margin
    wraps = bool(getattr(view, "wordWrap", bool)())
    if not wraps:
        fits = metrics.horizontalAdvance(text) <= room
    else:
        widest = max(metrics.horizontalAdvance(word) for word in text.split())
        flags = int(Qt.TextFlag.TextWordWrap)
        high = metrics.boundingRect(QRect(0, 0, max(1, room), 100000), flags, text).height()
        fits = widest <= room and high <= rect.height()
    return "" if fits else f"{_describe(view, text)} cell is cut ({room} px wide)"


def item_problems(screen: QWidget) -> list[str]:
    """Cells of tables and lists whose text is elided or cut (first ``MAX_ROWS`` rows)."""
    problems = []
    for view in shown(screen, QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisible() or isinstance(view, QHeaderView):
            continue
        columns = model.columnCount() if isinstance(view, QTableView) else 1
        for row in range(min(model.rowCount(), MAX_ROWS)):
            for column in range(columns):
                index = model.index(row, column)
                rect = view.visualRect(index)
                if rect.isValid() and rect.width() > 0:
                    problem = _cell_problem(view, index, rect)
                    problems += [problem] if problem else []
    return problems


def size_problems(screen: QWidget) -> list[str]:
    width, height = SCREEN
    if screen.width() > width or screen.height() > height:
        return [f"{_describe(screen)} is {screen.width()}x{screen.height()}, beyond the screen"]
    return []


def fit_problems(screen: QWidget, scroll_down: bool = False) -> list[str]:
    """Every way ``screen`` does not fit (see the module's docstring); [] when it fits. With
    ``scroll_down``, a window's page may scroll down (not sideways)."""
    return (
        size_problems(screen)
        + scroll_problems(screen)
        + ([] if scroll_down else page_scroll_problems(screen))
        + cut_content_problems(screen)
        + label_problems(screen)
        + button_problems(screen)
        + tab_problems(screen)
        + combo_problems(screen)
        + item_problems(screen)
        + drawn_text_problems(screen)
    )
