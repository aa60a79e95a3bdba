"""The File menu's data-safety entries: Back up now, Restore from…, Move to another computer…,
Import from another computer….

The dialogs (and the cryptography they need) are imported when first used, not at start-up.
A restore or an import replaces the database the window is using: once confirmed, it is
recorded as ``work_after_close`` and the window closes; the app runs it with the folder closed
and opens the folder again (see :mod:`acsg_desktop.gui.backup.restart`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMessageBox

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _, format_datetime
from acsg_desktop.core.records.roles import ADMINISTRATOR
from acsg_desktop.core.transfer.progress import Percent
from acsg_desktop.core.workspace import Workspace, restore_into
from acsg_desktop.gui.backup.progress import progress_dialog, run_with_progress
from acsg_desktop.gui.backup.restart import ClosedFolderWork, WorkAfterClose


def restore_work(backup: Path) -> ClosedFolderWork:
    """Restoring ``backup``, to run once the data folder is closed."""

    def run(folder: Path, _report: Percent) -> str:
        kept = restore_into(folder, backup)
        text = _("The backup {name} was restored.").format(name=backup.name)
        if kept is not None:
            text += " " + _("The data as it was just before is kept aside as {path}.").format(
                path=kept
            )
        return text

    return ClosedFolderWork(
        _("Restore from a backup"), _("Checking and restoring the backup…"), run, counted=False
    )


class BackupActions(WorkAfterClose, QObject):
    """The four entries, inserted in ``menu`` before ``before`` (Quit)."""

    def __init__(
        self, window: QMainWindow, workspace: Workspace, menu: QMenu, before: QAction
    ) -> None:
        super().__init__(window)
        self._window, self._workspace = window, workspace
        self.back_up_action = QAction(window)
        self.restore_action = QAction(window)
        self.move_out_action = QAction(window)
        self.move_in_action = QAction(window)
        handlers = (self.back_up_now, self.restore, self.move_out, self.move_in)
        actions = (self.back_up_action, self.restore_action, self.move_out_action)
        for action, handler in zip((*actions, self.move_in_action), handlers, strict=True):
            action.triggered.connect(lambda _checked=False, handler=handler: handler())
        menu.insertSeparator(before)
        for action in (*actions, self.move_in_action):
            menu.insertAction(before, action)
        menu.insertSeparator(before)
        window.installEventFilter(self)
        self.retranslate_ui()

    def back_up_now(self) -> None:
        """A checked backup at once, with a progress bar; then where it is, in words."""
        dialog = progress_dialog(self._window, _("Back up now"), _("Making a checked backup…"))
        dialog.setRange(0, 0)  # one copy with no steps to count
        database = self._workspace.database
        run_with_progress(
            dialog, lambda _report: database.backup("manual"), self._backed_up, self._failed
        )

    def _backed_up(self, path: Path) -> None:
        from acsg_desktop.core.store.backup_list import describe_backups
        from acsg_desktop.core.transfer.words import file_size

        entry = describe_backups([path])
        size = file_size(entry[0].size) if entry else "?"
        made = format_datetime(entry[0].made_at, "medium") if entry else ""
        QMessageBox.information(
            self._window,
            _("Back up now"),
            _(
                "Backup made on {when} ({size}): the file {name} in the folder {folder}. It "
                "holds everything saved until now. A backup on this disk does not survive the "
                "loss of the laptop: copy that folder to a USB stick from time to time."
            ).format(when=made, size=size, name=path.name, folder=path.parent),
        )

    def _failed(self, error: AcsgError) -> None:
        QMessageBox.critical(self._window, _("Back up now"), error.message)

    def _may_replace_data(self) -> bool:
        """Only an administrator replaces what everyone saved (a one-person office has one)."""
        person = self._workspace.current_person()
        if person is not None and ADMINISTRATOR in person.roles:
            return True
        QMessageBox.information(
            self._window,
            _("Ask the administrator"),
            _(
                "Only an administrator restores a backup or imports data from another "
                "computer: it replaces what everyone in the office has saved."
            ),
        )
        return False

    def _close_then(self, work: ClosedFolderWork) -> None:
        self.ask_for(work)
        self._window.close()

    def restore(self) -> None:
        if not self._may_replace_data():
            return
        from acsg_desktop.gui.backup.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self._workspace, self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            self._close_then(restore_work(dialog.chosen))

    def move_out(self) -> None:
        from acsg_desktop.gui.backup.move_out_dialog import MoveOutDialog

        MoveOutDialog(self._workspace, self._window).exec()

    def move_in(self) -> None:
        if not self._may_replace_data():
            return
        from acsg_desktop.gui.backup.move_in_dialog import MoveInDialog

        dialog = MoveInDialog(self._workspace.data_dir, self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.work is not None:
            self._close_then(dialog.work)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False

    def retranslate_ui(self) -> None:
        self.back_up_action.setText(_("&Back up now"))
        self.restore_action.setText(_("&Restore from a backup…"))
        self.move_out_action.setText(_("&Move to another computer…"))
        self.move_in_action.setText(_("&Import from another computer…"))
