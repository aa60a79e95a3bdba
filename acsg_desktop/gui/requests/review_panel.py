"""Review: reviewers' comments and the drafter's responses, as in PEFA's peer review."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.display import escape_controls, escape_line
from acsg_desktop.core.i18n import _, format_datetime
from acsg_desktop.core.people.service import Person
from acsg_desktop.core.records.requests import Comment, SupportRequest
from acsg_desktop.core.records.roles import REVIEWER_ROLES
from acsg_desktop.gui.widgets.retranslate import Retranslatable

COMMENT_ROLE = Qt.ItemDataRole.UserRole + 1
AUTHOR_ROLE = Qt.ItemDataRole.UserRole + 2


def _comment_text(comment: Comment) -> str:
    head = _("{name}, {when}:").format(
        name=escape_line(comment.author), when=format_datetime(comment.created_at, "short")
    )
    if comment.answered:
        reply = _("Response by {name}: {text}").format(
            name=escape_line(comment.responded_by), text=escape_controls(comment.response)
        )
    else:
        reply = _("Waiting for a response.")
    return f"{head} {escape_controls(comment.body)}\n    {reply}"


class ReviewPanel(Retranslatable, QWidget):
    """The list of comments, a box to write a comment or a response, and the two buttons."""

    comment_written = Signal(str)
    response_written = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current_user: Callable[[], Person | None] = lambda: None  # set by the editor
        self.comments_label = QLabel(self)
        self.comments = QListWidget(self)
        self.comments.setWordWrap(True)
        self.comments_label.setBuddy(self.comments)
        self.text_label = QLabel(self)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(80)
        self.text_label.setBuddy(self.text)
        self.comment_button, self.respond_button = QPushButton(self), QPushButton(self)
        self.comment_button.clicked.connect(self._comment)
        self.respond_button.clicked.connect(self._respond)
        self.comments.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.text.textChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        for widget in (
            self.comments_label,
            self.comments,
            self.text_label,
            self.text,
            self.comment_button,
            self.respond_button,
        ):
            layout.addWidget(widget)
        self.retranslate_ui()

    def show_request(self, request: SupportRequest) -> None:
        self.comments.clear()
        for comment in request.comments:
            item = QListWidgetItem(_comment_text(comment))
            item.setData(COMMENT_ROLE, comment.id)
            item.setData(AUTHOR_ROLE, comment.author)
            self.comments.addItem(item)
        self.text.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Each button acts only when it can; otherwise its tooltip says why."""
        has_text = bool(self.text.toPlainText().strip())
        person, item = self.current_user(), self.comments.currentItem()
        reviews = person is None or person.has_any(REVIEWER_ROLES)
        own = item is not None and person is not None and item.data(AUTHOR_ROLE) == person.name
        self.comment_button.setEnabled(has_text and reviews)
        self.comment_button.setToolTip(
            "" if reviews else _("Only a reviewer or a signatory adds review comments.")
        )
        self.respond_button.setEnabled(has_text and item is not None and not own)
        if own:
            why = _("You wrote this comment; someone else answers it.")
        elif item is None:
            why = _("Choose the comment to answer in the list.")
        else:
            why = ""
        self.respond_button.setToolTip(why)

    def _comment(self) -> None:
        self.comment_written.emit(self.text.toPlainText())

    def _respond(self) -> None:
        item = self.comments.currentItem()
        if item is not None:
            self.response_written.emit(int(item.data(COMMENT_ROLE)), self.text.toPlainText())

    def retranslate_ui(self) -> None:
        self.comments_label.setText(_("Review &comments and responses"))
        self.comments.setAccessibleName(_("Review comments"))
        self.text_label.setText(_("Wri&te a comment, or a response to the selected comment"))
        self.text.setAccessibleName(_("Comment or response"))
        self.text.setToolTip(
            _("Write what should change in the request, or answer the comment chosen above.")
        )
        self.comment_button.setText(_("Add as a reviewer's co&mment"))
        self.respond_button.setText(_("Send as the res&ponse to the selected comment"))
