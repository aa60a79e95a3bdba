from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

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
