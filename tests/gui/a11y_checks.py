"""What the accessibility tests measure on a screen on show (see test_accessibility.py and
test_keyboard.py): controls Tab reaches, their accessible names, Tab traps, mnemonic clashes.

Each function returns readable problems, e.g. ``"QComboBox 'XAF' has no accessible name"``.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFocusFrame,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMainWindow,
    QRadioButton,
    QTabBar,
    QWidget,
)


def tab_stops(screen: QWidget) -> list[QWidget]:
    """The controls of ``screen`` that Tab can reach now (found among its children: walking the
    focus chain from Python wraps widgets that PySide later frees at the wrong time)."""
    window = screen.window()
    return [
        widget
        for widget in window.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
        and widget.isVisible()
        and widget.isEnabled()
        and not isinstance(widget, QFocusFrame)
        and (screen is window or screen.isAncestorOf(widget))
    ]


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLabel)) else ""
    name = widget.objectName() or text or widget.accessibleName()
    parent = widget.parentWidget()
    return f"{type(widget).__name__} {name[:50]!r} in {type(parent).__name__}"


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader says, found as Qt finds it: the accessible name, else a
    button's or the current tab's text, else the text of a label whose buddy it is (or of its
    form row). A combo box's current value is no name. (Qt's own accessible interfaces are not
    queried: PySide frees them when their wrapper goes, and Qt then uses them freed.)"""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    if isinstance(widget, QTabBar):
        return widget.tabText(widget.currentIndex()).replace("&", "").strip()
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text().replace("&", "").strip()
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QFormLayout):
        label = layout.labelForField(widget)
        if isinstance(label, QLabel) and label.text().strip():
            return label.text().replace("&", "").strip()
    return ""


def unnamed_controls(screen: QWidget) -> list[str]:
    """Every control Tab reaches whose name a screen reader would not know."""
    return [
        f"{describe(widget)} has no accessible name"
        for widget in tab_stops(screen)
        if not accessible_name(widget)
    ]


def tab_trap_problems(screen: QWidget) -> list[str]:
    """Tab from the first control round the whole screen: every control must be reached, and
    Tab must come back to the start (no control keeps it, as tables did, cell after cell)."""
    stops = tab_stops(screen)
    if not stops:
        return []
    window = screen.window()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    start = stops[0]
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _press in range(2 * len(stops) + 5):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is start:
            break
        if seen and focused is seen[-1]:
            return [f"Tab stays on {describe(focused)}"]
        seen.append(focused)  # type: ignore[arg-type]
    else:
        return [f"Tab never comes back to {describe(start)} (trapped near {describe(seen[-1])})"]
    reached = [start, *seen]
    missed = [w for w in stops if w not in reached and not _choice_reached(w, reached)]
    return [f"Tab never reaches {describe(widget)}" for widget in missed]


def _choice_reached(widget: QWidget, reached: list[QWidget]) -> bool:
    """Exclusive radio buttons are one Tab stop (the arrows move within): reaching one of the
    choice is reaching them all."""
    if not isinstance(widget, QRadioButton):
        return False
    group = widget.group()
    if group is not None:
        return any(other in reached for other in group.buttons())
    parent = widget.parentWidget()
    return any(isinstance(w, QRadioButton) and w.parentWidget() is parent for w in reached)


def _mnemonic_owners(screen: QWidget) -> list[tuple[str, str, str]]:
    """(key, text, what it reaches) of every mnemonic on show in ``screen``'s window."""
    window = screen.window()
    owners: list[tuple[str, str]] = []  # (text, what it reaches)
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton):
            owners.append((widget.text(), str(id(widget))))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            owners.append((widget.text(), str(id(widget.buddy()))))
        elif isinstance(widget, QGroupBox) and widget.title():
            owners.append((widget.title(), str(id(widget))))
        elif isinstance(widget, QTabBar):
            owners += [(widget.tabText(i), f"{id(widget)}:{i}") for i in range(widget.count())]
    if isinstance(window, QMainWindow):
        owners += [(action.text(), str(id(action))) for action in window.menuBar().actions()]
    return [
        (QKeySequence.mnemonic(text).toString(), text, target)
        for text, target in owners
        if not QKeySequence.mnemonic(text).isEmpty()
    ]


def mnemonic_clashes(screen: QWidget) -> list[str]:
    """Alt+letter keys that two different controls on show claim."""
    by_key: dict[str, dict[str, str]] = defaultdict(dict)
    for key, text, target in _mnemonic_owners(screen):
        by_key[key][target] = text
    return [
        f"{key} is {' and '.join(sorted(texts.values()))}"
        for key, texts in sorted(by_key.items())
        if len(texts) > 1
    ]
