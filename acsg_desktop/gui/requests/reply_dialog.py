"""Asks for the Secretariat's reply to an exported request: its match stage and a message."""

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
from acsg_desktop.core.records.requests import MatchStage, SupportRequest
from acsg_desktop.core.requests.labels import label
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.retranslate import Retranslatable

STAGES = tuple(MatchStage)


def status_texts(request: SupportRequest) -> tuple[str, str]:
    """The editor's status line ("Status: Exported: Under discussion · approved by …") and the
    Secretariat's message ("" when there is none)."""
    status = label(request.status)
    if request.match_stage is not None:
        status = _("{status}: {stage}").format(status=status, stage=label(request.match_stage))
    line = _("Status: {status}").format(status=status)
    if request.approved_by:
        line += _(" · approved by {name}").format(name=request.approved_by)
    if not request.match_message:
        return line, ""
    return line, _("Message from the Secretariat: {message}").format(message=request.match_message)


class ReplyDialog(Retranslatable, QDialog):
    """The six match stages (the current one preselected) and an optional message; OK stays
    disabled until a stage is chosen."""

    def __init__(self, request: SupportRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("The Secretariat's reply"))
        self.prompt = QLabel(
            _("Where does the Secretariat's matching of request {id} stand?").format(id=request.id),
            self,
        )
        self.prompt.setWordWrap(True)
        self.stages = {stage: QRadioButton(label(stage), self) for stage in STAGES}
        self.choices = QButtonGroup(self)
        for index, button in enumerate(self.stages.values()):
            self.choices.addButton(button, index)
        self.message_label = QLabel(_("&Message from the Secretariat (optional)"), self)
        self.message = QPlainTextEdit(self)
        self.message.setTabChangesFocus(True)
        self.message.setPlaceholderText(
            _("For example, the offer's reference, the next meeting or the reason given")
        )
        self.message.setAccessibleName(_("Message from the Secretariat"))
        self.message_label.setBuddy(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.choices.idClicked.connect(lambda _id: self.ok_button.setEnabled(True))
        if request.match_stage is not None:
            self.stages[request.match_stage].setChecked(True)
            self.message.setPlainText(request.match_message)
        self.ok_button.setEnabled(request.match_stage is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        for button in self.stages.values():
            layout.addWidget(button)
        for widget in (self.message_label, self.message, self.buttons):
            layout.addWidget(widget)
        self.resize(480, self.sizeHint().height())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The fields' tips (the other texts are set once: the dialog is modal and short)."""
        stage = _("Choose the stage the Secretariat's letter or e-mail gives for this request.")
        tips: dict[QWidget, str] = {button: stage for button in self.stages.values()}
        tips[self.message] = _("What the Secretariat wrote with it, to keep it with the request.")
        set_field_tips(tips)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None  # the box was made with an OK button
        return button

    def reply(self) -> tuple[MatchStage, str] | None:
        """(stage, message) as chosen, or None while no stage is chosen."""
        choice = self.choices.checkedId()
        if choice == -1:
            return None
        return STAGES[choice], self.message.toPlainText().strip()


def ask_reply(
    request: SupportRequest, parent: QWidget | None = None
) -> tuple[MatchStage, str] | None:
    """The Secretariat's reply as (stage, message), or None when the user cancels."""
    dialog = ReplyDialog(request, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reply()
