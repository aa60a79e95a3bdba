"""Work that needs the data folder closed: restoring a backup, moving data in.

The app holds the folder's lock and its database open while a window shows it, and a restore
must replace that very file. So the window only records the work the user confirmed and closes;
the composition root (``gui/app.py``) then closes the workspace (which releases the lock), runs
the work here with a progress bar, says what happened, and opens the folder again as at a
start (damage check, first-run setup, sign-in). Nothing of the old window or its services
survives the swap, so no screen can show or write the data that was replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from acsg_desktop.core.i18n import _
from acsg_desktop.core.transfer.progress import Percent
from acsg_desktop.gui.backup.progress import progress_dialog, run_and_wait


@dataclass(frozen=True)
class ClosedFolderWork:
    """What to do once the folder is closed; ``run`` returns the sentence to show when done."""

    title: str
    label: str
    run: Callable[[Path, Percent], str]
    counted: bool = True  # False: one step that reports no percentages (a busy bar instead)


class WorkAfterClose:
    """Mixin for a window or dialog that can ask for work with the folder closed."""

    work_after_close: ClosedFolderWork | None = None

    def ask_for(self, work: ClosedFolderWork) -> None:
        """Record ``work``; the caller then closes the window or dialog."""
        self.work_after_close = work


def run_with_folder_closed(work: ClosedFolderWork, folder: Path, parent: QWidget | None) -> bool:
    """Run ``work`` on ``folder`` (closed by the caller) with a progress bar, then say how it
    went. True when it succeeded."""
    dialog = progress_dialog(parent, work.title, work.label)
    if not work.counted:
        dialog.setRange(0, 0)
    message, error = run_and_wait(dialog, lambda report: work.run(folder, report))
    if error is not None:
        QMessageBox.critical(
            parent,
            work.title,
            _("{reason} The data folder was not changed; it opens again as it was.").format(
                reason=error.message
            ),
        )
        return False
    QMessageBox.information(parent, work.title, str(message))
    return True


def discard(window: QWidget) -> None:
    """Delete a closed window now, with its pages, timers and the services they hold."""
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
