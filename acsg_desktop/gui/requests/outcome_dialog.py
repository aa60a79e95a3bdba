"""Asks for the Secretariat's reply to an exported request: matched or not, and a note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.i18n import _

MATCHED_ID, NOT_MATCHED_ID = 1, 0


class OutcomeDialog(QDialog):
    """Two choices and an optional note; OK stays disabled until a choice is made."""

    def __init__(self, request_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("The Secretariat's reply"))
        self.prompt = QLabel(
            _("What did the Secretariat answer about request {id}?").format(id=request_id), self
        )
        self.prompt.setWordWrap(True)
        self.matched = QRadioButton(_("&Matched with an offer of support"), self)
        self.not_matched = QRadioButton(_("&Not matched"), self)
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.matched, MATCHED_ID)
        self.choices.addButton(self.not_matched, NOT_MATCHED_ID)
        self.note_label = QLabel(_("N&ote (optional)"), self)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(_("For example, the offer's reference or the reason given"))
        self.note.setAccessibleName(_("Note"))
        self.note_label.setBuddy(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button.setEnabled(False)
        self.choices.idClicked.connect(lambda _id: self.ok_button.setEnabled(True))
        layout = QVBoxLayout(self)
        for widget in (
            self.prompt,
            self.matched,
            self.not_matched,
            self.note_label,
            self.note,
            self.buttons,
        ):
            layout.addWidget(widget)
        self.resize(460, self.sizeHint().height())

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None  # the box was made with an OK button
        return button

    def outcome(self) -> tuple[bool, str] | None:
        """(matched, note) as chosen, or None while neither answer is chosen."""
        choice = self.choices.checkedId()
        if choice == -1:
            return None
        return choice == MATCHED_ID, self.note.toPlainText().strip()


def ask_outcome(request_id: int, parent: QWidget | None = None) -> tuple[bool, str] | None:
    """The Secretariat's reply as (matched, note), or None when the user cancels."""
    dialog = OutcomeDialog(request_id, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.outcome()
