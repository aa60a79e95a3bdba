from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.fonts import load_fonts
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.widgets.accessible_style import apply_accessible_look


@pytest.fixture
def workspace(isolated_home: Path) -> Iterator[Workspace]:
    opened = Workspace.open(isolated_home)
    yield opened
    opened.close()


@pytest.fixture
def language(qapp: QApplication, isolated_home: Path) -> Iterator[LanguageSwitcher]:
    load_fonts(qapp)
    apply_accessible_look(qapp)  # as the app starts
    switcher = LanguageSwitcher(qapp, isolated_home)
    switcher.apply("en", remember=False)
    yield switcher
    switcher.apply("en", remember=False)


@pytest.fixture(autouse=True)
def no_key_held_after(qapp: QApplication) -> Iterator[None]:
    """A test ending on Ctrl+key leaves Qt believing Ctrl is still held (offscreen), which turns
    the next test's ``selectRow`` into Ctrl+click (added to the selection): release it."""
    yield
    if QApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        QTest.keyRelease(QWidget(), Qt.Key.Key_Control)


@pytest.fixture
def received_desk(tmp_path: Path) -> Iterator[DeskWorkspace]:
    """A desk that has taken in the demo's packages (for walks over the desk's screens)."""
    from tests.gui.screen_walk import demo_desk_packages

    packages = demo_desk_packages(tmp_path / "field")
    desk = DeskWorkspace.open(tmp_path / "desk")
    desk.trust.create("Desk officer", b"the desk's own long passphrase")
    desk.intake.intake(packages, actor="Desk officer")
    yield desk
    desk.close()
