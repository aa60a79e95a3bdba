"""One support request: the form, the review, the history, and the workflow buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.requests import SupportRequest
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.requests.service import RequestError, RequestService
from acsg_desktop.core.requests.validation import completeness, request_problems
from acsg_desktop.core.requests.workflow import (
    NEEDS_REASON_TO_EDIT,
    RequestAction,
    available_actions,
    is_editable,
)
from acsg_desktop.gui.requests import outcome_dialog
from acsg_desktop.gui.requests.request_form import RequestForm
from acsg_desktop.gui.requests.review_panel import ReviewPanel
from acsg_desktop.gui.widgets.history_view import HistoryView
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable

ERROR_STYLE = "color: #b00020;"
# The buttons that move the request, each offered when the core says the action is available.
ACTION_BUTTONS = {
    "submit": RequestAction.SUBMIT,
    "send_back": RequestAction.SEND_BACK,
    "approve": RequestAction.APPROVE,
    "outcome": RequestAction.RECORD_OUTCOME,
    "withdraw": RequestAction.WITHDRAW,
}


class RequestEditor(Retranslatable, QWidget):
    """Edits one request; every action is made in the name of the current user."""

    closed = Signal()

    def __init__(
        self,
        service: RequestService,
        framework: Framework,
        request_id: int,
        user: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._user = service, user
        self.request: SupportRequest = service.get(request_id)
        self._dirty = False
        self.title = make_page_title(self)
        self.title.setWordWrap(True)
        self.status = QLabel(self)
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 100)
        self.form = RequestForm(framework, self)
        self.form.changed.connect(self._edited)
        self.review = ReviewPanel(self)
        self.review.comment_written.connect(self._comment)
        self.review.response_written.connect(self._respond)
        self.history = HistoryView(self)
        self.tabs = QTabWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        for widget in (scroll, self.review, self.history):
            self.tabs.addTab(widget, "")
        self.buttons = {
            name: QPushButton(self)
            for name in ("save", "submit", "send_back", "approve", "outcome", "withdraw", "back")
        }
        actions: dict[str, Callable[[], object]] = {
            "save": self.save,
            "submit": self.submit,
            "send_back": self.send_back,
            "approve": self.approve,
            "outcome": self.record_outcome,
            "withdraw": self.withdraw,
            "back": self.close_editor,
        }
        for name, button in self.buttons.items():
            button.clicked.connect(actions[name])
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self._lay_out()
        self.form.set_content(self.request.content)
        self.retranslate_ui()
        self._refresh()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.status)
        top.addWidget(self.meter, 1)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)

    def _edited(self) -> None:
        self._dirty = True
        self._show_completeness()

    def _show_completeness(self) -> None:
        content = self.form.content()
        self.meter.setValue(round(completeness(content) * 100))
        self.meter.setFormat(_("Complete: %p%"))

    def _refresh(self) -> None:
        request = self.request
        self.title.setText(
            _("Request {id}: {title}").format(id=request.id, title=request.content.title)
        )
        approval = (
            _(" · approved by {name}").format(name=request.approved_by)
            if request.approved_by
            else ""
        )
        self.status.setText(_("Status: {status}").format(status=label(request.status)) + approval)
        editable = is_editable(request.status)
        self.form.set_read_only(not editable)
        self.review.show_request(request)
        self.history.set_entries(self._service.history(request.id))
        self.buttons["save"].setEnabled(editable)
        offered = available_actions(request.status)
        for name, action in ACTION_BUTTONS.items():
            self.buttons[name].setEnabled(action in offered)
        # The reply exists only once the package went out: no point showing it before.
        self.buttons["outcome"].setVisible(RequestAction.RECORD_OUTCOME in offered)
        self._show_completeness()

    def _run(self, action: Callable[[], SupportRequest], done: str) -> bool:
        try:
            self.request = action()
        except AcsgError as error:
            self.message.setText(error.message)
            self.message.setStyleSheet(ERROR_STYLE)
            if isinstance(error, RequestError) and error.problems:
                self.form.show_problems(error.problems)
            return False
        self.message.setText(done)
        self.message.setStyleSheet("")
        self._refresh()
        return True

    def save(self) -> bool:
        """Store the edits (asking for a reason when the request was approved)."""
        reason = ""
        if self.request.status in NEEDS_REASON_TO_EDIT:
            reason, accepted = QInputDialog.getText(
                self,
                _("Reason for the change"),
                _("This request is approved. Why are you changing it? It will go back to review."),
            )
            if not accepted or not reason.strip():
                return False
        content, seen = self.form.content(), self.request.version
        self.form.show_problems({})
        saved = self._run(  # on a conflict the form keeps the user's edit
            lambda: self._service.update(
                self.request.id, content, actor=self._user(), reason=reason, expected_version=seen
            ),
            _("Saved."),
        )
        self._dirty = not saved
        return saved

    def submit(self) -> None:
        if self._dirty and not self.save():
            return
        self.form.show_problems(request_problems(self.form.content()))
        seen = self.request.version
        self._run(
            lambda: self._service.submit_for_review(
                self.request.id, actor=self._user(), expected_version=seen
            ),
            _("Sent for review."),
        )

    def send_back(self) -> None:
        reason, accepted = QInputDialog.getText(
            self, _("Send back to the drafter"), _("What should the drafter change?")
        )
        if accepted:
            seen = self.request.version
            self._run(
                lambda: self._service.send_back(
                    self.request.id, actor=self._user(), reason=reason, expected_version=seen
                ),
                _("Sent back."),
            )

    def approve(self) -> None:
        seen = self.request.version  # approve what the reviewer saw, not a later edit
        self._run(
            lambda: self._service.approve(
                self.request.id, actor=self._user(), expected_version=seen
            ),
            _("Approved."),
        )

    def record_outcome(self) -> None:
        """Record the Secretariat's reply to the exported request (matched or not, a note)."""
        outcome = outcome_dialog.ask_outcome(self.request.id, self)
        if outcome is None:
            return
        matched, note = outcome
        seen = self.request.version  # a reply recorded meanwhile by someone else is a conflict
        self._run(
            lambda: self._service.record_outcome(
                self.request.id, matched, actor=self._user(), note=note, expected_version=seen
            ),
            _("Recorded: matched with an offer.") if matched else _("Recorded: not matched."),
        )

    def withdraw(self) -> None:
        reason, accepted = QInputDialog.getText(
            self, _("Withdraw the request"), _("Why is the request withdrawn?")
        )
        if accepted:
            seen = self.request.version
            self._run(
                lambda: self._service.withdraw(
                    self.request.id, actor=self._user(), reason=reason, expected_version=seen
                ),
                _("Withdrawn."),
            )

    def _comment(self, text: str) -> None:
        self._run(
            lambda: self._service.comment(self.request.id, text, actor=self._user()),
            _("Comment added."),
        )

    def _respond(self, comment_id: int, text: str) -> None:
        self._run(
            lambda: self._service.respond(self.request.id, comment_id, text, actor=self._user()),
            _("Response added."),
        )

    def close_editor(self) -> None:
        """Save pending edits, then go back to the list."""
        if self._dirty and is_editable(self.request.status) and not self.save():
            return
        self.closed.emit()

    def retranslate_ui(self) -> None:
        for index, text in enumerate((_("Request"), _("Review"), _("History"))):
            self.tabs.setTabText(index, text)
        texts = {
            "save": _("Sa&ve"),
            "submit": _("Send for &review"),
            "send_back": _("Send &back to drafter"),
            "approve": _("&Approve"),
            "outcome": _("Record the Secretariat's repl&y…"),
            "withdraw": _("&Withdraw…"),
            "back": _("Back to the li&st"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.meter.setAccessibleName(_("Completeness"))
        self._refresh()
