import sys

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot


def test_void_qt_calls_do_not_release_none(qtbot: QtBot) -> None:
    """PySide6 6.12.0 under Python 3.11 drops a reference to None on every void call and
    aborts the app after a few thousand; this guards the pinned version against that."""
    combo = QComboBox()
    qtbot.addWidget(combo)
    before = sys.getrefcount(None)
    for _ in range(2000):
        combo.clear()
        combo.addItem("Chad", "TD")
    assert sys.getrefcount(None) >= before - 50
