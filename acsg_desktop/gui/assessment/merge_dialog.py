"""The merge dialog: a contribution's new, changed and conflicting answers, theirs and ours side
by side, a choice per answer; Apply stays off until a person has decided every conflict."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.contributions.describe import (
    SHOWN_ORDER,
    already_line,
    counts_line,
    heading_line,
    signer_line,
    who_and_when,
)
from acsg_desktop.core.contributions.merge import (
    STATUS_LABELS,
    Choice,
    MergeItem,
    MergeStatus,
    MergeView,
)
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.contributions import SignerStanding
from acsg_desktop.gui.assessment.merge_item_text import answer_html
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.dialog_buttons import LabelledButtonBox, Standard
from acsg_desktop.gui.widgets.dialog_fit import grow_to_fit_text
from acsg_desktop.gui.widgets.honest_buttons import enable_with_reason
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.widgets.wrapping_check import WrappingCheckBox

Apply = Callable[[dict[str, Choice], str], object]  # the choices, the key confirmed ("")


def _label(parent: QWidget, rich: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MergeItemBox(Retranslatable, QFrame):
    """One answer: its status and question, theirs and ours side by side, and the choice."""

    def __init__(
        self, item: MergeItem, framework: Framework, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.item, self._framework = item, framework
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title, self.theirs_head, self.ours_head = (_label(self) for _ in range(3))
        self.theirs, self.ours = _label(self, rich=True), _label(self, rich=True)
        self.take, self.keep = QRadioButton(self), QRadioButton(self)
        self.group = QButtonGroup(self)
        self.group.addButton(self.take)
        self.group.addButton(self.keep)
        if item.proposed is not None:  # a conflict starts undecided
            (self.take if item.proposed is Choice.THEIRS else self.keep).setChecked(True)
        grid = QGridLayout(self)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.theirs_head, 1, 0)
        grid.addWidget(self.ours_head, 1, 1)
        grid.addWidget(self.theirs, 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.ours, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.take, 3, 0)
        grid.addWidget(self.keep, 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.retranslate_ui()

    def choice(self) -> Choice | None:
        if self.take.isChecked():
            return Choice.THEIRS
        return Choice.OURS if self.keep.isChecked() else None

    def retranslate_ui(self) -> None:
        item = self.item
        question = self._framework.indicator(item.indicator_id).question.get()
        self.title.setText(
            _("{status}: {question}").format(
                status=_(STATUS_LABELS[item.status]), question=question
            )
        )
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.theirs_head.setText(_("Theirs ({who})").format(who=who_and_when(item.theirs)))
        self.ours_head.setText(_("Ours ({who})").format(who=who_and_when(item.ours)))
        self.theirs.setText(answer_html(item.theirs))
        self.ours.setText(answer_html(item.ours))
        self.take.setText(_("Take theirs"))
        self.keep.setText(_("Keep ours") if item.ours else _("Leave unanswered"))
        self.group.buttons()[0].setAccessibleName(
            _("Take theirs: {question}").format(question=question)
        )
        self.group.buttons()[1].setAccessibleName(
            _("Keep ours: {question}").format(question=question)
        )
        self.take.setToolTip(_("Use the contributor's answer to this question in place of ours."))
        self.keep.setToolTip(
            _("Keep the answer already here and leave the contributor's aside.")
            if item.ours
            else _("Leave this question unanswered and the contributor's answer aside.")
        )


class MergeDialog(Retranslatable, QDialog):
    """Shows ``view``; Apply calls ``apply`` with the choices, which merges in one transaction."""

    def __init__(
        self, view: MergeView, framework: Framework, apply: Apply, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.view, self._apply = view, apply
        self.heading, self.signer, self.counts, self.blocked = (_label(self) for _ in range(4))
        self.message = MessageLabel(self)
        self.message.setWordWrap(True)
        self.hint = _label(self)
        # another key than this person's earlier contributions: merged once confirmed
        self.key_confirmed = WrappingCheckBox(self)
        self.key_confirmed.setVisible(view.standing is SignerStanding.CHANGED)
        self.key_confirmed.box.toggled.connect(lambda _on: self._update_apply())
        shown = sorted(
            (i for i in view.items if i.status is not MergeStatus.IDENTICAL),
            key=lambda i: SHOWN_ORDER.index(i.status),
        )
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        self.boxes = [MergeItemBox(item, framework, inner) for item in shown]
        for box in self.boxes:
            column.addWidget(box)
            box.group.buttonToggled.connect(lambda *_args: self._update_apply())
        column.addStretch(1)
        self.answers_area = QScrollArea(self)
        self.answers_area.setWidgetResizable(True)
        self.answers_area.setWidget(inner)
        self.buttons = LabelledButtonBox(Standard.Apply | Standard.Cancel, self)
        self.apply_button = self.buttons.button(Standard.Apply)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for label in (self.heading, self.signer, self.counts, self.blocked):
            layout.addWidget(label)
        layout.addWidget(self.key_confirmed)
        layout.addWidget(self.answers_area, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(1100, 640)
        self.retranslate_ui()

    def decisions(self) -> dict[str, Choice]:
        return {box.item.indicator_id: choice for box in self.boxes if (choice := box.choice())}

    def undecided(self) -> list[MergeItemBox]:
        return [box for box in self.boxes if box.choice() is None]

    def confirmed_key(self) -> str:
        """The signer's fingerprint once the coordinator ticked that it was confirmed."""
        return self.view.signer_fingerprint if self.key_confirmed.box.isChecked() else ""

    def _update_apply(self) -> None:
        undecided = len(self.undecided())
        left = _("Decide every conflict first: {count} left.").format(count=undecided)
        waiting = left if undecided else ""
        if self.key_confirmed.isVisibleTo(self) and not self.key_confirmed.box.isChecked():
            waiting = _("Confirm the new key with {person} first.").format(
                person=self.view.contribution.contributor
            )
        blocked = already_line(self.view) or waiting
        enable_with_reason(self.apply_button, blocked, _("Merge these answers, each one audited."))
        self.hint.setText(waiting)  # said on screen too, not only in the tooltip
        self.hint.setVisible(bool(waiting) and blocked == waiting)

    def apply(self) -> None:
        try:
            self._apply(self.decisions(), self.confirmed_key())
        except AcsgError as error:
            self.message.say(error.message, error=True)
            return
        self.accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_fit_text(self)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Merge a contribution"))
        self.heading.setText(heading_line(self.view))
        self.signer.setText(signer_line(self.view))
        self.counts.setText(counts_line(self.view))
        self.key_confirmed.set_text(
            _(
                "I have confirmed with {person}, in person or by phone, that the key with the "
                "fingerprint {fingerprint} is theirs."
            ).format(
                person=self.view.contribution.contributor,
                fingerprint=self.view.signer_fingerprint,
            )
        )
        blocked = already_line(self.view)
        self.blocked.setText(blocked or "")
        self.blocked.setVisible(bool(blocked))
        self.buttons.label(Standard.Apply, _("&Apply the merge"))
        self.buttons.label(Standard.Cancel, _("Cancel"))
        self.answers_area.setAccessibleName(_("Answers to merge"))
        self._update_apply()
