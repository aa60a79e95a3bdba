"""The authority profile form, validated field by field in the current language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from acsg_desktop.core.i18n import LANGUAGE_NAMES, N_, SUPPORTED_LANGUAGES, _
from acsg_desktop.core.people.profile import ProfileInvalidError, validate_profile
from acsg_desktop.core.people.profile_service import ProfileService
from acsg_desktop.core.records.profile import FIELDS, Profile
from acsg_desktop.core.text_rules import PROFILE_FIELDS
from acsg_desktop.gui.widgets.accessible_style import ERROR_STYLE
from acsg_desktop.gui.widgets.country_combo import CountryComboBox
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.retranslate import Retranslatable

LABELS = {
    "country_code": N_("&Country"),
    "authority_name": N_("&Authority name"),
    "contact_person": N_("Contact &person"),
    "email": N_("&E-mail"),
    "preferred_language": N_("Wo&rking language"),
}


class ProfileForm(Retranslatable, QWidget):
    """Fields of the authority profile, each with its own error message below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.country = CountryComboBox(self)
        self.authority_name = QLineEdit(self)
        self.contact_person = QLineEdit(self)
        self.email = QLineEdit(self)
        self.language = QComboBox(self)
        for code in SUPPORTED_LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self._inputs: dict[str, QWidget] = dict(
            zip(
                FIELDS,
                (self.country, self.authority_name, self.contact_person, self.email, self.language),
                strict=True,
            )
        )
        self._labels = {field: QLabel(self) for field in FIELDS}
        self._errors = {field: QLabel(self) for field in FIELDS}
        self._lay_out()
        for field in ("authority_name", "contact_person", "email"):
            line_edit = self._inputs[field]
            assert isinstance(line_edit, QLineEdit)
            line_edit.setMaxLength(PROFILE_FIELDS[field].cap)
            line_edit.editingFinished.connect(lambda field=field: self._check([field]))
        country_edit = self.country.lineEdit()
        if country_edit is not None:  # always there: the combo box is editable
            country_edit.editingFinished.connect(lambda: self._check(["country_code"]))
        self.retranslate_ui()

    def _lay_out(self) -> None:
        form = QFormLayout()
        for field in FIELDS:
            self._labels[field].setBuddy(self._inputs[field])
            error = self._errors[field]
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(self._inputs[field])
            column.addWidget(error)
            form.addRow(self._labels[field], column)
        self.setLayout(form)

    def profile(self) -> Profile:
        """The profile as typed (not yet validated)."""
        return Profile(
            country_code=self.country.country_code() or self.country.currentText().strip(),
            authority_name=self.authority_name.text(),
            contact_person=self.contact_person.text(),
            email=self.email.text(),
            preferred_language=str(self.language.currentData()),
        )

    def set_profile(self, profile: Profile) -> None:
        """Fill the fields from ``profile``."""
        self.country.set_country_code(profile.country_code)
        self.authority_name.setText(profile.authority_name)
        self.contact_person.setText(profile.contact_person)
        self.email.setText(profile.email)
        self.language.setCurrentIndex(max(0, self.language.findData(profile.preferred_language)))

    def save_to(self, profiles: ProfileService) -> bool:
        """Validate, then store the profile; False (messages shown) when something is wrong."""
        if not self.validate():
            self._focus_first_error()
            return False
        try:
            profiles.save(self.profile())
        except ProfileInvalidError as error:
            for field in FIELDS:
                self._set_error(field, error.errors.get(field, ""))
            self._focus_first_error()
            return False
        return True

    def _focus_first_error(self) -> None:
        """The keyboard on the first wrong field: a screen reader says its name and message."""
        wrong = next((field for field in FIELDS if self.error_text(field)), None)
        if wrong is not None:
            self._inputs[wrong].setFocus(Qt.FocusReason.OtherFocusReason)

    def validate(self) -> bool:
        """Show a message under each wrong field; True when every field is valid."""
        return not self._check(FIELDS)

    def _check(self, fields: tuple[str, ...] | list[str]) -> dict[str, str]:
        errors = validate_profile(self.profile())
        for field in fields:
            self._set_error(field, errors.get(field, ""))
        return errors

    def _set_error(self, field: str, message: str) -> None:
        label = self._errors[field]
        label.setText(message)
        label.setHidden(not message)
        self._inputs[field].setAccessibleDescription(message)

    def error_text(self, field: str) -> str:
        """The message now shown under ``field`` ("" when none)."""
        label = self._errors[field]
        return "" if label.isHidden() else label.text()

    def retranslate_ui(self) -> None:
        for field, label in self._labels.items():
            label.setText(_(LABELS[field]))
            self._inputs[field].setAccessibleName(_(LABELS[field]).replace("&", ""))
        self.email.setPlaceholderText(_("name@example.org"))
        set_field_tips(
            {
                self.country: _("The country of your office; offers are matched to its region."),
                self.authority_name: _("The official name of your office, as on its letters."),
                self.contact_person: _("Who partners and the Secretariat should write to."),
                self.email: _("The address where partners and the Secretariat reach you."),
                self.language: _("The working language of your office; offers are matched to it."),
            }
        )
        self._check([field for field, label in self._errors.items() if not label.isHidden()])
