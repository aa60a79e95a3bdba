"""The questions and system calls of the evidence files box, apart so tests can stand in for
them: choosing files, confirming a removal, and opening a copy in the system's viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from acsg_desktop.core.evidence.file_types import TYPES
from acsg_desktop.core.i18n import _


def file_filter() -> str:
    """The file dialog's filter: every allowed extension, in both cases."""
    patterns = " ".join(
        f"*.{extension} *.{extension.upper()}" for kind in TYPES for extension in kind.extensions
    )
    return _("Evidence files ({patterns})").format(patterns=patterns)


def choose_files(parent: QWidget) -> list[Path]:
    """The files the user picks to attach (none when cancelled)."""
    names, _chosen = QFileDialog.getOpenFileNames(
        parent, _("Attach evidence files"), str(Path.home()), file_filter()
    )
    return [Path(name) for name in names]


def confirm_removal(parent: QWidget, name: str) -> bool:
    """Ask before detaching ``name`` from the answer."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Remove the evidence file"))
    box.setText(_("Remove {name} from this answer?").format(name=name))
    box.setInformativeText(_("The removal is kept in the answer's history."))
    remove = box.addButton(_("Remove"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("Keep it"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is remove


def open_with_system(path: Path) -> bool:
    """Hand the read-only copy at ``path`` to the system's viewer (never run by this app)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
