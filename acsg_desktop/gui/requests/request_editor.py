"""One support request: the form, possible offers, review, history and workflow buttons."""

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
from acsg_desktop.core.offers.service import OfferService
from acsg_desktop.core.records.requests import SupportRequest
from acsg_desktop.core.requests.blank import is_blank_draft
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.requests.service import RequestError, RequestService
from acsg_desktop.core.requests.validation import completeness, request_problems
from acsg_desktop.core.requests.workflow import (
    NEEDS_REASON_TO_EDIT,
    RequestAction,
    available_actions,
    is_editable,
)
from acsg_desktop.gui.requests import reply_dialog
from acsg_desktop.gui.requests.offers_panel import RequestOffersPanel
from acsg_desktop.gui.requests.request_form import RequestForm
from acsg_desktop.gui.requests.review_panel import ReviewPanel
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.history_view import HistoryView
from acsg_desktop.gui.widgets.honest_buttons import enable_with_reason
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.widgets.scrolling_pages import follow_focus

# The buttons that move the request, each offered when the core says the action is available.
ACTION_BUTTONS = {
    "submit": RequestAction.SUBMIT,
    "send_back": RequestAction.SEND_BACK,
    "approve": RequestAction.APPROVE,
    "reply": RequestAction.RECORD_REPLY,
    "withdraw": RequestAction.WITHDRAW,
}
# Every button below the form, left to right, and the method it calls.
BUTTON_METHODS = {
    "save": "save",
    "submit": "submit",
    "send_back": "send_back",
    "approve": "approve",
    "reply": "record_reply",
    "withdraw": "withdraw",
    "delete": "delete_blank",
    "back": "close_editor",
}


class RequestEditor(Retranslatable, QWidget):
    """Edits one request; every action is made in the name of the current user."""

    closed = Signal()

    def __init__(
        self,
        service: RequestService,
        offers: OfferService,
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
        self.reply = QLabel(self)  # the Secretariat's message, once there is one
        self.reply.setWordWrap(True)
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 100)
        self.form = RequestForm(framework, self)
        self.form.changed.connect(self._edited)
        self.review = ReviewPanel(self)
        self.review.comment_written.connect(self._comment)
        self.review.response_written.connect(self._respond)
        self.history = HistoryView(self)
        self.offers = RequestOffersPanel(offers, framework, user, self)
        self.offers.interest_changed.connect(self._interest_changed)
        self.offers.failed.connect(lambda text: self._say(text, error=True))
        self.tabs = QTabWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        follow_focus(scroll)  # its fields are the Tab stops, each scrolled into view
        for widget in (scroll, self.offers, self.review, self.history):
            self.tabs.addTab(widget, "")
        self.buttons = {name: QPushButton(self) for name in BUTTON_METHODS}
        for name, button in self.buttons.items():
            button.clicked.connect(getattr(self, BUTTON_METHODS[name]))
        self.message = MessageLabel(self)  # announced to screen readers
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
        layout.addWidget(self.reply)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)

    def _edited(self) -> None:
        self._dirty = True
        self._show_completeness()
        self._offer_delete()

    def _offer_delete(self) -> None:
        """A draft nothing was written in (a "New request" by mistake) can be deleted."""
        button = self.buttons["delete"]
        button.setVisible(is_blank_draft(self.request))
        unsaved = _("Something was typed: save it, or withdraw the request instead.")
        enable_with_reason(button, unsaved if self._dirty else "")

    def delete_blank(self) -> None:
        """Delete this blank draft and go back to the list."""
        try:
            self._service.delete_blank(
                self.request.id, actor=self._user(), expected_version=self.request.version
            )
        except AcsgError as error:
            self._say(error.message, error=True)
            return
        self._dirty = False
        self.closed.emit()

    def _show_completeness(self) -> None:
        content = self.form.content()
        self.meter.setValue(round(completeness(content) * 100))
        self.meter.setFormat(_("Complete: %p%"))

    def _refresh(self) -> None:
        request = self.request
        self.title.setText(
            _("Request {id}: {title}").format(id=request.id, title=request.content.title)
        )
        status, message = reply_dialog.status_texts(request)
        self.status.setText(status)
        self.reply.setText(message)
        self.reply.setVisible(bool(message))
        editable = is_editable(request.status)
        self.form.set_read_only(not editable)
        self.review.show_request(request)
        self.history.set_entries(
            self._service.history(request.id), currency=request.content.currency
        )
        self.offers.show_request(request)
        self.buttons["save"].setEnabled(editable)
        offered = available_actions(request.status)
        for name, action in ACTION_BUTTONS.items():
            self.buttons[name].setEnabled(action in offered)
        self.buttons["reply"].setVisible(RequestAction.RECORD_REPLY in offered)  # once exported
        self._show_completeness()
        self._offer_delete()

    def _run(self, action: Callable[[], SupportRequest], done: str) -> bool:
        try:
            self.request = action()
        except AcsgError as error:
            self._say(error.message, error=True)
            if isinstance(error, RequestError) and error.problems:
                self.form.show_problems(error.problems)
            return False
        self._say(done)
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
        self._offer_delete()
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

    def record_reply(self) -> None:
        """Record the Secretariat's reply to the exported request: its match stage, a message."""
        reply = reply_dialog.ask_reply(self.request, self)
        if reply is None:
            return
        stage, message = reply
        seen = self.request.version  # a reply recorded meanwhile by someone else is a conflict
        self._run(
            lambda: self._service.record_reply(
                self.request.id, stage, actor=self._user(), message=message, expected_version=seen
            ),
            _("Recorded the Secretariat's reply: {stage}.").format(stage=label(stage)),
        )

    def _say(self, text: str, error: bool = False) -> None:
        self.message.say(text, error=error)  # an error is announced at once

    def _interest_changed(self, done: str) -> None:  # show it, and its entry in the history
        self.request = self._service.get(self.request.id)  # marking makes a new version
        self.offers.follow_own_change(self.request)
        self.history.set_entries(
            self._service.history(self.request.id), currency=self.request.content.currency
        )
        self._say(done)

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
        names = (_("Request"), _("Possible offers to discuss"), _("Review"), _("History"))
        for index, text in enumerate(names):
            self.tabs.setTabText(index, text)
        texts = {
            "save": _("Sa&ve"),
            "submit": _("Send for &review"),
            "send_back": _("Send &back to drafter"),
            "approve": _("&Approve"),
            "reply": _("Record the Secretariat's repl&y…"),
            "withdraw": _("With&draw…"),
            "delete": _("&Delete this empty draft"),
            "back": _("Back to the li&st"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.meter.setAccessibleName(_("Completeness"))
        self._refresh()
