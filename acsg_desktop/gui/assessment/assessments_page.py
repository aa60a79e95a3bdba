"""The Assessments area: the list, and from it the wizard or the results."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _, current_language
from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.records.guides import GuideFilters
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.assessment.assessment_table_model import (
    COL_TITLE,
    COL_YEAR,
    AssessmentTableModel,
)
from acsg_desktop.gui.assessment.contribution_actions import ContributionActions
from acsg_desktop.gui.assessment.new_assessment_dialog import CarryOverDialog, NewAssessmentDialog
from acsg_desktop.gui.assessment.results_page import ResultsPage
from acsg_desktop.gui.assessment.wizard import AssessmentWizard
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.fitted_columns import FittedColumns
from acsg_desktop.gui.widgets.honest_buttons import enable_with_reason
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class AssessmentsPage(Retranslatable, QWidget):
    """List of assessments; opens the wizard or the results in place."""

    guide_requested = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._service = workspace.assessments
        self.wizard: AssessmentWizard | None = None
        self.stack = QStackedWidget(self)
        self.list_page = QWidget(self)
        self.title = make_page_title(self.list_page)
        self.model = AssessmentTableModel()
        self.table = QTableView(self.list_page)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setCornerButtonEnabled(False)
        self.columns = FittedColumns(self.table, stretched=(COL_TITLE,))
        header = self.table.horizontalHeader()
        header.setSortIndicator(COL_YEAR, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.new_button, self.open_button, self.results_button, self.copy_button = (
            QPushButton(self.list_page) for _ in range(4)
        )
        self.new_button.clicked.connect(lambda: self.new_assessment())
        self.open_button.clicked.connect(self.open_selected)
        self.results_button.clicked.connect(self.show_selected_results)
        self.copy_button.clicked.connect(lambda: self.new_assessment(self.selected_id()))
        self.message = MessageLabel(self.list_page)  # announced to screen readers
        self.message.setWordWrap(True)
        self.contributions = ContributionActions(
            workspace, self.selected_id, self.message, self.reload, self.list_page
        )
        self.results = ResultsPage(
            self._service, self, offers=workspace.offers, actions=workspace.actions
        )
        if self.results.plan is not None:
            self.results.plan.current_user = lambda: self._workspace.current_user
            self.results.plan.people = self._workspace.people_names
        self.results.back_requested.connect(self.show_list)
        self.results.guide_requested.connect(self.guide_requested)
        self.results.guide_titles = self.guide_titles
        self.results.current_user = lambda: self._workspace.current_user
        self.results.reopened.connect(self.open_wizard)
        self._lay_out()
        self.model.set_query(self._service.page)
        self.table.setSortingEnabled(True)  # reads the first batch, newest year first
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._select_first()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.results_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in self.contributions.buttons():
            buttons.addWidget(button)
        layout = QVBoxLayout(self.list_page)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.results)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def guide_titles(self) -> dict[str, str]:
        """Guide id -> title in the current language, for links to related guides."""
        guides = self._workspace.guides.list(current_language(), GuideFilters())
        return {guide.guide_id: guide.title for guide in guides}

    def reload(self) -> None:
        """Re-read the first batch of the list from the database (more as the view scrolls)."""
        self.model.reload()
        self._select_first()

    def _select_first(self) -> None:
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _update_buttons(self) -> None:
        """Open, Results and Copy act on the selected assessment: without one, they are off
        and their tooltip says why."""
        if not self.model.rowCount():
            reason = _("There is no assessment yet: start one with “New assessment”.")
        elif self.selected_id() is None:
            reason = _("Select an assessment in the list first.")
        else:
            reason = ""
        for button in (self.open_button, self.results_button, self.copy_button):
            enable_with_reason(button, reason)
        self.contributions.update(reason)

    def selected_id(self) -> int | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()).id if indexes else None

    def new_assessment(self, carry_from: int | None = None) -> int | None:
        """Ask for title and year, then start the new assessment in the wizard."""
        dialog = NewAssessmentDialog(self._service.list(), carry_from, self)
        if not dialog.exec():
            return None
        title, year, carry_over = dialog.values()
        try:
            created = self._service.create(
                title, year, carry_over, actor=self._workspace.current_user
            )
        except AcsgError as error:
            show_text(self.message, error.message)
            return None
        self.reload()
        self.open_wizard(created.id)
        if carry_over is not None:
            self.show_carry_over(created.id)
        return created.id

    def show_carry_over(self, assessment_id: int) -> None:
        """List what carried over into ``assessment_id`` and what did not (non-modal)."""
        report = self._service.carry_over_report(assessment_id)
        copied_from = self._service.get(assessment_id).copied_from
        if report is None or copied_from is None:
            return
        if report.source_version == report.target_version and not report.left_behind:
            return  # a copy on the same framework: everything came along, nothing to say
        source = self._service.framework_of(self._service.get(copied_from))
        self.carry_over_dialog = CarryOverDialog(report, source, self)
        self.carry_over_dialog.open()

    def open_selected(self) -> None:
        assessment_id = self.selected_id()
        if assessment_id is None:
            return
        if self._service.get(assessment_id).status is AssessmentStatus.IN_PROGRESS:
            self.open_wizard(assessment_id)
        else:
            self.show_results(assessment_id)

    def show_selected_results(self) -> None:
        assessment_id = self.selected_id()
        if assessment_id is not None:
            self.show_results(assessment_id)

    def open_wizard(self, assessment_id: int) -> None:
        """Show the wizard for ``assessment_id`` where the user last was."""
        self._drop_wizard()
        people = self._workspace.people_names()
        self.wizard = AssessmentWizard(
            self._service,
            assessment_id,
            people,
            lambda: self._workspace.current_user,
            self,
            evidence=self._workspace.evidence,
        )
        self.wizard.indicator_page.guide_titles = self.guide_titles()
        self.wizard.guide_requested.connect(self.guide_requested)
        self.wizard.closed.connect(self.show_list)
        self.wizard.results_requested.connect(self.show_results)
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        self._workspace.remember_open_assessment(assessment_id)

    def show_results(self, assessment_id: int) -> None:
        self.results.show_assessment(assessment_id)
        self.stack.setCurrentWidget(self.results)

    def show_list(self) -> None:
        self._workspace.remember_open_assessment(None)
        self._drop_wizard()
        self.reload()
        self.stack.setCurrentWidget(self.list_page)

    def _drop_wizard(self) -> None:
        if self.wizard is not None:
            self.wizard.indicator_page.flush()
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
            self.wizard = None

    def retranslate_ui(self) -> None:
        self.title.setText(_("Assessments"))
        self.new_button.setText(_("&New assessment…"))
        self.open_button.setText(_("&Open"))
        self.results_button.setText(_("&Results"))
        self.copy_button.setText(_("Co&py into a new one…"))
        self.contributions.retranslate_ui()
        self.table.setAccessibleName(_("Assessments"))
        self.model.retranslate()
        self.columns.refit()
        self._update_buttons()
        if self.wizard is not None:
            self.wizard.indicator_page.guide_titles = self.guide_titles()
