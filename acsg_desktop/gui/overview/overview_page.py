"""The Overview area, shown first: the one next action with a button that goes there, where the
current assessment stands, its top gaps, the requests and the last package, and the scores of
every assessment over time. Read again each time it is shown (work done elsewhere shows)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.i18n import _
from acsg_desktop.core.overview.facts import OverviewFacts, gather
from acsg_desktop.core.overview.next_action import NextAction, next_action
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.overview.standing_box import StandingBox, wrapped_label
from acsg_desktop.gui.overview.trends_box import TrendsBox
from acsg_desktop.gui.overview.work_boxes import GapsBox, WorkBox
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class NextActionBar(QFrame):
    """The next action in one sentence, and the button that goes there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.sentence = wrapped_label(self)
        self.button = QPushButton(self)
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.sentence)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        layout.addWidget(self.button)

    def show_action(self, action: NextAction) -> None:
        self.heading.setText(_("Next step"))
        self.sentence.setText(action.text())
        self.button.setText(action.button_text())
        self.button.setAccessibleDescription(action.text())


class OverviewPage(Retranslatable, QWidget):
    """``action_requested(NextAction)`` when its button is pressed: the window goes there."""

    action_requested = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.facts = OverviewFacts()
        self.action = next_action(self.facts)
        self.title = make_page_title(self)
        self.next_bar = NextActionBar(self)
        self.next_bar.button.clicked.connect(lambda: self.action_requested.emit(self.action))
        self.standing = StandingBox(self)
        self.gaps, self.work = GapsBox(self), WorkBox(self)
        self.trends = TrendsBox(self)
        grid = QGridLayout()
        grid.addWidget(self.standing, 0, 0, 2, 1)
        grid.addWidget(self.gaps, 0, 1)
        grid.addWidget(self.work, 1, 1)
        grid.addWidget(self.trends, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.next_bar)
        layout.addLayout(grid)
        layout.addStretch(1)  # an empty folder: short boxes at the top, not stretched ones
        self.refresh()
        self._just_read = True  # the first show comes right after: no second read at start-up

    def refresh(self) -> None:
        """Read the facts again (their texts in the current language) and show them."""
        self.facts = gather(self._workspace)
        self.action = next_action(self.facts)
        self._show_facts()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._just_read:
            self.refresh()
        self._just_read = False

    def retranslate_ui(self) -> None:
        self.refresh()  # area titles and questions are read in the new language

    def _show_facts(self) -> None:
        facts = self.facts
        self.title.setText(_("Overview"))
        self.next_bar.show_action(self.action)
        self.standing.show_standing(facts.standing)
        self.gaps.show_gaps(facts.top_gaps, facts.standing is not None)
        self.work.show_work(facts.requests_by_stage, facts.last_package)
        self.trends.show_trend(facts.trend)
