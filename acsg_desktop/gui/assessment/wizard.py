"""The assessment wizard: a thin Qt shell over the Qt-free AssessmentNavigator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.assessment.navigator import CONTEXT_STEP, REVIEW_STEP, AssessmentNavigator
from acsg_desktop.core.assessment.service import AssessmentService
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.evidence.service import EvidenceService
from acsg_desktop.core.i18n import _, format_number, format_time
from acsg_desktop.core.records.assessment import Answer, AssessmentStatus, answer_problems
from acsg_desktop.gui.assessment.context_page import ContextPage
from acsg_desktop.gui.assessment.evidence_box import EvidenceFilesBox
from acsg_desktop.gui.assessment.indicator_page import IndicatorPage
from acsg_desktop.gui.assessment.review_page import ReviewPage
from acsg_desktop.gui.assessment.status_dialogs import confirm_completion
from acsg_desktop.gui.widgets.accessible_style import ERROR_STYLE
from acsg_desktop.gui.widgets.announce import announce
from acsg_desktop.gui.widgets.history_dialog import HistoryDialog
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.read_only import set_read_only
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.widgets.status_line import StatusLine

STEP_ROLE = Qt.ItemDataRole.UserRole + 1


def _saved_now() -> str:
    return _("Saved at {time}.").format(time=format_time(datetime.now().time()))


class AssessmentWizard(Retranslatable, QWidget):
    """Overview of areas on the left, one step at a time on the right, Back and Next below."""

    closed = Signal()
    results_requested = Signal(int)
    guide_requested = Signal(str)

    def __init__(
        self,
        service: AssessmentService,
        assessment_id: int,
        people: list[str],
        user: Callable[[], str],
        parent: QWidget | None = None,
        *,
        evidence: EvidenceService | None = None,
    ) -> None:
        super().__init__(parent)
        self._user = user
        self._service, self.assessment_id = service, assessment_id
        self.summary = service.get(assessment_id)
        self.framework = service.framework_of(self.summary)
        self.answers = service.answers(assessment_id)
        self.navigator = AssessmentNavigator(
            self.framework, self.summary.contexts, self.summary.cursor
        )
        # A completed assessment changes only once a reviewer reopens it (from its results).
        self.read_only = self.summary.status in (
            AssessmentStatus.LOCKED,
            AssessmentStatus.COMPLETED,
        )
        self._build(people)
        self.evidence_box = self._add_evidence_box(evidence) if evidence else None
        self.retranslate_ui()
        self.show_step(self.navigator.current, remember=False)

    def _build(self, people: list[str]) -> None:
        self.title = QLabel(self)
        self.overview = QListWidget(self)
        self.overview.setFixedWidth(300)
        self.overview.setWordWrap(True)
        self.overview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overview.itemActivated.connect(self._overview_chosen)
        self.overview.itemClicked.connect(self._overview_chosen)
        self.context_page = ContextPage(self.framework, self)
        self.context_page.set_contexts(self.summary.contexts)
        self.context_page.contexts_changed.connect(self._contexts_changed)
        self.indicator_page = IndicatorPage(self)
        self.indicator_page.set_people(people)
        self.indicator_page.answer_given.connect(self._save)
        self.indicator_page.answer_pending.connect(self._pending)
        self.indicator_page.guide_requested.connect(self.guide_requested)
        self.review_page = ReviewPage(self)
        self.review_page.go_to.connect(lambda step: self.show_step(self.navigator.go_to(step)))
        self.review_page.complete_requested.connect(self._complete)
        self.review_page.results_requested.connect(
            lambda: self.results_requested.emit(self.assessment_id)
        )
        self.indicator_scroll = QScrollArea(self)
        self.indicator_scroll.setWidgetResizable(True)
        self.indicator_scroll.setWidget(self.indicator_page)
        self.indicator_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop of its own
        for widget in self.indicator_page.focus_order():
            widget.installEventFilter(self)  # a field reached by Alt+letter is scrolled to
        self.pages = QStackedWidget(self)
        for page in (self.context_page, self.indicator_scroll, self.review_page):
            self.pages.addWidget(page)
        self.back_button, self.next_button, self.close_button = (QPushButton(self) for _ in "bnc")
        self.history_button = QPushButton(self)
        self.history_button.clicked.connect(self.show_history)
        self.back_button.clicked.connect(lambda: self.show_step(self.navigator.back()))
        self.next_button.clicked.connect(lambda: self.show_step(self.navigator.next()))
        self.close_button.clicked.connect(self.close_wizard)
        self.save_status = StatusLine(self)
        self._lay_out()
        self._set_tab_order()
        for widget in (self.context_page, self.indicator_page):
            set_read_only(widget, self.read_only)  # still read and reached by Tab

    def _add_evidence_box(self, evidence: EvidenceService) -> EvidenceFilesBox:
        """The answer's evidence files, added once the page is read only or not (its Open
        button stays usable either way)."""
        box = EvidenceFilesBox(evidence, self._user, self.indicator_page)
        self.indicator_page.add_below_answer(box, box.focus_order)
        for widget in box.focus_order():
            widget.installEventFilter(self)
        self._set_tab_order()
        return box

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_status, 1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        right = QVBoxLayout()
        right.addWidget(self.pages, 1)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.overview)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)

    def _set_tab_order(self) -> None:
        """Tab goes down the page shown, then along the buttons from left to right."""
        chain = [
            self.overview,
            *self.context_page.boxes.values(),
            *self.indicator_page.focus_order(),
            self.review_page.missing,
            self.review_page.complete_button,
            self.review_page.results_button,
            self.close_button,
            self.history_button,
            self.back_button,
            self.next_button,
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            page = self.indicator_page
            if watched in page.level_buttons:  # its description too, just below it
                text = page.level_texts[page.level_buttons.index(watched)]
                self.indicator_scroll.ensureWidgetVisible(text)
            self.indicator_scroll.ensureWidgetVisible(watched)
        return super().eventFilter(watched, event)

    def _start_at_top(self, index: int) -> None:
        """Show page ``index`` from its top, the keyboard on its first control."""
        self.pages.setCurrentIndex(index)
        self.indicator_scroll.verticalScrollBar().setValue(0)
        first = {
            0: next(iter(self.context_page.boxes.values()), None),
            1: self.indicator_page.level_buttons[0],
            2: self.review_page.missing
            if self.review_page.missing.count()
            else self.review_page.complete_button,
        }[index]
        if first is not None and first.isEnabled():
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.indicator_scroll.verticalScrollBar().setValue(0)

    def show_step(self, step: str, remember: bool = True) -> None:
        """Show ``step`` (context questions, an indicator id, or the review)."""
        self.indicator_page.flush()
        if step in (CONTEXT_STEP, REVIEW_STEP):
            self._status("")
        if step == CONTEXT_STEP:
            self._start_at_top(0)
            announce(self, _("Context questions"))
        elif step == REVIEW_STEP:
            self.review_page.show_state(
                self.framework,
                self.context_page.contexts(),
                self.answers,
                self._service.scores(self.assessment_id),
            )
            self._start_at_top(2)
            announce(self, _("Review and complete"))
        else:
            indicator = self.framework.indicator(step)
            position = _("{index} of {count}").format(
                index=format_number(self.navigator.position),
                count=format_number(len(self.navigator.steps) - 2),
            )
            self.indicator_page.show_indicator(
                self.framework.area(indicator.area_id),
                indicator,
                self.answers.get(step),
                self._user(),
                position,
            )
            if self.evidence_box is not None:
                self.evidence_box.show_answer(self.assessment_id, step, self.read_only)
            self._start_at_top(1)
            page = self.indicator_page
            announce(self, f"{page.area_label.text()}. {page.question.text()}")
            self._show_answer_state(self.answers.get(step), saved_now=False)
        self.history_button.setEnabled(step not in (CONTEXT_STEP, REVIEW_STEP))
        self.back_button.setEnabled(self.navigator.can_go_back())
        self.next_button.setEnabled(self.navigator.can_go_next())
        self._refresh_overview()
        if remember and not self.read_only:
            self._service.set_cursor(self.assessment_id, step)

    def _save(self, answer: Answer | None) -> None:
        if answer is None:
            self._status(
                _("Not saved yet: choose a level, “not applicable” or “insufficient information”."),
                error=True,
            )
            return
        known = self.answers.get(answer.indicator_id)
        seen = known.version if known else 0  # another person's save meanwhile is a conflict
        try:
            saved = self._service.save_answer(
                self.assessment_id, answer, actor=self._user(), expected_version=seen
            )
        except AcsgError as error:  # the edit stays on the page, not saved
            self._status(_("Not saved: {reason}").format(reason=error.message), error=True)
            return
        self.answers[saved.indicator_id] = saved
        self._show_answer_state(saved, saved_now=True)
        self._refresh_overview()

    def _pending(self) -> None:
        """Typed but not stored yet: never "Saved" until the commit has returned."""
        self._status(_("Saving…"), spoken=False)

    def _show_answer_state(self, answer: Answer | None, saved_now: bool) -> None:
        if answer is None:
            self._status(_("Not answered yet."), spoken=saved_now)
            return
        text = _saved_now() if saved_now else _("Saved.")
        problems = answer_problems(answer, self.framework.indicator(answer.indicator_id))
        if problems:
            text += " " + _("Still needed: {problem}").format(problem=next(iter(problems.values())))
        self._status(text, error=bool(problems), spoken=saved_now)

    def _status(self, text: str, error: bool = False, spoken: bool = True) -> None:
        """Show ``text`` below the page; ``spoken``: also announce it (a save, an error)."""
        show_text(self.save_status, text)
        self.save_status.setStyleSheet(ERROR_STYLE if error else "")
        if spoken:
            announce(self.save_status, text, urgent=error)

    def _contexts_changed(self, contexts: dict[str, bool]) -> None:
        seen = self.summary.version  # a colleague's change to the contexts is a conflict
        try:
            self._service.set_contexts(
                self.assessment_id, contexts, actor=self._user(), expected_version=seen
            )
        except AcsgError as error:
            self._status(_("Not saved: {reason}").format(reason=error.message), error=True)
            return
        self.summary = replace(self.summary, contexts=contexts, version=seen + 1)
        self.navigator.set_contexts(contexts)
        self._status(_saved_now())
        self._refresh_overview()

    def _overview_chosen(self, item: QListWidgetItem) -> None:
        step = item.data(STEP_ROLE)
        if step not in (CONTEXT_STEP, REVIEW_STEP):
            step = self.navigator.first_unanswered_in(step, self.answers)
        self.show_step(self.navigator.go_to(step))

    def _refresh_overview(self) -> None:
        self.overview.blockSignals(True)
        self.overview.clear()
        self._add_overview_item(_("Context questions"), CONTEXT_STEP)
        for progress in self.navigator.progress(self.answers):
            label = _("{area} ({answered}/{applicable})").format(
                area=progress.area.title.get(),
                answered=progress.answered,
                applicable=progress.applicable,
            )
            self._add_overview_item(label, progress.area.id)
        self._add_overview_item(_("Review and complete"), REVIEW_STEP)
        current = self.navigator.current
        current_key = (
            current
            if current in (CONTEXT_STEP, REVIEW_STEP)
            else self.framework.indicator(current).area_id
        )
        for row in range(self.overview.count()):
            if self.overview.item(row).data(STEP_ROLE) == current_key:
                self.overview.setCurrentRow(row)
        self.overview.blockSignals(False)

    def _add_overview_item(self, label: str, key: str) -> None:
        item = QListWidgetItem(label)
        item.setData(STEP_ROLE, key)
        self.overview.addItem(item)

    def _complete(self) -> None:
        if not confirm_completion(self):
            return
        try:
            self._service.complete(self.assessment_id, actor=self._user())
        except AcsgError as error:
            self.review_page.show_message(error.message)
            return
        self.results_requested.emit(self.assessment_id)

    def show_history(self) -> None:
        """Who changed this answer, when, and from what to what."""
        step = self.navigator.current
        if step in (CONTEXT_STEP, REVIEW_STEP):
            return
        entries = self._service.answer_history(self.assessment_id, step)
        title = _("History: {question}").format(
            question=self.framework.indicator(step).question.get()
        )
        HistoryDialog(title, entries, self).exec()

    def close_wizard(self) -> None:
        """Save what is pending and go back to the list."""
        self.indicator_page.flush()
        self.closed.emit()

    def _status_text(self) -> str:
        if self.summary.status is AssessmentStatus.LOCKED:
            return _("read only (locked)")
        if self.summary.status is AssessmentStatus.COMPLETED:
            return _("read only (completed: a reviewer can reopen it from its results)")
        return _("answers are saved as you go")

    def retranslate_ui(self) -> None:
        self.title.setText(
            _("{title} · {status}").format(
                title=self.summary.title,
                status=self._status_text(),
            )
        )
        self.back_button.setText(_("&Back"))
        self.history_button.setText(_("Histor&y…"))
        self.next_button.setText(_("&Next"))
        self.close_button.setText(_("Back to the li&st"))
        self.overview.setAccessibleName(_("Areas and progress"))
        self._refresh_overview()
