"""Starting on an office server: the password when one is needed, and a refusal explained.

A missing or wrong password is asked for (and tried again); Cancel quits. Any other refusal
(unreachable, not an ACSG database, schema too new, not an official of this server) is shown
in words with the choice to work on this computer's own data for now, or to quit.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.server_errors import ServerPasswordError


def ask_password(address: str, error: ServerPasswordError) -> str | None:
    """The password typed for ``address`` (None: the user cancelled, the app quits)."""
    ask = _("Type your password for the office server {server}.").format(server=address)
    label = ask if error.missing else f"{error.message}\n\n{ask}"
    dialog = QInputDialog()
    dialog.setWindowTitle(_("Office server password"))
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setOkButtonText(_("Connect"))
    dialog.setCancelButtonText(_("Quit"))
    if not dialog.exec():
        return None
    return dialog.textValue()


def work_locally_instead(message: str) -> bool:
    """Say why the server cannot be used; True when the user works on this computer's data."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("The office server cannot be used"), message)
    box.setInformativeText(
        _(
            "You can work on this computer's own data for now: what you save there stays on "
            "this computer and is not seen by the office. The next start tries the server again."
        )
    )
    local = box.addButton(_("Work on this computer's own data"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is local
