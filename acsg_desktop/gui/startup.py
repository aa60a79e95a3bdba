"""Opening the data folder from the GUI: every refusal explained, a damaged database handled."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.backup_contents import restore_warning
from acsg_desktop.core.store.database import DatabaseDamagedError
from acsg_desktop.core.store.lock import InstanceLockedError
from acsg_desktop.core.store.server_errors import ServerPasswordError
from acsg_desktop.core.workspace import Workspace, restore_into
from acsg_desktop.gui.settings.server_session import ServerSession
from acsg_desktop.gui.settings.server_start import ask_password, work_locally_instead
from acsg_desktop.gui.single_instance import bring_forward


def _offer_restore(error: DatabaseDamagedError, data_dir: Path) -> bool:
    """Tell the user what happened; restore the latest backup if they agree. False to quit."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Database damaged"), error.message)
    restore = None
    if error.latest_backup is not None:  # said before it is applied: what the backup lacks
        box.setInformativeText(restore_warning(error.latest_backup, error.moved_to))
        restore = box.addButton(_("Restore the latest backup"), QMessageBox.ButtonRole.AcceptRole)
    fresh = box.addButton(_("Start with an empty database"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore and error.latest_backup is not None:
        try:
            restore_into(data_dir, error.latest_backup)
        except AcsgError as restore_error:
            QMessageBox.critical(None, _("Restore failed"), restore_error.message)
            return False
        return True
    return clicked is fresh


def open_workspace(data_dir: Path, session: ServerSession | None = None) -> Workspace | None:
    """Open ``data_dir``, on the office server ``session`` chooses if any, or explain why not;
    None means the app should quit."""
    session = session or ServerSession()
    while True:
        address = session.database(data_dir)
        try:
            return Workspace.open(data_dir, address, password=session.password_for(address))
        except ServerPasswordError as error:
            password = ask_password(session.shown(address), error) if address else None
            if not address or password is None:
                return None
            session.keep_password(address, password)
        except DatabaseDamagedError as error:
            if not _offer_restore(error, data_dir):
                return None
        except InstanceLockedError as error:
            message = error.message
            if bring_forward(data_dir):
                message = _(
                    "ACSG Desktop is already open on this data folder: its window was "
                    "brought to the front."
                )
            QMessageBox.information(None, _("ACSG Desktop is already open"), message)
            return None
        except AcsgError as error:
            if address is None:
                QMessageBox.critical(None, _("ACSG Desktop cannot start"), error.message)
            elif work_locally_instead(error.message):
                session.use_for_this_run(None)
                continue
            return None
