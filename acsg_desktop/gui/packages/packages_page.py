"""The Packages area (the outbox): export in the background, list, mark as sent, import the
Secretariat's receipts, encrypt a copy for e-mail, verify."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.display import escape_controls
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import LANGUAGE_NAMES, N_, _, current_language, format_datetime
from acsg_desktop.core.package.outbox import STATUS_LABELS, Outbox
from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.packages import outbox_actions
from acsg_desktop.gui.packages.identity_box import IdentityBox
from acsg_desktop.gui.packages.passphrase import ask_passphrase
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.workers import run_in_background

HEADERS = (N_("No."), N_("Made"), N_("Status"), N_("Signed by"), N_("Fingerprint"), N_("File"))


class PackagesPage(Retranslatable, QWidget):
    """Signing identity, export of a signed package, the outbox, and verification of a file."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.outbox = Outbox(workspace.database)
        self.title = make_page_title(self)
        self.identity = IdentityBox(workspace, self)
        self.assessment_label, self.language_label = QLabel(self), QLabel(self)
        self.assessment, self.language = QComboBox(self), QComboBox(self)
        self.assessment_label.setBuddy(self.assessment)
        self.language_label.setBuddy(self.language)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        names = ("export", "verify", "sent", "receipt", "encrypt")
        self.buttons = {name: QPushButton(self) for name in names}
        self.buttons["export"].clicked.connect(self.export)
        self.buttons["verify"].clicked.connect(self.verify)
        self.buttons["sent"].clicked.connect(lambda: self._mark("sent"))
        self.buttons["receipt"].clicked.connect(
            lambda: self._act(lambda: outbox_actions.import_receipt(self._workspace, self))
        )
        self.buttons["encrypt"].clicked.connect(self._encrypt)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(self)
        self.table.setColumnCount(len(HEADERS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._lay_out()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        export_row = QHBoxLayout()
        for widget in (
            self.assessment_label,
            self.assessment,
            self.language_label,
            self.language,
            self.buttons["export"],
        ):
            export_row.addWidget(widget)
        export_row.addStretch(1)
        outbox_row = QHBoxLayout()
        for name in ("sent", "encrypt", "receipt", "verify"):
            outbox_row.addWidget(self.buttons[name])
        outbox_row.addStretch(1)
        layout = QVBoxLayout(self)
        for item in (
            self.title,
            self.identity,
            export_row,
            self.progress,
            self.message,
            outbox_row,
            self.table,
        ):
            if isinstance(item, QWidget):
                layout.addWidget(item)
            else:
                layout.addLayout(item)

    def refresh(self) -> None:
        """Exportable assessments (completed or already locked) and the outbox."""
        self.identity.refresh()
        self.assessment.clear()
        for summary in self._workspace.assessments.list():
            if summary.status is not AssessmentStatus.IN_PROGRESS:
                self.assessment.addItem(f"{summary.title} ({summary.year})", summary.id)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        packages = self.outbox.packages()
        self.table.setRowCount(len(packages))
        for row, record in enumerate(packages):
            values = (
                str(record.sequence),
                format_datetime(record.created_at, "short"),
                _(STATUS_LABELS.get(record.status, record.status)),
                record.signer,
                record.fingerprint,
                record.file_path,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(256, record.package_id)
                self.table.setItem(row, column, item)

    def export(self) -> None:
        """Ask where and for the passphrase, then build, sign and verify in the background."""
        assessment_id = self.assessment.currentData()
        if assessment_id is None:
            self._say(_("Complete an assessment first: only completed ones can be exported."))
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export a signed package"),
            "acsg-package.acsgpkg",
            _("ACSG packages (*.acsgpkg)"),
        )
        passphrase = (
            ask_passphrase(self, _("Sign the package"), _("Passphrase of your signing key:"))
            if name
            else None
        )
        if not name or passphrase is None:
            return

        workspace, language = self._workspace, str(self.language.currentData())
        self._busy(True)
        run_in_background(
            lambda: workspace.exports.export(
                int(assessment_id),
                workspace.current_user,
                passphrase,
                Path(name),
                language,
            ),
            self._exported,
            self._failed,
        )

    def _exported(self, result: Any) -> None:
        self._busy(False)
        record = result.record
        text = (
            _(
                "This content was already exported as package {sequence} ({path}); no new "
                "package was made."
            )
            if result.reused
            else _("Package {sequence} written to {path}.")
        )
        self._say(text.format(sequence=record.sequence, path=record.file_path))
        self.refresh()

    def verify(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Verify a package"), "", _("ACSG packages (*.acsgpkg)")
        )
        if not name:
            return
        from acsg_desktop.core.package.verify import verify_package

        self._busy(True)
        run_in_background(lambda: verify_package(Path(name)), self._verified, self._failed)

    def _verified(self, check: Any) -> None:
        self._busy(False)
        if check.ok:
            from acsg_desktop.core.signing.keys import fingerprint, subject_text

            self._say(
                _("Everything holds. Signed by {subject}; fingerprint {value}").format(
                    subject=subject_text(check.signer), value=fingerprint(check.signer)
                )
            )
            return
        self._say(
            "\n".join(
                _("{entry}: {check}: {message}").format(
                    entry=f.entry, check=f.check, message=f.message
                )
                for f in check.failures
            )
        )

    def _failed(self, error: Exception) -> None:
        self._busy(False)
        self._say(error.message if isinstance(error, AcsgError) else str(error))

    def _selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return str(item.data(256)) if item is not None else None

    def _mark(self, status: str) -> None:
        package_id = self._selected_id()
        if package_id:
            self.outbox.mark(package_id, status, actor=self._workspace.current_user)
            self.refresh()

    def _encrypt(self) -> None:
        package_id = self._selected_id()
        record = next((p for p in self.outbox.packages() if p.package_id == package_id), None)
        if record is None:
            self._say(_("Choose a package in the list first."))
            return
        self._act(lambda: outbox_actions.encrypt_copy(Path(record.file_path), self))

    def _act(self, action: Callable[[], str | None]) -> None:
        """Run a quick outbox action; its message, or the reason it was refused, is shown."""
        try:
            said = action()
        except AcsgError as error:
            self._say(error.message)
            return
        if said:
            self._say(said)
            self.refresh()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for button in self.buttons.values():
            button.setEnabled(not busy)

    def _say(self, text: str) -> None:
        self.message.setText(escape_controls(text))  # subjects and entry names come from files

    def retranslate_ui(self) -> None:
        self.title.setText(_("Packages"))
        self.assessment_label.setText(_("Assess&ment:"))
        self.language_label.setText(_("La&nguage of the report:"))
        self.assessment.setAccessibleName(_("Assessment to export"))
        self.language.setAccessibleName(_("Language of the report"))
        texts = {
            "export": _("&Export a signed package…"),
            "verify": _("&Verify a package file…"),
            "sent": _("Mark as &sent"),
            "receipt": _("Import a &receipt…"),
            "encrypt": _("Encrypt a cop&y for e-mail…"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.table.setHorizontalHeaderLabels([_(header) for header in HEADERS])
        self.table.setAccessibleName(_("Packages made"))
        self.progress.setAccessibleName(_("Working"))
        self.refresh()
