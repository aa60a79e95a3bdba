"""Import from another computer…: choose the move file, type its passphrase, check it completely
(nothing changes yet), read what it holds and what this computer has, then import.

The import itself replaces the database, so it runs with the data folder closed: the dialog
only records it (``work``); see :mod:`acsg_desktop.gui.backup.restart`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _, format_number
from acsg_desktop.core.store.backup_contents import read_counts
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.transfer.progress import Percent
from acsg_desktop.core.transfer.service import SUFFIX, MoveSummary, inspect, move_in
from acsg_desktop.core.transfer.words import contents_sentence
from acsg_desktop.gui.backup.move_out_dialog import passphrase_fields
from acsg_desktop.gui.backup.progress import progress_dialog, run_with_progress
from acsg_desktop.gui.backup.restart import ClosedFolderWork
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.dialog_buttons import LabelledButtonBox, Standard
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.retranslate import Retranslatable


def _here_sentence(data_dir: Path | None) -> str:
    counts = read_counts(database_path(data_dir)) if data_dir else None
    if counts is None or not (counts.answers or counts.requests or counts.packages):
        return _("This computer has no assessment data yet: nothing here is replaced.")
    return _(
        "This computer already has data ({answers} answers, {requests} requests, {packages} "
        "packages): it will be kept aside, not deleted, and the data of the file will take its "
        "place."
    ).format(
        answers=format_number(counts.answers),
        requests=format_number(counts.requests),
        packages=format_number(counts.packages),
    )


def import_work(source: Path, passphrase: bytes) -> ClosedFolderWork:
    """The import, to run once the data folder is closed."""

    def run(folder: Path, report: Percent) -> str:
        result = move_in(source, passphrase, folder, report)
        text = _("The data of the other computer is here now.") + " "
        text += contents_sentence(result.summary)
        if result.previous_database is not None:
            text += " " + _("The data that was here is kept aside as {path}.").format(
                path=result.previous_database
            )
        return text

    return ClosedFolderWork(
        _("Import from another computer"), _("Checking and importing {name}…").format(
            name=source.name
        ), run,
    )  # fmt: skip


class MoveInDialog(Retranslatable, QDialog):
    """Accepted with ``work`` set once a checked file is to be imported."""

    def __init__(self, data_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self.work: ClosedFolderWork | None = None
        self.summary: MoveSummary | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.file = QLineEdit(self)
        self.file.setReadOnly(True)
        self.choose = QPushButton(self)
        self.choose.clicked.connect(self.choose_file)
        (self.passphrase,) = passphrase_fields(self, 1)
        self.passphrase.textChanged.connect(self._forget_check)
        self.labels = [QLabel(self), QLabel(self)]
        self.check = QPushButton(self)
        self.check.clicked.connect(self.check_file)
        self.outcome = MessageLabel(self)
        self.outcome.setWordWrap(True)
        self.buttons = LabelledButtonBox(Standard.Ok | Standard.Cancel, self)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.setMinimumWidth(640)
        self.retranslate_ui()

    def _layout(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose)
        form = QFormLayout()
        form.addRow(self.labels[0], file_row)
        form.addRow(self.labels[1], self.passphrase)
        self.labels[0].setBuddy(self.choose)
        self.labels[1].setBuddy(self.passphrase)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check)
        check_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(check_row)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the file from the other computer"), "",
            _("ACSG move files (*{suffix})").format(suffix=SUFFIX),
        )  # fmt: skip
        if name:
            self.file.setText(name)
            self._forget_check()

    def _forget_check(self) -> None:
        self.summary = None
        self.buttons.button(Standard.Ok).setEnabled(False)

    def check_file(self) -> None:
        """Open and check the file in the background (nothing changes); then say what it holds."""
        if not self.file.text() or not self.passphrase.text():
            self.outcome.say(_("Choose the file and type its passphrase first."), error=True)
            return
        source, passphrase = Path(self.file.text()), self.passphrase.text().encode("utf-8")
        staging = self._data_dir
        dialog = progress_dialog(self, _("Import from another computer"), _("Checking the file…"))
        self.check.setEnabled(False)
        run_with_progress(
            dialog,
            lambda report: inspect(source, passphrase, staging, report),
            self._checked,
            self._refused,
        )

    def _checked(self, summary: MoveSummary) -> None:
        self.check.setEnabled(True)
        self.summary = summary
        self.outcome.say(
            _("The file is intact.") + " " + contents_sentence(summary) + "\n"
            + _here_sentence(self._data_dir)
        )  # fmt: skip
        self.buttons.button(Standard.Ok).setEnabled(True)

    def _refused(self, error: AcsgError) -> None:
        self.check.setEnabled(True)
        self._forget_check()
        self.outcome.say(error.message, error=True)

    def confirm(self) -> None:
        if self.summary is None:
            return
        self.work = import_work(Path(self.file.text()), self.passphrase.text().encode("utf-8"))
        self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Import from another computer"))
        self.setAccessibleName(_("Import from another computer"))
        self.intro.setText(
            _(
                "Choose the file written by “Move to another computer” on the old computer and "
                "type its passphrase. The file is checked completely before anything changes "
                "here."
            )
        )
        self.labels[0].setText(_("&File:"))
        self.labels[1].setText(_("&Passphrase:"))
        self.file.setAccessibleName(_("File from the other computer"))
        self.passphrase.setAccessibleName(_("Passphrase of the file"))
        set_field_tips(
            {
                self.file: _("The move file from the old computer; choose it with the button."),
                self.passphrase: _("The passphrase chosen when the file was written."),
            }
        )
        self.choose.setText(_("C&hoose…"))
        self.check.setText(_("Chec&k the file"))
        self.buttons.label(Standard.Ok, _("&Import"))
        self.buttons.button(Standard.Ok).setEnabled(self.summary is not None)
