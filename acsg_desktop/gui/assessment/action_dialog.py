"""Edits one action of the plan: the gap it answers, what will be done, its owner (a person of
the office or any text, such as "Legal unit"), its due date and its status."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.actions.labels import status_label
from acsg_desktop.core.actions.service import ActionError
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.actions import ActionContent, ActionStatus
from acsg_desktop.core.text_rules import NAME_CAP
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.date_edit import localize_date_edit
from acsg_desktop.gui.widgets.dialog_buttons import LabelledButtonBox, Standard
from acsg_desktop.gui.widgets.field_errors import show_field_errors
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.retranslate import Retranslatable

# What the dialog saves: the content and status chosen; raises AcsgError when refused.
Save = Callable[[ActionContent, ActionStatus], object]


class ActionDialog(Retranslatable, QDialog):
    """``gap_name``: the gap the action answers, in words ("General" for a general one)."""

    def __init__(
        self,
        content: ActionContent,
        status: ActionStatus,
        gap_name: str,
        people: Sequence[str],
        save: Save,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._gap = content.gap  # kept: an action answers the gap it was made for
        self.gap = QLabel(gap_name, self)
        self.gap.setWordWrap(True)
        self.gap.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.gap.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # read aloud on the way through
        self.description = QPlainTextEdit(content.description, self)
        self.description.setTabChangesFocus(True)
        self.owner = QComboBox(self)
        self.owner.setEditable(True)  # a person of the office, or a unit typed in
        self.owner.addItems(list(people))
        self.owner.setEditText(content.owner)
        line = self.owner.lineEdit()
        if line is not None:
            line.setMaxLength(NAME_CAP)
        self.due = QDateEdit(QDate(content.due.year, content.due.month, content.due.day), self)
        self.due.setCalendarPopup(True)
        self.status = QComboBox(self)
        for choice in ActionStatus:
            self.status.addItem("", choice.value)
        self.status.setCurrentIndex(self.status.findData(status.value))
        self.errors = {name: QLabel(self) for name in ("description", "owner")}
        for label in self.errors.values():
            label.setWordWrap(True)
            label.hide()
        self.message = MessageLabel(self)
        self.buttons = LabelledButtonBox(Standard.Save | Standard.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self._lay_out()
        self.retranslate_ui()
        self.resize(620, self.sizeHint().height())

    def _lay_out(self) -> None:
        rows: list[tuple[QWidget, QLabel | None]] = [
            (self.gap, None),
            (self.description, self.errors["description"]),
            (self.owner, self.errors["owner"]),
            (self.due, None),
            (self.status, None),
        ]
        self.labels = []
        for field, error in rows:
            label = QLabel(self)
            label.setBuddy(field)
            self.labels.append(label)
            self.form.addRow(label, field)
            if error is not None:
                self.form.addRow("", error)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def content(self) -> ActionContent:
        chosen = self.due.date()
        return ActionContent(
            self._gap,
            self.description.toPlainText(),
            self.owner.currentText(),
            date(chosen.year(), chosen.month(), chosen.day()),
        )

    def chosen_status(self) -> ActionStatus:
        return ActionStatus(self.status.currentData())

    def _accept(self) -> None:
        try:
            self._save(self.content(), self.chosen_status())
        except ActionError as error:
            fields = {"description": self.description, "owner": self.owner}
            show_field_errors(fields, self.errors, error.problems)
            show_text(self.message, "" if error.problems else error.message)
            return
        except AcsgError as error:
            show_text(self.message, _("Not saved: {reason}").format(reason=error.message))
            return
        self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Action of the plan"))
        self.gap.setAccessibleName(_("Gap"))
        texts = (_("Gap:"), _("&Action"), _("O&wner"), _("D&ue date"), _("S&tatus"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.description.setAccessibleName(_("Action"))
        self.owner.setAccessibleName(_("Owner"))
        self.owner.setToolTip(_("A person of the office, or a unit such as “Legal unit”"))
        self.due.setAccessibleName(_("Due date"))
        self.description.setToolTip(_("What will be done to close the gap, in a sentence or two."))
        self.due.setToolTip(_("The date by which the action should be done, to follow it up."))
        self.status.setToolTip(_("Where the action stands now; change it as work moves on."))
        localize_date_edit(self.due)
        for index, choice in enumerate(ActionStatus):
            self.status.setItemText(index, status_label(choice))
        self.buttons.label(Standard.Save, _("&Save"))
        self.buttons.label(Standard.Cancel, _("Cancel"))
