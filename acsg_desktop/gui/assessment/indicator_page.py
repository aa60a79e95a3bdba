"""One indicator: the question, what each level looks like, and the answer, saved as given."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.assessment.labels import level_name
from acsg_desktop.core.assessment.rules import answer_levels, evidence_from_level
from acsg_desktop.core.framework.model import Area, Indicator
from acsg_desktop.core.i18n import _
from acsg_desktop.core.live_text import retranslated_text
from acsg_desktop.core.records.assessment import (
    Answer,
    AnswerKind,
    always_applies_message,
    answer_problems,
)
from acsg_desktop.core.text_rules import ANSWER_FIELDS
from acsg_desktop.gui.widgets.choice_radio import ChoiceRadioButton
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.link_button import LinkList
from acsg_desktop.gui.widgets.retranslate import Retranslatable

TEXT_SAVE_DELAY_MS = 700
# Button ids: each level is its own id; the two other answers come after the highest level.
NOT_APPLICABLE_ID, INSUFFICIENT_ID = max(answer_levels()) + 1, max(answer_levels()) + 2


def _wrapping_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class IndicatorPage(Retranslatable, QWidget):
    """Shows one indicator at a time; emits ``answer_given`` whenever the answer changes."""

    answer_given = Signal(object)  # Answer
    answer_pending = Signal()  # typed, to be saved after the pause
    guide_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._indicator: Indicator | None = None
        self._area: Area | None = None
        self._position = ""
        self._loading = False
        # The focus order of each box the wizard adds below the answer.
        self._extra_focus: list[Callable[[], list[QWidget]]] = []
        self.area_label = _wrapping_label(self)
        self.question = _wrapping_label(self)
        font = self.question.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.question.setFont(font)
        self.key_label = _wrapping_label(self)
        self.guide_titles: dict[str, str] = {}
        self.guide_links = LinkList(self)  # Tab reaches each related guide, Enter opens it
        self.guide_links.link_activated.connect(self.guide_requested)
        self.choices = QButtonGroup(self)
        self.choice_group = QGroupBox(self)  # one named group for screen readers, no frame
        self.choice_group.setFlat(True)
        self.levels = answer_levels()
        self.level_buttons = [ChoiceRadioButton(self.choice_group) for _level in self.levels]
        self.level_texts = [_wrapping_label(self.choice_group) for _level in self.levels]
        self.not_applicable = ChoiceRadioButton(self.choice_group)
        self.insufficient = ChoiceRadioButton(self.choice_group)
        self.evidence = QPlainTextEdit(self)
        self.evidence_prompt = _wrapping_label(self)
        self.note = QPlainTextEdit(self)
        self.answered_by = QComboBox(self)
        self.answered_by.setEditable(True)
        line_edit = self.answered_by.lineEdit()
        if line_edit is not None:  # always there: the combo box is editable
            line_edit.setMaxLength(ANSWER_FIELDS["answered_by"].cap)
        self.labels = {name: QLabel(self) for name in ("evidence", "note", "answered_by")}
        self._text_timer = QTimer(self, singleShot=True, interval=TEXT_SAVE_DELAY_MS)
        self._text_timer.timeout.connect(self._emit_answer)
        self._lay_out()
        self._connect()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        for header in (self.area_label, self.question, self.key_label):
            layout.addWidget(header)
        choices = QVBoxLayout(self.choice_group)
        choices.setContentsMargins(0, 0, 0, 0)
        for level, button, text in zip(
            self.levels, self.level_buttons, self.level_texts, strict=True
        ):
            self.choices.addButton(button, level)
            text.setContentsMargins(26, 0, 0, 6)
            text.setBuddy(button)  # the description is related to its level
            choices.addWidget(button)
            choices.addWidget(text)
        self.choices.addButton(self.not_applicable, NOT_APPLICABLE_ID)
        self.choices.addButton(self.insufficient, INSUFFICIENT_ID)
        choices.addWidget(self.not_applicable)
        choices.addWidget(self.insufficient)
        layout.addWidget(self.choice_group)
        form = QFormLayout()
        for name, widget in (
            ("evidence", self.evidence),
            ("note", self.note),
            ("answered_by", self.answered_by),
        ):
            self.labels[name].setBuddy(widget)
            form.addRow(self.labels[name], widget)
            if name == "evidence":
                form.addRow("", self.evidence_prompt)
        for edit in (self.evidence, self.note):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
        layout.addLayout(form)
        layout.addWidget(self.guide_links)
        layout.addStretch(1)
        chain = self.focus_order()
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def focus_order(self) -> list[QWidget]:
        """The answer's controls from top to bottom, as Tab visits them."""
        return [
            *self.level_buttons,
            self.not_applicable,
            self.insufficient,
            self.evidence,
            self.note,
            self.answered_by,
            *(widget for focus in self._extra_focus for widget in focus()),
            *self.guide_links.buttons,
        ]

    def add_below_answer(self, box: QWidget, focus: Callable[[], list[QWidget]]) -> None:
        """Show ``box`` between the answer and the related guides; Tab visits ``focus()``."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.guide_links), box)
        self._extra_focus.append(focus)

    def _connect(self) -> None:
        self.choices.idClicked.connect(lambda _id: self._emit_answer())
        self.evidence.textChanged.connect(self._text_edited)
        self.note.textChanged.connect(self._text_edited)
        self.answered_by.editTextChanged.connect(self._text_edited)

    def _text_edited(self) -> None:
        if not self._loading and self._indicator is not None:
            self._text_timer.start()
            self.answer_pending.emit()

    def set_people(self, names: list[str]) -> None:
        """Names offered under "Answered by"."""
        self._loading = True
        current = self.answered_by.currentText()
        self.answered_by.clear()
        self.answered_by.addItems(names)
        self.answered_by.setEditText(current)
        self._loading = False

    def show_indicator(
        self,
        area: Area,
        indicator: Indicator,
        answer: Answer | None,
        default_person: str,
        position: str,
    ) -> None:
        """Show ``indicator`` and its stored ``answer`` (None when not answered yet)."""
        self.flush()
        self._loading = True
        self._area, self._indicator, self._position = area, indicator, position
        checked = self.choices.checkedButton()
        if checked:
            self.choices.setExclusive(False)
            checked.setChecked(False)
            self.choices.setExclusive(True)
        if answer:
            button_id = {
                AnswerKind.NOT_APPLICABLE: NOT_APPLICABLE_ID,
                AnswerKind.INSUFFICIENT_INFORMATION: INSUFFICIENT_ID,
            }.get(answer.kind, answer.level or 0)
            button = self.choices.button(button_id)
            if button:
                button.setChecked(True)
        self.not_applicable.setEnabled(not indicator.always_applies)  # a gap, never "n/a"
        self.evidence.setPlainText(answer.evidence if answer else "")
        self.note.setPlainText(answer.note if answer else "")
        self.answered_by.setEditText(answer.answered_by if answer else default_person)
        self._loading = False
        self.retranslate_ui()

    def flush(self) -> None:
        """Save now an edit that is waiting for the typing pause."""
        if self._text_timer.isActive():
            self._text_timer.stop()
            self._emit_answer()

    def current_answer(self) -> Answer | None:
        """The answer as shown, or None while no level or other choice is selected."""
        if self._indicator is None:
            return None
        choice = self.choices.checkedId()
        if choice == -1:
            return None
        kind = {
            NOT_APPLICABLE_ID: AnswerKind.NOT_APPLICABLE,
            INSUFFICIENT_ID: AnswerKind.INSUFFICIENT_INFORMATION,
        }.get(choice, AnswerKind.LEVEL)
        return Answer(
            indicator_id=self._indicator.id,
            kind=kind,
            level=choice if kind is AnswerKind.LEVEL else None,
            note=self.note.toPlainText().strip(),
            evidence=self.evidence.toPlainText().strip(),
            answered_by=self.answered_by.currentText().strip(),
        )

    def _emit_answer(self) -> None:
        if not self._loading and self._indicator is not None:
            self.answer_given.emit(self.current_answer())

    def problems(self) -> dict[str, str]:
        answer = self.current_answer()
        return answer_problems(answer, self._indicator) if answer else {}

    def _retranslate_tips(self) -> None:
        level_tip = _("Choose the level that best describes your office today; it is scored.")
        tips: dict[QWidget, str] = {button: level_tip for button in self.level_buttons}
        tips[self.not_applicable] = (
            always_applies_message()
            if self._indicator is not None and self._indicator.always_applies
            else _(
                "Choose when this does not concern your asylum system; it is left out of the "
                "scores."
            )
        )
        tips[self.insufficient] = _(
            "Choose when the facts to answer are missing; it is listed as a gap, not scored."
        )
        tips[self.evidence] = _(
            "Name the documents or facts that show the level, so a reviewer can check it."
        )
        tips[self.note] = _("Anything a colleague should know about this answer; not scored.")
        tips[self.answered_by] = _("Who gave this answer, so questions go to the right person.")
        set_field_tips(tips)

    def retranslate_ui(self) -> None:
        self.labels["evidence"].setText(_("&Evidence"))
        self.labels["note"].setText(_("N&ote"))
        self.labels["answered_by"].setText(_("&Answered by"))
        self.not_applicable.setText(_("Not a&pplicable"))
        self.insufficient.setText(_("&Insufficient information"))
        self.evidence.setAccessibleName(_("Evidence"))
        self.note.setAccessibleName(_("Note"))
        self.answered_by.setAccessibleName(_("Answered by"))
        for level, button in zip(self.levels, self.level_buttons, strict=True):
            button.setText(_("&{level} · {name}").format(level=level, name=level_name(level)))
        self._retranslate_tips()
        if self._indicator is None or self._area is None:
            return
        indicator = self._indicator
        self.area_label.setText(
            _("{area} · indicator {position}").format(
                area=self._area.title.get(), position=retranslated_text(self._position)
            )
        )
        self.question.setText(indicator.question.get())
        self.choice_group.setAccessibleName(indicator.question.get())
        said = [_("Key indicator: counts double.")] if indicator.weight > 1 else []
        if indicator.always_applies:  # why "Not applicable" is off, on the page, not in a tip
            said.append(always_applies_message())
        self.key_label.setText(" ".join(said))
        self.key_label.setVisible(bool(said))
        for level, text, button in zip(
            self.levels, self.level_texts, self.level_buttons, strict=True
        ):
            text.setText(indicator.level_text(level).get())
            button.setAccessibleDescription(text.text())
        self.evidence_prompt.setText(
            _("Required from level {level}. {prompt}").format(
                level=evidence_from_level(), prompt=indicator.evidence_prompt.get()
            )
        )
        links = [(guide, self.guide_titles.get(guide, guide)) for guide in indicator.guides]
        self.guide_links.set_links(_("Related practice guides:") if links else "", links)
