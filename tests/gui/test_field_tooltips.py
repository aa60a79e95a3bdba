"""Every input field of every screen and main dialog says, in a tooltip, what to enter and why,
in English and, after a live switch, in French (issue 16: help for a tired official)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from babel.messages.pofile import read_po
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.paths import translations_dir
from tests.gui.a11y_checks import accessible_name
from tests.gui.screen_walk import (
    load_demo,
    open_demo_window,
    open_desk_window,
    walk_desk_screens,
    walk_screens,
)

FIELD_TYPES = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QSpinBox,
    QDoubleSpinBox,
    QDateEdit,
    QCheckBox,
    QRadioButton,
)
Walk = Callable[[], Iterable[tuple[str, QWidget]]]


def input_fields(screen: QWidget) -> list[QWidget]:
    """The input fields on show in ``screen`` (its whole window for a page); the line edit
    inside a combo or spin box is part of it, and a read-only text box is no input."""
    window = screen.window()
    return [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, FIELD_TYPES)
        and widget.isVisible()
        and (screen is window or screen.isAncestorOf(widget))
        and not isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox))
        and not (isinstance(widget, (QTextEdit, QPlainTextEdit)) and widget.isReadOnly())
    ]


def field_name(widget: QWidget) -> str:
    name = accessible_name(widget) or widget.objectName()
    return f"{type(widget).__name__} {name[:50]!r} in {type(widget.parentWidget()).__name__}"


def french_messages() -> set[str]:
    """Every French translation of the catalogue."""
    path = translations_dir() / "fr" / "LC_MESSAGES" / "acsg.po"
    with path.open("rb") as po_file:
        catalog = read_po(po_file, locale="fr")
    return {
        text
        for message in catalog
        if message.id
        for text in (message.string if isinstance(message.string, tuple) else (message.string,))
        if text
    }


def tooltip_problems(walk: Walk, language: LanguageSwitcher) -> list[str]:
    """Fields without a tooltip in English, then fields whose tooltip stays English in French
    (the same text as an English one and no French translation of the catalogue)."""
    problems: list[str] = []
    english: set[str] = set()
    language.apply("en", remember=False)
    for name, screen in walk():
        for field in input_fields(screen):
            if tip := field.toolTip().strip():
                english.add(tip)
            else:
                problems.append(f"en {name}: {field_name(field)} has no tooltip")
    french = french_messages()
    language.apply("fr", remember=False)
    for name, screen in walk():
        for field in input_fields(screen):
            tip = field.toolTip().strip()
            if not tip:
                problems.append(f"fr {name}: {field_name(field)} has no tooltip")
            elif tip in english and tip not in french:
                problems.append(f"fr {name}: {field_name(field)} keeps {tip[:60]!r}")
    return sorted(set(problems))


def test_every_field_of_the_main_window_has_a_tooltip_in_both_languages(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    load_demo(workspace, identity=True)
    window = open_demo_window(qtbot, workspace, language)
    seen: list[str] = []

    def walk() -> Iterator[tuple[str, QWidget]]:
        for name, screen in walk_screens(window, qtbot):
            seen.append(name)
            yield name, screen

    problems = tooltip_problems(walk, language)
    assert {"wizard-indicator", "request-draft-1", "settings", "first-run-errors"} <= set(seen)
    assert not problems, "\n".join(problems)


def test_every_field_of_the_desk_has_a_tooltip_in_both_languages(
    qtbot: QtBot, received_desk: DeskWorkspace, language: LanguageSwitcher
) -> None:
    window = open_desk_window(qtbot, received_desk, language)
    problems = tooltip_problems(lambda: walk_desk_screens(window, qtbot), language)
    assert not problems, "\n".join(problems)


def test_a_field_without_a_tooltip_is_reported(qtbot: QtBot) -> None:
    screen = QWidget()
    qtbot.addWidget(screen)
    named, bare, combo = QLineEdit(screen), QCheckBox("Bare", screen), QComboBox(screen)
    named.setToolTip("Type the office's name as on its letters.")
    combo.setEditable(True)
    combo.setToolTip("Choose one.")
    screen.show()
    qtbot.waitExposed(screen)
    assert set(input_fields(screen)) == {named, bare, combo}  # not the combo's line edit
    assert [w for w in input_fields(screen) if not w.toolTip()] == [bare]
