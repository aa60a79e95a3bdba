"""The last step: what is still missing, what does not apply, and completing the assessment."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.assessment.scoring import Scores
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _, format_percent
from acsg_desktop.core.records.assessment import Answer, answer_problems
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.retranslate import Retranslatable

STEP_ROLE = Qt.ItemDataRole.UserRole + 1


class ReviewPage(Retranslatable, QWidget):
    """Lists unanswered or incomplete indicators (activate one to go there)."""

    go_to = Signal(str)
    complete_requested = Signal()
    results_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.missing_label = QLabel(self)
        self.missing = QListWidget(self)
        self.missing.setWordWrap(True)
        self.missing.setSpacing(3)  # one question from the next, when they wrap
        self.missing.setAlternatingRowColors(True)
        self.missing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.missing_label.setBuddy(self.missing)
        self.missing.itemActivated.connect(lambda item: self.go_to.emit(item.data(STEP_ROLE)))
        self.complete_button = QPushButton(self)
        self.complete_button.clicked.connect(self.complete_requested)
        self.results_button = QPushButton(self)
        self.results_button.clicked.connect(self.results_requested)
        self.message = MessageLabel(self)  # announced to screen readers
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (
            self.summary,
            self.missing_label,
            self.missing,
            self.complete_button,
            self.results_button,
            self.message,
        ):
            layout.addWidget(widget)
        self.retranslate_ui()

    def show_state(
        self,
        framework: Framework,
        contexts: dict[str, bool],
        answers: dict[str, Answer],
        scores: Scores,
    ) -> None:
        """Refresh from the stored answers."""
        self._state = (framework, contexts, answers, scores)
        self._fill()
        self.message.clear()

    def _fill(self) -> None:
        framework, contexts, answers, scores = self._state
        self.missing.clear()
        for indicator in framework.indicators:
            if not indicator.applies(contexts):
                continue
            answer = answers.get(indicator.id)
            if answer is None:
                reason = _("not answered")
            elif problems := answer_problems(answer, indicator):
                reason = next(iter(problems.values()))
            else:
                continue
            item = QListWidgetItem(f"{indicator.question.get()} ({reason})")
            item.setData(STEP_ROLE, indicator.id)
            self.missing.addItem(item)
        self.summary.setText(
            _(
                "{answered} of {applicable} applicable indicators have a complete answer "
                "({percent})."
            ).format(
                answered=scores.answered,
                applicable=scores.applicable,
                percent=format_percent(scores.completion),
            )
        )

    def show_message(self, text: str) -> None:
        show_text(self.message, text)

    def retranslate_ui(self) -> None:
        self.missing_label.setText(_("Still to answer (press Enter to go there):"))
        self.missing.setAccessibleName(_("Still to answer"))
        self.complete_button.setText(_("&Mark as completed"))
        self.results_button.setText(_("See the &results"))
        if hasattr(self, "_state"):
            self._fill()
