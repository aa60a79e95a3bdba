"""Exporting a signed package: which assessment, in which language, then where and the
passphrase; a wrong passphrase asks again, nothing is written until it is right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.assessment.labels import assessment_name
from acsg_desktop.core.display import file_stem
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import LANGUAGE_NAMES, _, current_language
from acsg_desktop.core.package.evidence import EvidenceChoice
from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.packages.outbox_actions import open_file
from acsg_desktop.gui.packages.passphrase import ask_passphrase
from acsg_desktop.gui.packages.report_preview import write_draft
from acsg_desktop.gui.packages.status_banner import Outcome
from acsg_desktop.gui.widgets.flow_layout import flow_row, kept_together
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.workers import run_in_background


def nothing_to_export() -> str:
    return _(
        "Nothing to export yet: only a completed assessment can be exported. Complete one in "
        "Assessments (its Review step has Mark as completed); it then appears here."
    )


EVIDENCE_CHOICES = (EvidenceChoice.HASHES, EvidenceChoice.FILES)


def evidence_choice_texts() -> list[str]:
    """The words of ``EVIDENCE_CHOICES``, in that order."""
    return [
        _("Only their hashes (SHA-256)"),
        _("Include the files in the package"),
    ]


def suggested_name(assessment: str, language: str) -> str:
    """A file name that says what the package holds, so a second language does not overwrite
    the first: ``acsg-2025-baseline-2025-fr.acsgpkg``."""
    stem = file_stem(assessment, _("package"))
    return f"acsg-{stem}-{language}.acsgpkg"


class ExportBox(Retranslatable, QGroupBox):
    """The export controls; the page shows what came of it (``exported``, ``failed``,
    ``cancelled``) and dims everything while ``working``."""

    working = Signal(bool)
    exported = Signal(object)  # ExportResult
    failed = Signal(object)  # AcsgError
    cancelled = Signal()
    said = Signal(object, object)  # Outcome, str or a function giving it in today's language

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._blocked = ""
        self.last_preview: Path | None = None  # the draft report written last
        self.assessment_label, self.language_label = QLabel(self), QLabel(self)
        self.assessment, self.language = QComboBox(self), QComboBox(self)
        self.assessment.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.assessment_label.setBuddy(self.assessment)
        self.language_label.setBuddy(self.language)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        # the screens' language at first; the user's choice is kept after that
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.evidence_label, self.evidence = QLabel(self), QComboBox(self)
        self.evidence_label.setBuddy(self.evidence)
        # as wide as its texts in the current language, after a live switch too
        self.evidence.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for choice in EVIDENCE_CHOICES:  # only the hashes unless the exporter asks for files
            self.evidence.addItem("", choice.value)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.export)
        self.preview_button = QPushButton(self)
        self.preview_button.clicked.connect(self.preview)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        row = flow_row(  # wraps at a larger text size
            [
                kept_together(self.assessment_label, self.assessment, self),
                kept_together(self.language_label, self.language, self),
                self.preview_button,
                self.button,
            ]
        )
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.evidence_label)
        evidence_row.addWidget(self.evidence)
        evidence_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(evidence_row)
        layout.addWidget(self.hint)
        self.retranslate_ui()

    def refresh(self, blocked: str = "") -> None:
        """The exportable assessments (completed, or locked by a package); ``blocked`` is why
        the current person cannot sign, if they cannot."""
        self._blocked = blocked
        current = self.assessment.currentData()
        self.assessment.clear()
        for summary in self._workspace.assessments.list():
            if summary.status is not AssessmentStatus.IN_PROGRESS:
                text = assessment_name(summary.title, summary.year)
                self.assessment.addItem(text, summary.id)
        self.assessment.setCurrentIndex(max(0, self.assessment.findData(current)))
        self._show_state()

    def _show_state(self) -> None:
        reason = nothing_to_export() if self.assessment.count() == 0 else self._blocked
        self.button.setEnabled(not reason)
        self.preview_button.setEnabled(self.assessment.count() > 0)
        self.button.setToolTip(reason or _("Sign the package with your key and write it."))
        self.hint.setText(
            reason
            or _(
                "A report in the other language can be made afterwards: it is a new package "
                "with the same content."
            )
        )
        self.assessment.setEnabled(self.assessment.count() > 0)

    def export(self) -> None:
        """Ask where, then for the passphrase, then build, sign and verify in the background."""
        assessment_id = self.assessment.currentData()
        if assessment_id is None or not self.button.isEnabled():
            return
        language = str(self.language.currentData())
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export a signed package"),
            suggested_name(self.assessment.currentText(), language),
            _("ACSG packages (*.acsgpkg)"),
        )
        if name:
            self._sign(int(assessment_id), Path(name), language, "")

    def preview(self) -> None:
        """Build the unsigned draft of the report in the background, write it to a temporary
        file and open it (no passphrase: nothing is signed, recorded or locked)."""
        assessment_id = self.assessment.currentData()
        if assessment_id is None:
            return
        language = str(self.language.currentData())
        stem = suggested_name(self.assessment.currentText(), language).removesuffix(".acsgpkg")
        workspace = self._workspace
        self.working.emit(True)
        run_in_background(
            lambda: write_draft(
                workspace.exports.preview(int(assessment_id), workspace.current_user, language),
                stem,
            ),
            self._previewed,
            self._preview_failed,
        )

    def _previewed(self, path: Path) -> None:
        self.working.emit(False)
        self.last_preview = path
        try:
            open_file(path)
        except AcsgError as error:
            self.said.emit(Outcome.FAILURE, error.message)
            return
        self.said.emit(
            Outcome.INFO,
            lambda: _(
                "The draft report is open ({path}). It is not signed: export the package to "
                "sign it."
            ).format(path=path),
        )

    def _preview_failed(self, error: AcsgError) -> None:
        self.working.emit(False)
        self.failed.emit(error)

    def _sign(self, assessment_id: int, out: Path, language: str, problem: str) -> None:
        passphrase = ask_passphrase(
            self, _("Sign the package"), _("Passphrase of your signing key:"), problem
        )
        if passphrase is None:
            self.cancelled.emit()
            return
        workspace = self._workspace
        evidence = EvidenceChoice(self.evidence.currentData())
        self.working.emit(True)
        run_in_background(
            lambda: workspace.exports.export(
                assessment_id, workspace.current_user, passphrase, out, language, evidence
            ),
            self._done,
            lambda error: self._refused(error, assessment_id, out, language),
        )

    def _done(self, result: Any) -> None:
        self.working.emit(False)
        self.exported.emit(result)

    def _refused(self, error: AcsgError, assessment_id: int, out: Path, language: str) -> None:
        from acsg_desktop.core.signing.keys import WrongPassphraseError

        self.working.emit(False)
        if isinstance(error, WrongPassphraseError):  # nothing was written: ask again
            self._sign(assessment_id, out, language, _("That passphrase is not right; try again."))
            return
        self.failed.emit(error)

    def set_working(self, working: bool) -> None:
        for widget in (
            self.assessment,
            self.language,
            self.evidence,
            self.button,
            self.preview_button,
        ):
            widget.setEnabled(not working)
        if not working:
            self._show_state()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Export a signed package"))
        self.assessment_label.setText(_("Assess&ment:"))
        self.language_label.setText(_("La&nguage of the report:"))
        self.assessment.setAccessibleName(_("Assessment to export"))
        self.assessment.setPlaceholderText(_("No completed assessment"))
        self.language.setAccessibleName(_("Language of the report"))
        self.evidence_label.setText(_("Evi&dence files:"))
        self.evidence.setAccessibleName(_("Evidence files in the package"))
        self.assessment.setToolTip(_("The completed assessment to sign and send."))
        self.language.setToolTip(_("The language the report is written in, for its readers."))
        self.evidence.setToolTip(
            _("Hashes keep files private but prove them; including them lets readers open them.")
        )
        for index, text in enumerate(evidence_choice_texts()):
            self.evidence.setItemText(index, text)
        self.button.setText(_("&Export a signed package…"))
        self.preview_button.setText(_("Preview &the report…"))
        self.preview_button.setToolTip(
            _("Open the report as it would be signed, marked as an unsigned draft.")
        )
        self._show_state()
