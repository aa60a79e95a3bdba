"""People and roles, and the single-person approval waiver."""

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

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.people.service import role_label
from acsg_desktop.core.records.roles import ROLES
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.widgets.choice_boxes import ChoiceBoxes
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class PeopleBox(Retranslatable, QGroupBox):
    """Lists the people; adds one or changes roles; sets the approval waiver."""

    people_changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.people = QListWidget(self)
        self.people.setMaximumHeight(110)
        self.people.currentRowChanged.connect(self._pick)
        self.name_label = QLabel(self)
        self.name = QLineEdit(self)
        self.name_label.setBuddy(self.name)
        self.roles = ChoiceBoxes(ROLES, role_label, 3, self)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save_person)
        self.waiver = QCheckBox(self)
        self.waiver.setChecked(workspace.requests.self_approval_allowed())
        self.waiver.toggled.connect(self._set_waiver)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        for widget in (self.name_label, self.name, self.roles, self.save_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.people)
        layout.addLayout(row)
        layout.addWidget(self.waiver)
        layout.addWidget(self.message)
        self.reload()
        self.retranslate_ui()

    def reload(self) -> None:
        self.people.clear()
        self._people = self._workspace.people.list()
        for person in self._people:
            roles = ", ".join(role_label(role) for role in ROLES if role in person.roles)
            self.people.addItem(f"{person.name} — {roles}")

    def _pick(self, row: int) -> None:
        if 0 <= row < len(self._people):
            self.name.setText(self._people[row].name)
            self.roles.set_selected(tuple(self._people[row].roles))

    def save_person(self) -> None:
        self._run(
            lambda: self._workspace.people.save(
                self.name.text(),
                frozenset(self.roles.selected()),
                actor=self._workspace.current_user,
            ),
            _("Saved."),
        )
        self.reload()
        self.people_changed.emit()

    def _set_waiver(self, allowed: bool) -> None:
        self._run(
            lambda: self._workspace.requests.allow_self_approval(
                allowed, actor=self._workspace.current_user
            ),
            _("Saved; the change is in the audit log."),
        )

    def _run(self, action: Callable[[], object], done: str) -> None:
        try:
            action()
        except AcsgError as error:
            self.message.setText(error.message)
            return
        self.message.setText(done)

    def retranslate_ui(self) -> None:
        self.setTitle(_("People and roles"))
        self.people.setAccessibleName(_("People and roles"))
        self.name_label.setText(_("&Name"))
        self.name.setAccessibleName(_("Name"))
        self.save_button.setText(_("Add or &update"))
        self.waiver.setText(
            _(
                "A single person may approve requests they edited last "
                "(for a one-person office; recorded in the audit log)"
            )
        )
        self.reload()
