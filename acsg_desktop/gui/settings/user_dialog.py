"""Who is using the app: in an office of several people each signs in with their passphrase;
a one-person office without a passphrase is asked nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.display import escape_line
from acsg_desktop.core.i18n import _
from acsg_desktop.core.people.accounts import PassphraseNotSet, PersonError
from acsg_desktop.core.people.service import role_label
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.packages.passphrase import PROBLEM_STYLE
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.retranslate import Retranslatable


def _password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(280)
    return field


class SignInDialog(Retranslatable, QDialog):
    """Name and passphrase; a wrong passphrase says so and asks again. Someone who has not
    chosen a passphrase yet (an office upgraded from an earlier version) chooses it here."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.people = QComboBox(self)
        for person in workspace.people.list():
            roles = ", ".join(role_label(role) for role in sorted(person.roles))
            self.people.addItem(f"{escape_line(person.name)} ({roles})", person.name)
        self.people.setCurrentIndex(max(0, self.people.findData(workspace.current_user)))
        self.passphrase = _password_field(self)
        self.new_passphrase, self.again = _password_field(self), _password_field(self)
        self.labels = [QLabel(self) for _index in range(4)]
        form = QFormLayout()
        fields = (self.people, self.passphrase, self.new_passphrase, self.again)
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        self._form = form
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.problem):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)  # the longest name with four roles, in French too
        self._choosing(False)
        self.people.currentIndexChanged.connect(lambda _index: self._choosing(False))
        self.say("")
        self.retranslate_ui()
        self.passphrase.setFocus()

    def say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.problem.setAccessibleName(problem)

    def _choosing(self, on: bool) -> None:
        """Show the two fields for choosing a first passphrase instead of the one to type."""
        for row, visible in ((1, not on), (2, on), (3, on)):
            self._form.setRowVisible(row, visible)

    def sign_in(self) -> None:
        name = str(self.people.currentData() or "")
        try:
            if self._form.isRowVisible(2):
                self._choose_first(name)
            else:
                self._workspace.sign_in(name, self.passphrase.text())
        except PassphraseNotSet as error:
            self._choosing(True)
            self.say(error.message)
            self.new_passphrase.setFocus()
            return
        except PersonError as error:
            self.passphrase.clear()
            self.passphrase.setFocus()
            self.say(error.message)
            return
        self.accept()

    def _choose_first(self, name: str) -> None:
        if self.new_passphrase.text() != self.again.text():
            self.again.clear()
            raise PassphraseNotSet(_("The two passphrases differ; type them again."))
        self._workspace.people.set_passphrase(name, self.new_passphrase.text(), actor=name)
        self._workspace.sign_in(name, self.new_passphrase.text())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Who is using ACSG Desktop?"))
        self.intro.setText(
            _(
                "Choose your name and type your passphrase. Every change you make is "
                "recorded under your name."
            )
        )
        texts = (
            _("&Person:"),
            _("&Passphrase:"),
            _("&Choose a passphrase (at least 10 characters):"),
            _("Type it &again:"),
        )
        for label, field, text in zip(
            self.labels,
            (self.people, self.passphrase, self.new_passphrase, self.again),
            texts,
            strict=True,
        ):
            label.setText(text)
            field.setAccessibleName(text.replace("&", "").rstrip(": \u00a0"))
        set_field_tips(
            {
                self.people: _("Your own name, so that your changes are recorded under it."),
                self.passphrase: _("The passphrase you chose; it proves that you are you."),
                self.new_passphrase: _(
                    "A passphrase only you know; you will type it each time you sign in."
                ),
                self.again: _("The same passphrase once more, to be sure it has no typo."),
            }
        )


def ensure_signed_in(workspace: Workspace, parent: QWidget | None = None) -> bool:
    """Sign someone in: nobody is asked in a one-person office without a passphrase; otherwise
    the sign-in dialog, every start (False when the user cancels it)."""
    people = workspace.people.list()
    if not workspace.people.needs_sign_in():
        if people and workspace.current_user != people[0].name:
            workspace.set_current_user(people[0].name)
        return True
    return SignInDialog(workspace, parent).exec() == QDialog.DialogCode.Accepted
