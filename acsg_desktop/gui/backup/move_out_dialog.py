"""File > Move to another computer…: one passphrase-protected file with everything, the signing
keys only when ticked, written with a progress bar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.package.identities import MIN_PASSPHRASE
from acsg_desktop.core.transfer.service import SUFFIX, MoveSummary, move_out, require_passphrase
from acsg_desktop.core.transfer.words import contents_sentence, file_size
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.backup.progress import progress_dialog, run_with_progress
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.dialog_buttons import LabelledButtonBox, Standard
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.widgets.wrapping_check import WrappingCheckBox


def passphrase_fields(parent: QWidget, count: int) -> list[QLineEdit]:
    """``count`` password fields (never shown in clear)."""
    fields = [QLineEdit(parent) for _index in range(count)]
    for field in fields:
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMinimumWidth(300)
    return fields


class MoveOutDialog(Retranslatable, QDialog):
    """Writes the move file; ``written`` is its path once done."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.written: Path | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.keys = WrappingCheckBox(self)
        self.keys_hint = QLabel(self)
        self.keys_hint.setWordWrap(True)
        self.passphrase, self.again = passphrase_fields(self, 2)
        self.labels = [QLabel(self), QLabel(self)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.passphrase, self.again), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        self.secret_hint = QLabel(self)
        self.secret_hint.setWordWrap(True)
        self.problem = MessageLabel(self)
        self.problem.setWordWrap(True)
        self.buttons = LabelledButtonBox(Standard.Save | Standard.Cancel, self)
        self.buttons.accepted.connect(self.write)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for above in (self.intro, self.keys, self.keys_hint):
            layout.addWidget(above)
        layout.addLayout(form)
        for below in (self.secret_hint, self.problem, self.buttons):
            layout.addWidget(below)
        self.setMinimumWidth(620)
        self.retranslate_ui()

    def _passphrase(self) -> bytes | None:
        """The passphrase typed twice, or None after saying what is wrong."""
        first, second = self.passphrase.text(), self.again.text()
        try:
            require_passphrase(first.encode("utf-8"))
        except AcsgError as error:
            self.problem.say(error.message, error=True)
            return None
        if first != second:
            self.again.clear()
            self.problem.say(_("The two passphrases differ; type them again."), error=True)
            return None
        return first.encode("utf-8")

    def write(self) -> None:
        """Check the passphrase, ask where to save, then write the file with a progress bar."""
        passphrase = self._passphrase()
        if passphrase is None:
            return
        suggested = f"acsg-{date.today().isoformat()}{SUFFIX}"
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the file for the other computer"), suggested,
            _("ACSG move files (*{suffix})").format(suffix=SUFFIX),
        )  # fmt: skip
        if not name:
            return
        target = Path(name) if name.endswith(SUFFIX) else Path(name + SUFFIX)
        with_keys = self.keys.box.isChecked()
        workspace = self._workspace
        self.buttons.setEnabled(False)
        dialog = progress_dialog(self, _("Move to another computer"), _("Writing {name}…").format(
            name=target.name
        ))  # fmt: skip
        run_with_progress(
            dialog,
            lambda report: move_out(
                workspace.database, workspace.data_dir, target, passphrase, with_keys, report
            ),
            lambda summary: self._written(target, summary),
            self._failed,
        )

    def _written(self, target: Path, summary: MoveSummary) -> None:
        self.written = target
        QMessageBox.information(
            self,
            _("Move to another computer"),
            _(
                "Everything was written to {path} ({size}). {contents} Carry it to the new "
                "computer and choose “Import from another computer…” there; give the "
                "passphrase separately."
            ).format(
                path=target,
                size=file_size(target.stat().st_size),
                contents=contents_sentence(summary),
            ),
        )
        self.accept()

    def _failed(self, error: AcsgError) -> None:
        self.buttons.setEnabled(True)
        self.problem.say(_("Nothing was written: {reason}").format(reason=error.message), True)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Move to another computer"))
        self.setAccessibleName(_("Move to another computer"))
        self.intro.setText(
            _(
                "One file with everything this office has saved: assessments, requests, "
                "packages, people, the guides and offers installed, trusted certificates and "
                "settings. It is protected by a passphrase; the backups and logs of this "
                "computer stay here."
            )
        )
        self.keys.set_text(_("Include the signing keys"))
        self.keys_hint.setText(
            _(
                "Tick it only if the signatories will sign on the new computer; each key keeps "
                "its own passphrase. Without them, each signatory creates a new signing "
                "identity there."
            )
        )
        self.labels[0].setText(
            _("&Passphrase (at least {count} characters):").format(count=MIN_PASSPHRASE)
        )
        self.labels[1].setText(_("Type it &again:"))
        self.passphrase.setAccessibleName(_("Passphrase of the file"))
        self.again.setAccessibleName(_("Passphrase of the file, again"))
        set_field_tips(
            {
                self.keys: _("Tick to carry the signing keys too, so signatories can sign there."),
                self.passphrase: _("A new passphrase that locks the file; the importer types it."),
                self.again: _("The same passphrase once more, to be sure it has no typo."),
            }
        )
        self.secret_hint.setText(
            _(
                "Nobody can open the file without this passphrase, not even the Secretariat. "
                "Give it to the person who imports the file by another way (not in the same "
                "e-mail)."
            )
        )
        self.buttons.label(Standard.Save, _("&Choose where to save and write…"))
