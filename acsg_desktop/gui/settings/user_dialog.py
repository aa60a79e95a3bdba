"""Who is using the app: every change is recorded under this name (no passwords)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from acsg_desktop.core.i18n import _
from acsg_desktop.core.people.service import role_label
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class UserDialog(Retranslatable, QDialog):
    """A list of the authority's people; the choice becomes the current user."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.people = QComboBox(self)
        for person in workspace.people.list():
            roles = ", ".join(role_label(role) for role in sorted(person.roles))
            self.people.addItem(f"{person.name} ({roles})", person.name)
        self.people.setCurrentIndex(max(0, self.people.findData(workspace.current_user)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.choose)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.people, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(460)
        self.retranslate_ui()

    def choose(self) -> None:
        name = self.people.currentData()
        if name:
            self._workspace.set_current_user(str(name))
        self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Who is using ACSG Desktop?"))
        self.intro.setText(
            _(
                "Choose your name. Every change you make is recorded under it. "
                "People are added in Settings."
            )
        )
        self.people.setAccessibleName(_("Person"))


def ensure_current_user(workspace: Workspace, parent: QWidget | None = None) -> None:
    """Ask who is using the app unless it is known (or only one person is listed)."""
    names = workspace.people_names()
    if workspace.current_user in names:
        return
    if len(names) == 1:
        workspace.set_current_user(names[0])
        return
    if names:
        UserDialog(workspace, parent).exec()
