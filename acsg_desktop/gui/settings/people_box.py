"""People, roles and passphrases, and the single-person approval waiver: changed by an
administrator, who types their own passphrase again for each change (the core checks it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.display import escape_line
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.people.accounts import WrongPassphrase
from acsg_desktop.core.people.service import Person, role_label
from acsg_desktop.core.records.roles import ADMINISTRATOR, ROLES
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.packages.passphrase import ask_new_passphrase, ask_passphrase
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.choice_boxes import ChoiceBoxes
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class Cancelled(Exception):
    """The user closed a passphrase dialog: nothing is changed."""


class PeopleBox(Retranslatable, QGroupBox):
    """Lists the people; adds one or changes roles; sets passphrases and the waiver."""

    people_changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.people = QListWidget(self)
        self.people.setMaximumHeight(110)
        self.people.currentRowChanged.connect(self._pick)
        self.name_label, self.first_label = QLabel(self), QLabel(self)
        self.name, self.first_passphrase = QLineEdit(self), QLineEdit(self)
        self.first_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.name_label.setBuddy(self.name)
        self.first_label.setBuddy(self.first_passphrase)
        self.roles = ChoiceBoxes(ROLES, role_label, 2, self)
        self.save_button, self.passphrase_button = QPushButton(self), QPushButton(self)
        self.save_button.clicked.connect(self.save_person)
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.waiver = QCheckBox(self)
        self.waiver.setChecked(workspace.requests.self_approval_allowed())
        self.waiver.toggled.connect(self._set_waiver)
        self.message, self.rights = MessageLabel(self), QLabel(self)
        for label in (self.message, self.rights):
            label.setWordWrap(True)
        self._lay_out()
        self.reload()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        row, second = QHBoxLayout(), QHBoxLayout()
        widgets: tuple[QWidget, ...] = (self.name_label, self.name, self.roles)
        for widget in widgets:
            row.addWidget(widget)
        widgets = (self.first_label, self.first_passphrase)
        for widget in widgets:
            second.addWidget(widget)
        second.addStretch(1)
        widgets = (self.save_button, self.passphrase_button)
        for widget in widgets:
            second.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.people)
        layout.addLayout(row)
        layout.addLayout(second)
        widgets = (self.waiver, self.rights, self.message)
        for widget in widgets:
            layout.addWidget(widget)

    def _me(self) -> Person | None:
        return self._workspace.current_person()

    def reload(self) -> None:
        self.people.clear()
        self._people = self._workspace.people.list()
        for person in self._people:
            roles = ", ".join(role_label(role) for role in ROLES if role in person.roles)
            self.people.addItem(f"{escape_line(person.name)} — {roles}")
        me = self._me()
        admin = me is None or ADMINISTRATOR in me.roles
        for widget in (self.name, self.roles, self.first_passphrase, self.save_button):
            widget.setEnabled(admin)
        self.waiver.setEnabled(admin)
        self.rights.setVisible(not admin)

    def _pick(self, row: int) -> None:
        if 0 <= row < len(self._people):
            self.name.setText(self._people[row].name)
            self.roles.set_selected(tuple(self._people[row].roles))

    def _proof(self, problem: str = "") -> str | None:
        """The signed-in person's passphrase, typed again; None when they have none."""
        me = self._me()
        if me is None or not me.has_passphrase:
            return None
        typed = ask_passphrase(
            self,
            _("Confirm it is you"),
            _("Your passphrase, {name}:").format(name=me.name),
            problem,
        )
        if typed is None:
            raise Cancelled
        return typed.decode("utf-8")

    def _with_proof(self, action: Callable[[str | None], object], done: str) -> bool:
        """Run ``action(proof)``; a wrong passphrase asks again, Cancel changes nothing."""
        problem = ""
        while True:
            try:
                action(self._proof(problem))
            except WrongPassphrase as error:
                problem = error.message
                continue
            except Cancelled:
                self.message.setText(_("Nothing was changed."))
                return False
            except AcsgError as error:
                self.message.setText(error.message)
                return False
            self.message.setText(done)
            return True

    def save_person(self) -> None:
        name = " ".join(self.name.text().split())
        new = name not in {person.name for person in self._people}
        me = self._me()
        if new and me is not None and not me.has_passphrase and not self._protect_myself(me):
            return
        first = self.first_passphrase.text() if new else None
        saved = self._with_proof(
            lambda proof: self._workspace.people.save(
                name,
                frozenset(self.roles.selected()),
                actor=self._workspace.current_user,
                proof=proof,
                passphrase=first,
            ),
            _("Saved; the change is in the audit log."),
        )
        if saved:
            self.first_passphrase.clear()
        self.reload()
        self.people_changed.emit()

    def _protect_myself(self, me: Person) -> bool:
        """Before a second person joins, the administrator chooses their own passphrase."""
        self.message.setText(
            _("In an office of several people everyone signs in: choose your passphrase first.")
        )
        chosen = ask_new_passphrase(self)
        if chosen is None:
            return False
        return self._with_proof(
            lambda proof: self._workspace.people.set_passphrase(
                me.name, chosen.decode("utf-8"), actor=me.name, proof=proof
            ),
            _("Your passphrase is set."),
        )

    def change_passphrase(self) -> None:
        """Your own passphrase, or (administrator) that of the person chosen in the list."""
        row = self.people.currentRow()
        chosen = self._people[row].name if 0 <= row < len(self._people) else ""
        name = chosen or self._workspace.current_user
        new = ask_new_passphrase(self)
        if new is None:
            return
        self._with_proof(
            lambda proof: self._workspace.people.set_passphrase(
                name, new.decode("utf-8"), actor=self._workspace.current_user, proof=proof
            ),
            _("Passphrase changed for {name}.").format(name=name),
        )
        self.reload()

    def _set_waiver(self, allowed: bool) -> None:
        done = self._with_proof(
            lambda proof: self._workspace.requests.allow_self_approval(
                allowed, actor=self._workspace.current_user, proof=proof
            ),
            _("Saved; the change is in the audit log."),
        )
        if not done:
            self.waiver.blockSignals(True)
            self.waiver.setChecked(not allowed)
            self.waiver.blockSignals(False)

    def retranslate_ui(self) -> None:
        self.setTitle(_("People and roles"))
        self.people.setAccessibleName(_("People and roles"))
        self.name_label.setText(_("&Name"))
        self.name.setAccessibleName(_("Name"))
        self.first_label.setText(_("F&irst passphrase (a new person only):"))
        self.first_passphrase.setAccessibleName(_("First passphrase"))
        self.save_button.setText(_("Add or &update"))
        self.passphrase_button.setText(_("Se&t passphrase…"))
        self.passphrase_button.setToolTip(
            _("Change your own passphrase, or (administrator) that of the person chosen above.")
        )
        self.waiver.setText(
            _(
                "A single person may approve requests they edited last "
                "(for a one-person office; recorded in the audit log)"
            )
        )
        self.rights.setText(
            _(
                "Only an administrator adds people, changes roles and sets the waiver. You can "
                "change your own passphrase."
            )
        )
        why = "" if self.save_button.isEnabled() else self.rights.text()
        self.save_button.setToolTip(why)
        tips = {
            self.name: _("The person's name as colleagues know it; it is shown on their work."),
            self.first_passphrase: _(
                "A passphrase the new person types to sign in the first time, then changes."
            ),
            self.roles: _("Tick what this person may do: draft, review, sign or manage people."),
            self.waiver: _("Tick only when one person works alone and must approve own work."),
        }
        set_field_tips({field: why or tip for field, tip in tips.items()})
        self.reload()
