"""Starting an assessment: title, year, and optionally the answers of an earlier one."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.assessment.carry_over import CarryOverReport, carry_over_lines
from acsg_desktop.core.assessment.labels import assessment_name
from acsg_desktop.core.assessment.service import MAX_YEAR, MIN_YEAR
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _, ngettext
from acsg_desktop.core.records.assessment import AssessmentSummary
from acsg_desktop.gui.widgets.accessible_style import ERROR_STYLE
from acsg_desktop.gui.widgets.field_errors import show_field_errors
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class NewAssessmentDialog(Retranslatable, QDialog):
    """Asks for a title and year; offers to carry over answers that still apply."""

    def __init__(
        self,
        earlier: list[AssessmentSummary],
        carry_from: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit(self)
        self.year = QSpinBox(self)
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(date.today().year)
        self.carry_over = QComboBox(self)
        self.carry_over.addItem("", None)
        for summary in earlier:
            self.carry_over.addItem(assessment_name(summary.title, summary.year), summary.id)
        if carry_from is not None:
            self.carry_over.setCurrentIndex(max(0, self.carry_over.findData(carry_from)))
        self.labels = [QLabel(self) for _ in range(3)]
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for label, field in zip(
            self.labels, (self.title_edit, self.year, self.carry_over), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.hint)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate_ui()

    def _accept_if_valid(self) -> None:
        if not self.title_edit.text().strip():  # said with the field, the keyboard on it
            message = _("Give the assessment a title, such as “2026 baseline”.")
            show_field_errors({"title": self.title_edit}, {"title": self.error}, {"title": message})
            return
        self.accept()

    def values(self) -> tuple[str, int, int | None]:
        """Title, year, and the assessment to carry answers over from (or None)."""
        data = self.carry_over.currentData()
        return self.title_edit.text().strip(), self.year.value(), int(data) if data else None

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("New assessment"))
        for label, text in zip(
            self.labels, (_("&Title"), _("&Year"), _("&Carry over answers from")), strict=True
        ):
            label.setText(text)
        self.title_edit.setAccessibleName(_("Title"))
        self.year.setAccessibleName(_("Year"))
        self.carry_over.setAccessibleName(_("Carry over answers from"))
        self.title_edit.setToolTip(_("A name that tells this assessment apart from the others."))
        self.year.setToolTip(_("The year the assessment describes; results are compared by year."))
        self.carry_over.setToolTip(
            _("Start from the answers of an earlier assessment, to update only what changed.")
        )
        self.carry_over.setItemText(0, _("Nothing: start empty"))
        self.title_edit.setPlaceholderText(_("e.g. 2026 baseline"))
        self.hint.setText(
            _(
                "Answers are carried over only for indicators whose question and "
                "levels have not changed since; you can change any of them."
            )
        )


class CarryOverDialog(Retranslatable, QDialog):
    """Shown once a new assessment has been started from an earlier one: how many answers were
    carried over, and the complete list of those that were not, with the reason."""

    def __init__(
        self, report: CarryOverReport, source: Framework, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._report = report
        self._source = source
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.listing = QListWidget(self)
        self.listing.setWordWrap(True)
        self.listing.setAlternatingRowColors(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.listing)
        layout.addWidget(self.buttons)
        self.setMinimumSize(640, 420)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        report = self._report
        self.setWindowTitle(_("Answers carried over"))
        carried = ngettext(
            "{count} answer was carried over from framework {old} to {new}.",
            "{count} answers were carried over from framework {old} to {new}.",
            len(report.carried),
        ).format(count=len(report.carried), old=report.source_version, new=report.target_version)
        left = ngettext(
            "{count} answer was not carried over:",
            "{count} answers were not carried over:",
            len(report.left_behind),
        ).format(count=len(report.left_behind))
        self.summary.setText(f"{carried} {left}" if report.left_behind else carried)
        self.listing.clear()
        self.listing.addItems(carry_over_lines(report, self._source))
        self.listing.setVisible(bool(report.left_behind))
        self.listing.setAccessibleName(_("Answers not carried over"))
