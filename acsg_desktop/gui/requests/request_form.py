"""The fields of a support request, each with its own message below it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.assessment.labels import aim_label
from acsg_desktop.core.framework.model import AIMS, Framework
from acsg_desktop.core.i18n import N_, _, babel_locale, current_language, format_money
from acsg_desktop.core.records.requests import (
    Focus,
    Modality,
    PartnerKind,
    RequestContent,
    SupportType,
)
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.text_rules import REQUEST_FIELDS
from acsg_desktop.gui.requests.request_tips import REQUEST_TIPS
from acsg_desktop.gui.widgets.accessible_names import name_control
from acsg_desktop.gui.widgets.accessible_style import ERROR_STYLE
from acsg_desktop.gui.widgets.announce import plain_text
from acsg_desktop.gui.widgets.choice_boxes import ChoiceBoxes
from acsg_desktop.gui.widgets.date_edit import localize_date_edit
from acsg_desktop.gui.widgets.field_errors import show_field_errors
from acsg_desktop.gui.widgets.field_group import field_group
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.read_only import set_read_only
from acsg_desktop.gui.widgets.retranslate import Retranslatable

CURRENCIES = ("XAF", "XOF", "EUR", "USD", "CHF", "GBP", "CAD", "MXN", "PHP", "NGN", "KES")
FIELD_LABELS = {
    "title": N_("T&itle"),
    "areas": N_("Areas"),
    "aims": N_("ACSG aims"),
    "support_types": N_("Type of support"),
    "modalities": N_("How"),
    "focus": N_("Focus"),
    "description": N_("Description of the &need"),
    "plan_linked": N_("Capacity plan"),
    "pledge_reference": N_("Forum &pledge"),
    "partner_kinds": N_("Preferred partners"),
    "start": N_("Star&t"),
    "duration_months": N_("Durati&on (months)"),
    "budget": N_("B&udget"),
    "expected_results": N_("E&xpected results"),
    "measurement": N_("How results are &measured"),
    "sustainability": N_("After the support &ends"),
    "contact_person": N_("&Contact person"),
}
# Fields laid out under their label, across the form: the areas' two columns need the width
# that the labels' column takes (Spanish labels are long).
SPANNING_FIELDS = frozenset({"areas"})


def _text_edit(parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(70)
    return edit


class RequestForm(Retranslatable, QWidget):
    """Edits a RequestContent; ``changed`` fires on any edit."""

    changed = Signal()

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._framework = framework
        self._content = RequestContent()
        self._build_inputs(framework)
        self.labels = {name: QLabel(self) for name in FIELD_LABELS}
        self.errors = {name: QLabel(self) for name in FIELD_LABELS}
        self._lay_out()
        self._connect()
        self.retranslate_ui()

    def _build_inputs(self, framework: Framework) -> None:
        self.title_edit = QLineEdit(self)
        self.areas = ChoiceBoxes(
            [a.id for a in framework.areas],
            lambda area_id: framework.area(area_id).title.get(),
            2,
            self,
        )
        self.aims = ChoiceBoxes(AIMS, aim_label, 4, self)
        self.support_types = ChoiceBoxes(list(SupportType), label, 3, self)
        self.modalities = ChoiceBoxes(list(Modality), label, 3, self)
        self.focus_group = QButtonGroup(self)
        self.focus_buttons = {focus: QRadioButton(self) for focus in Focus}
        for focus, button in self.focus_buttons.items():
            self.focus_group.addButton(button)
            button.setProperty("focus", focus.value)
        self.description = _text_edit(self)
        self.plan_yes, self.plan_no = QRadioButton(self), QRadioButton(self)
        self.plan_group = QButtonGroup(self)
        self.plan_group.addButton(self.plan_yes)
        self.plan_group.addButton(self.plan_no)
        self.plan_reference = QLineEdit(self)
        self.pledge_reference = QLineEdit(self)
        self.partner_kinds = ChoiceBoxes(list(PartnerKind), label, 2, self)
        self.any_region = QCheckBox(self)
        self.start = QDateEdit(self)
        self.start.setCalendarPopup(True)
        self.duration = QSpinBox(self)
        self.duration.setRange(0, 120)
        self.budget = QLineEdit(self)
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency_label = QLabel(self)
        self.currency_label.setBuddy(self.currency)
        self.budget_shown = QLabel(self)
        self.expected_results = _text_edit(self)
        self.measurement = _text_edit(self)
        self.sustainability = _text_edit(self)
        self.contact_person = QLineEdit(self)
        capped = {
            "title": self.title_edit,
            "plan_reference": self.plan_reference,
            "pledge_reference": self.pledge_reference,
            "contact_person": self.contact_person,
        }
        for name, line_edit in capped.items():
            line_edit.setMaxLength(REQUEST_FIELDS[name].cap)

    def _row(self, *widgets: QWidget) -> QWidget:
        return field_group(self, widgets)  # one named group; its label's mnemonic reaches it

    def _lay_out(self) -> None:
        self.fields: dict[str, QWidget] = {
            "title": self.title_edit,
            "areas": self.areas,
            "aims": self.aims,
            "support_types": self.support_types,
            "modalities": self.modalities,
            "focus": self._row(*self.focus_buttons.values()),
            "description": self.description,
            "plan_linked": self._row(self.plan_yes, self.plan_no, self.plan_reference),
            "pledge_reference": self.pledge_reference,
            "partner_kinds": self._column(self.partner_kinds, self.any_region),
            "start": self.start,
            "duration_months": self.duration,
            "budget": self._row(self.budget, self.currency_label, self.currency, self.budget_shown),
            "expected_results": self.expected_results,
            "measurement": self.measurement,
            "sustainability": self.sustainability,
            "contact_person": self.contact_person,
        }
        form = QFormLayout(self)
        for name, field in self.fields.items():
            column = QVBoxLayout()
            column.setSpacing(1)
            column.addWidget(field)
            # a group passes the focus to its first field: "B&udget" reaches the amount
            self.labels[name].setBuddy(field)
            self.errors[name].setStyleSheet(ERROR_STYLE)
            self.errors[name].setWordWrap(True)
            self.errors[name].hide()
            column.addWidget(self.errors[name])
            if name in SPANNING_FIELDS:  # its label above it: the whole width for its columns
                form.addRow(self.labels[name])
                form.addRow(column)
            else:
                form.addRow(self.labels[name], column)
        self.plan_reference.setMinimumWidth(300)

    def _column(self, *widgets: QWidget) -> QWidget:
        return field_group(self, widgets, vertical=True)

    def _connect(self) -> None:
        for edit in (
            self.title_edit,
            self.plan_reference,
            self.pledge_reference,
            self.budget,
            self.contact_person,
        ):
            edit.textEdited.connect(self.changed)
        for text in (
            self.description,
            self.expected_results,
            self.measurement,
            self.sustainability,
        ):
            text.textChanged.connect(self.changed)
        for group in (
            self.areas,
            self.aims,
            self.support_types,
            self.modalities,
            self.partner_kinds,
        ):
            for box in group.boxes.values():
                box.toggled.connect(self.changed)
        for signal in (
            self.focus_group.buttonToggled,
            self.plan_group.buttonToggled,
            self.any_region.toggled,
            self.start.dateChanged,
            self.duration.valueChanged,
            self.currency.currentTextChanged,
        ):
            signal.connect(self.changed)
        self.changed.connect(self._show_budget)

    def set_content(self, content: RequestContent) -> None:
        """Fill every field from ``content`` without signalling a change."""
        self.blockSignals(True)
        self._content = content
        self.title_edit.setText(content.title)
        self.areas.set_selected(content.areas)
        self.aims.set_selected(content.aims)
        self.support_types.set_selected(content.support_types)
        self.modalities.set_selected(content.modalities)
        for focus, button in self.focus_buttons.items():
            button.setChecked(content.focus is focus)
        self.description.setPlainText(content.description)
        self.plan_yes.setChecked(content.plan_linked is True)
        self.plan_no.setChecked(content.plan_linked is False)
        self.plan_reference.setText(content.plan_reference)
        self.pledge_reference.setText(content.pledge_reference)
        self.partner_kinds.set_selected(content.partner_kinds)
        self.any_region.setChecked(content.any_region)
        start = content.start or date(date.today().year + 1, 1, 1)
        self.start.setDate(QDate(start.year, start.month, start.day))
        self.duration.setValue(content.duration_months or 0)
        self.budget.setText("" if content.budget is None else str(content.budget))
        self.currency.setCurrentText(content.currency or CURRENCIES[0])
        self.expected_results.setPlainText(content.expected_results)
        self.measurement.setPlainText(content.measurement)
        self.sustainability.setPlainText(content.sustainability)
        self.contact_person.setText(content.contact_person)
        self.blockSignals(False)
        self._show_budget()

    def _budget_value(self) -> Decimal | None:
        from babel.numbers import NumberFormatError, parse_decimal

        text = self.budget.text().strip()
        if not text:
            return None
        try:
            return Decimal(
                parse_decimal(
                    text.replace(" ", "").replace("\u202f", ""),
                    locale=babel_locale(current_language()),
                )
            )
        except (NumberFormatError, ValueError):
            return Decimal(-1)

    def _show_budget(self) -> None:
        value, currency = self._budget_value(), self.currency.currentText().strip().upper()
        shown = ""
        if value is not None and value >= 0 and len(currency) == 3:
            shown = "= " + format_money(value, currency)
        self.budget_shown.setText(shown)

    def content(self) -> RequestContent:
        """The request as typed."""
        focus = next((f for f, b in self.focus_buttons.items() if b.isChecked()), None)
        plan = True if self.plan_yes.isChecked() else False if self.plan_no.isChecked() else None
        qdate = self.start.date()
        return RequestContent(
            title=self.title_edit.text().strip(),
            assessment_id=self._content.assessment_id,
            areas=self.areas.selected(),
            indicators=self._content.indicators,
            aims=self.aims.selected(),
            support_types=self.support_types.selected(),
            modalities=self.modalities.selected(),
            focus=focus,
            description=self.description.toPlainText().strip(),
            plan_linked=plan,
            plan_reference=self.plan_reference.text().strip(),
            pledge_reference=self.pledge_reference.text().strip(),
            partner_kinds=self.partner_kinds.selected(),
            any_region=self.any_region.isChecked(),
            start=date(qdate.year(), qdate.month(), qdate.day()),
            duration_months=self.duration.value() or None,
            budget=self._budget_value(),
            currency=self.currency.currentText().strip().upper(),
            expected_results=self.expected_results.toPlainText().strip(),
            measurement=self.measurement.toPlainText().strip(),
            sustainability=self.sustainability.toPlainText().strip(),
            contact_person=self.contact_person.text().strip(),
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        """A message under each field that needs work; the others are cleared."""
        show_field_errors(self.fields, self.errors, problems, focus=bool(problems))

    def set_read_only(self, read_only: bool) -> None:
        """Values stay readable and reached by Tab; only changing them is refused."""
        set_read_only(self, read_only)

    def retranslate_ui(self) -> None:
        for name, text in FIELD_LABELS.items():
            self.labels[name].setText(_(text))
        accessible = {
            self.title_edit: _("Title"),
            self.description: _("Description of the need"),
            self.plan_reference: _("Plan reference"),
            self.pledge_reference: _("Forum pledge"),
            self.start: _("Start"),
            self.duration: _("Duration (months)"),
            self.budget: _("Budget"),
            self.currency: _("Currency"),
            self.expected_results: _("Expected results"),
            self.measurement: _("How results are measured"),
            self.sustainability: _("After the support ends"),
            self.contact_person: _("Contact person"),
        }
        for widget, name in accessible.items():
            name_control(widget, name)
        for name, field in self.fields.items():
            if isinstance(field, QGroupBox):  # a group is named after its question
                field.setAccessibleName(plain_text(_(FIELD_LABELS[name])))
        self.currency_label.setText(_("Currency"))
        for focus, button in self.focus_buttons.items():
            button.setText(label(focus))
        self.plan_yes.setText(_("Part of our capacity development plan"))
        self.plan_no.setText(_("Not in the plan"))
        self.plan_reference.setPlaceholderText(_("Plan reference, e.g. activity 2.3"))
        self.pledge_reference.setPlaceholderText(_("Global Refugee Forum pledge, if any"))
        self.any_region.setText(_("An offer from any region is welcome"))
        self.duration.setSpecialValueText(_("not set"))
        localize_date_edit(self.start)
        set_field_tips({self.fields[name]: _(tip) for name, tip in REQUEST_TIPS.items()})
        self.any_region.setToolTip(_("Tick if a partner from another region may also offer."))
        self._show_budget()
