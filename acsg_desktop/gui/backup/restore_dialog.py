"""File > Restore from…: the backups with their date, kind and size (or a file from elsewhere),
and, before anything is applied, what the chosen backup lacks compared with the data now."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.i18n import N_, _, format_datetime
from acsg_desktop.core.store.backup_contents import restore_warning
from acsg_desktop.core.store.backup_list import BackupEntry, describe_backups
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.transfer.words import file_size
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.widgets.dialog_buttons import LabelledButtonBox, Standard
from acsg_desktop.gui.widgets.retranslate import Retranslatable

KINDS = {
    "manual": N_("Made with “Back up now”"),
    "auto": N_("Automatic"),
    "before-guides": N_("Before a guide import"),
    "before-offers": N_("Before an offers import"),
}
BEFORE_UPDATE = N_("Before an update of the app")
HEADERS = (N_("Date made"), N_("Kind"), N_("File size"))


def kind_label(reason: str) -> str:
    """What made the backup, in words."""
    if reason in KINDS:
        return _(KINDS[reason])
    if reason.startswith("before-") and reason[7:].isdigit():
        return _(BEFORE_UPDATE)
    return reason


class RestoreDialog(Retranslatable, QDialog):
    """Accepted with ``chosen`` set once the user confirmed the restore of that backup."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current = database_path(workspace.data_dir)
        self.entries = describe_backups(workspace.database.backups())
        self.chosen: Path | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setColumnCount(len(HEADERS))
        header = self.table.header()
        header.setStretchLastSection(False)
        for column, mode in enumerate(("fit", "stretch", "fit")):
            fitted = QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if mode == "stretch" else fitted
            )
        for entry in self.entries:
            item = QTreeWidgetItem(self.table)
            item.setData(0, Qt.ItemDataRole.UserRole, str(entry.path))
        self.table.itemSelectionChanged.connect(self._selected)
        self.other = QPushButton(self)
        self.other.clicked.connect(self.choose_file)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.warning.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons = LabelledButtonBox(Standard.Ok | Standard.Cancel, self)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.other)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self._candidate: Path | None = None
        self.retranslate_ui()
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)

    def _fill_rows(self) -> None:
        for index, entry in enumerate(self.entries):
            item = self.table.topLevelItem(index)
            if item is None:
                continue
            texts = (format_datetime(entry.made_at, "medium"), kind_label(entry.reason))
            for column, text in enumerate((*texts, file_size(entry.size))):
                item.setText(column, text)
            item.setToolTip(0, str(entry.path))

    def _selected(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.show_candidate(Path(str(items[0].data(0, Qt.ItemDataRole.UserRole))))

    def show_candidate(self, backup: Path) -> None:
        """Say what ``backup`` lacks compared with the data now; it becomes the one to restore."""
        self._candidate = backup
        self.warning.setText(restore_warning(backup, self._current))
        self.buttons.button(Standard.Ok).setEnabled(True)

    def choose_file(self) -> None:
        """A backup kept elsewhere (a USB stick, another folder)."""
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a backup file"), "", _("ACSG Desktop backups (*.sqlite3)")
        )
        if name:
            self.table.clearSelection()
            self.show_candidate(Path(name))

    def _entry(self, path: Path) -> BackupEntry | None:
        return next((entry for entry in self.entries if entry.path == path), None)

    def confirm(self) -> None:
        """Ask once more, saying that the folder is closed and opened again."""
        if self._candidate is None:
            return
        entry = self._entry(self._candidate)
        when = format_datetime(entry.made_at, "medium") if entry else str(self._candidate)
        answer = QMessageBox.question(
            self,
            _("Restore this backup?"),
            _(
                "Restore the backup of {when}? ACSG Desktop closes the data folder, checks "
                "the backup, restores it and opens the folder again. The current data is kept "
                "aside, not deleted."
            ).format(when=when),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = self._candidate
            self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Restore from a backup"))
        self.setAccessibleName(_("Restore from a backup"))
        self.intro.setText(
            _(
                "Choose the backup to go back to, newest first. What was saved after it was "
                "made is not in it: what it lacks compared with the data now is said below "
                "before anything changes."
            )
            if self.entries
            else _("There is no backup in the data folder yet: choose a backup file instead.")
        )
        self.table.setHeaderLabels([_(header) for header in HEADERS])
        self.table.setAccessibleName(_("Backups"))
        self._fill_rows()
        self.other.setText(_("Choose a &file…"))
        self.buttons.label(Standard.Ok, _("&Restore this backup…"))
        self.buttons.button(Standard.Ok).setEnabled(self._candidate is not None)
        if self._candidate is not None:
            self.show_candidate(self._candidate)
        else:
            self.warning.setText(_("Choose a backup to see what it lacks."))
