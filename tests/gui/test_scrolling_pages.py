"""The scroll area around a window's pages follows the focus, and its follower never outlives it:
destroying an area while the focus is inside it raises nothing (pytest-qt fails a test whose
slot raises)."""

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from acsg_desktop.gui.widgets.scrolling_pages import scrolling


def test_an_area_destroyed_with_the_focus_inside_raises_nothing(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    content = QWidget()
    field = QLineEdit(content)
    QVBoxLayout(content).addWidget(field)
    area = scrolling(content, window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    area.deleteLater()  # the focus leaves the field while the area is being destroyed
    qtbot.waitUntil(lambda: not window.findChildren(QLineEdit))
    other = QLineEdit(window)
    other.show()
    other.setFocus()  # the application's focus signal still fires: no dead follower answers it
    qtbot.waitUntil(other.hasFocus)
