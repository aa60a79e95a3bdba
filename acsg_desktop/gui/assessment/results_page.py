"""Results: aim and area charts, ranked gaps with next steps, change since an earlier assessment."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.actions.service import ActionPlanService
from acsg_desktop.core.assessment.csv_export import export_csv, results_csv
from acsg_desktop.core.assessment.labels import (
    AIM_LABELS,
    aim_label,
    assessment_name,
    percent_label,
)
from acsg_desktop.core.assessment.scoring import Gap, Scores
from acsg_desktop.core.assessment.service import AssessmentService
from acsg_desktop.core.errors import AcsgError, os_reason
from acsg_desktop.core.i18n import _, format_number, format_percent
from acsg_desktop.core.offers.service import OfferService
from acsg_desktop.core.records.assessment import AssessmentStatus, AssessmentSummary
from acsg_desktop.gui.assessment.action_plan_tab import ActionPlanTab
from acsg_desktop.gui.assessment.gap_detail import GapDetailPane
from acsg_desktop.gui.assessment.gap_offers_panel import GapOffersPanel
from acsg_desktop.gui.assessment.gap_table import (
    fill_gap_table,
    gap_headers,
    make_gap_table,
    make_gaps_tab,
    make_table,
)
from acsg_desktop.gui.assessment.status_dialogs import ask_reopen_reason
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.cells import text_cell
from acsg_desktop.gui.widgets.charts import BarChart, RadarChart, Series
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.widgets.scrolling_pages import follow_focus


def _change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "–"
    delta = round(now - before)
    return ("+" if delta > 0 else "") + format_number(delta)


def _latest_earlier(shown: AssessmentSummary, others: list[AssessmentSummary]) -> int | None:
    """The assessment to compare ``shown`` with at first: the latest one before it, never a
    later one (comparing a baseline with its follow-up would read the change backwards)."""
    earlier = [o for o in others if (o.year, o.id) < (shown.year, shown.id)]
    return max(earlier, key=lambda o: (o.year, o.id)).id if earlier else None


class ResultsPage(Retranslatable, QWidget):
    """The results of one assessment, optionally compared with an earlier one."""

    back_requested = Signal()
    draft_requested = Signal(int, list)  # assessment id, selected gaps
    guide_requested = Signal(str)
    reopened = Signal(int)  # assessment id, back in progress

    def __init__(
        self,
        service: AssessmentService,
        parent: QWidget | None = None,
        offers: OfferService | None = None,
        actions: ActionPlanService | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.plan = ActionPlanTab(actions, service, self) if actions is not None else None
        self.plan_button = QPushButton(self)
        self.plan_button.clicked.connect(self._add_actions)
        self.plan_button.setVisible(self.plan is not None)
        self.offers = GapOffersPanel(offers, self) if offers is not None else None
        self.assessment_id: int | None = None
        self.title = make_page_title(self)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.compare_label = QLabel(self)
        self.compare = QComboBox(self)
        self.compare_label.setBuddy(self.compare)
        self.compare.currentIndexChanged.connect(lambda _index: self._refresh())
        self.radar, self.bars = RadarChart(self), BarChart(self)
        self.gaps = make_gap_table(self, self.offers)
        self._gap_rows: list[Gap] = []
        self.gap_detail = GapDetailPane(self)
        self.gap_detail.guide_requested.connect(self.guide_requested)
        self.gaps.itemSelectionChanged.connect(self._show_gap_detail)
        if self.offers is not None:
            self.offers.follow(self.gaps, self.selected_gaps)
        self.draft_button = QPushButton(self)
        self.draft_button.clicked.connect(self._draft)
        self.guide_button = QPushButton(self)
        self.guide_button.clicked.connect(self._open_guide)
        self.guide_titles: Callable[[], dict[str, str]] = dict
        self.changes = make_table(self, 4)
        self.export_button, self.back_button = QPushButton(self), QPushButton(self)
        self.export_button.clicked.connect(self.export)
        self.back_button.clicked.connect(self.back_requested)
        self.reopen_button = QPushButton(self)
        self.reopen_button.clicked.connect(self.reopen)
        self.current_user: Callable[[], str] = str  # who reopens: set by the owner of the page
        self.message = MessageLabel(self)  # announced to screen readers
        self.tabs = QTabWidget(self)
        self._lay_out()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        scores_tab = QWidget(self)
        charts = QHBoxLayout(scores_tab)
        charts.addWidget(self.radar, 2)
        bars = QScrollArea(scores_tab)
        bars.setWidgetResizable(True)
        bars.setWidget(self.bars)
        follow_focus(bars)  # the chart in it is the Tab stop
        charts.addWidget(bars, 3)  # room for whole area names beside their bars
        gaps_tab = make_gaps_tab(
            self,
            self.gaps,
            [self.gap_detail, self.offers],
            [self.draft_button, self.plan_button, self.guide_button],
        )
        for tab in (scores_tab, gaps_tab, self.changes, self.plan):
            if tab is not None:
                self.tabs.addTab(tab, "")
        top = QHBoxLayout()
        top.addWidget(self.compare_label)
        top.addWidget(self.compare, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.reopen_button)
        top.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.explanation):
            layout.addWidget(widget)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

    def show_assessment(self, assessment_id: int) -> None:
        """Show the results of ``assessment_id``; offer the others for comparison."""
        self.assessment_id = assessment_id
        self.compare.blockSignals(True)
        self.compare.clear()
        self.compare.addItem(_("Nothing"), None)
        others = [other for other in self._service.list() if other.id != assessment_id]
        for other in others:
            self.compare.addItem(assessment_name(other.title, other.year), other.id)
        earlier = _latest_earlier(self._service.get(assessment_id), others)
        self.compare.setCurrentIndex(max(0, self.compare.findData(earlier)))
        self.compare.blockSignals(False)
        self.message.clear()
        self.gaps.clearSelection()
        if self.plan is not None:
            self.plan.show_assessment(assessment_id)
        self._refresh()

    def earlier_id(self) -> int | None:
        data = self.compare.currentData()
        return int(data) if data is not None else None

    def _refresh(self) -> None:
        if self.assessment_id is None:
            return
        summary = self._service.get(self.assessment_id)
        framework = self._service.framework_of(summary)
        scores = self._service.scores(self.assessment_id)
        earlier_id = self.earlier_id()
        earlier = self._service.scores(earlier_id) if earlier_id is not None else None
        earlier_label = self.compare.currentText()
        self.title.setText(_("Results: {title}").format(title=summary.title))
        self.reopen_button.setVisible(summary.status is AssessmentStatus.COMPLETED)
        self.explanation.setText(self._explain(scores))
        aims = {aim: aim_label(aim) for aim in AIM_LABELS}
        areas = {area.id: area.title.get() for area in framework.areas}
        self.radar.set_data(
            aims,
            Series(summary.title, scores.aim_scores),
            Series(earlier_label, earlier.aim_scores) if earlier else None,
        )
        self.bars.set_data(
            areas,
            Series(summary.title, scores.area_scores),
            Series(earlier_label, earlier.area_scores) if earlier else None,
        )
        self._fill_gaps(scores)
        self._fill_changes(aims, areas, scores, earlier)

    def _explain(self, scores: Scores) -> str:
        return _(
            "Answered: {completion} ({answered} of {applicable}). Overall: {overall}. "
            "Level 1 counts {zero}, level 5 counts {full}; key indicators count double; "
            "“not applicable” is left out; “insufficient information” is listed as a gap of its "
            "own. A gap is an indicator below its target level (3 unless set otherwise), "
            "ranked by distance to the target times weight."
        ).format(
            zero=format_percent(0),
            full=format_percent(1),
            completion=format_percent(scores.completion),
            answered=scores.answered,
            applicable=scores.applicable,
            overall=percent_label(scores.overall),
        )

    def _fill_gaps(self, scores: Scores) -> None:
        assert self.assessment_id is not None
        framework = self._service.framework_of(self._service.get(self.assessment_id))
        self._gap_rows = list(scores.gaps) + list(scores.insufficient)
        if self.offers is not None:
            self.offers.load(self.assessment_id, framework)
        fill_gap_table(self.gaps, framework, self._gap_rows, self.offers)
        if self._gap_rows and not self.gaps.selectionModel().hasSelection():
            self.gaps.selectRow(0)  # the detail pane is never empty when there are gaps
        self._show_gap_detail()

    def _show_gap_detail(self) -> None:
        rows = sorted({index.row() for index in self.gaps.selectionModel().selectedRows()})
        if not rows or self.assessment_id is None:
            self.gap_detail.show_gap(None, None)
            return
        framework = self._service.framework_of(self._service.get(self.assessment_id))
        gap = self._gap_rows[rows[0]]
        self.gap_detail.show_gap(framework, gap, rows[0] + 1, self.guide_titles())

    def _fill_changes(
        self, aims: dict[str, str], areas: dict[str, str], scores: Scores, earlier: Scores | None
    ) -> None:
        rows = [
            (label, scores.aim_scores[key], earlier.aim_scores[key] if earlier else None)
            for key, label in aims.items()
        ]
        rows += [
            (label, scores.area_scores[key], earlier.area_scores.get(key) if earlier else None)
            for key, label in areas.items()
        ]
        self.changes.setRowCount(len(rows))
        for row, (label, now, before) in enumerate(rows):
            for column, value in enumerate(
                (label, percent_label(now), percent_label(before), _change(now, before))
            ):
                self.changes.setItem(row, column, text_cell(value))

    def selected_gaps(self) -> list[Gap]:
        rows = sorted({index.row() for index in self.gaps.selectionModel().selectedRows()})
        return [self._gap_rows[row] for row in rows]

    def _open_guide(self) -> None:
        gaps = self.selected_gaps()
        if not gaps or self.assessment_id is None:
            show_text(self.message, _("Select a gap first."))
            return
        framework = self._service.framework_of(self._service.get(self.assessment_id))
        guides = framework.indicator(gaps[0].indicator_id).guides
        if not guides:
            show_text(self.message, _("No practice guide is linked to this indicator yet."))
            return
        self.guide_requested.emit(guides[0])

    def _draft(self) -> None:
        gaps = self.selected_gaps()
        if not gaps or self.assessment_id is None:
            show_text(self.message, _("Select one or more gaps first (Ctrl+click to add rows)."))
            return
        self.draft_requested.emit(self.assessment_id, gaps)

    def _add_actions(self) -> None:
        gaps = self.selected_gaps()
        if not gaps or self.plan is None:
            show_text(self.message, _("Select one or more gaps first (Ctrl+click to add rows)."))
            return
        if self.plan.add_from_gaps(gaps):
            self.tabs.setCurrentWidget(self.plan)

    def reopen(self) -> None:
        """Ask why, then put the completed assessment back in progress (reviewers only)."""
        if self.assessment_id is None:
            return
        reason = ask_reopen_reason(self)
        if reason is None:
            return
        try:
            self._service.reopen(self.assessment_id, actor=self.current_user(), reason=reason)
        except AcsgError as error:
            show_text(self.message, _("Not reopened: {reason}").format(reason=error.message))
            return
        self._refresh()
        show_text(self.message, _("The assessment is in progress again: open it from the list."))
        self.reopened.emit(self.assessment_id)

    def export(self) -> None:
        """Ask where, then write the results as CSV (headers in the current language)."""
        if self.assessment_id is None:
            return
        summary = self._service.get(self.assessment_id)
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export the results as CSV"),
            _("assessment-{year}.csv").format(year=summary.year),
            _("CSV files (*.csv)"),
        )
        if not name:
            return
        service = self._service
        try:
            text = results_csv(
                service.framework_of(summary),
                summary,
                service.answers(summary.id),
                service.scores(summary.id),
            )
            export_csv(Path(name), text)
        except (AcsgError, OSError) as error:
            reason = error.message if isinstance(error, AcsgError) else os_reason(error)
            show_text(self.message, _("Not exported: {reason}").format(reason=reason))
            return
        show_text(self.message, _("Exported to {path}").format(path=name))

    def retranslate_ui(self) -> None:
        self.compare_label.setText(_("&Compare with:"))
        self.compare.setToolTip(_("Pick an earlier assessment to see what got better or worse."))
        self.compare.setAccessibleName(_("Compare with"))
        self.export_button.setText(_("E&xport CSV…"))
        self.reopen_button.setText(_("Re&open…"))
        self.reopen_button.setToolTip(_("Reviewers and signatories can reopen a completed one."))
        self.draft_button.setText(_("&Draft a support request from the selected gaps"))
        self.guide_button.setText(_("&Read the related practice guide"))
        self.back_button.setText(_("Back to the li&st"))
        self.plan_button.setText(_("Add &actions from the selected gaps"))
        for index, label in enumerate((_("Scores"), _("Gaps"), _("Change"), _("Action plan"))):
            if index < self.tabs.count():
                self.tabs.setTabText(index, label)
        self.gaps.setHorizontalHeaderLabels(gap_headers())
        self.changes.setHorizontalHeaderLabels(
            [_("Aim or area"), _("This assessment"), _("Compared with"), _("Change (points)")]
        )
        change_header = self.changes.horizontalHeader()
        change_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        change_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.gaps.setAccessibleName(_("Gaps"))
        self.changes.setAccessibleName(_("Change"))
        if self.compare.count():
            self.compare.setItemText(0, _("Nothing"))
        self._refresh()
