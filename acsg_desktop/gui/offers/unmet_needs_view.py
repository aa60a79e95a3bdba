"""The gaps of an assessment that no open offer in the catalogue fits (the "Unmet needs" tab)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.assessment.labels import assessment_name
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.core.offers.service import GapOffers
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.widgets.table_model import RowTableModel

COL_AREA, COL_QUESTION, COL_LEVEL, COL_TARGET = range(4)


class UnmetNeedsTableModel(RowTableModel[GapOffers]):
    """One row per unmet gap: area, indicator question, level and target."""

    headers = (N_("Area"), N_("Indicator"), N_("Level"), N_("Target"))

    def __init__(self) -> None:
        super().__init__()
        self.framework: Framework | None = None

    def show(self, framework: Framework | None, rows: list[GapOffers]) -> None:
        self.framework = framework
        self.set_rows(rows)

    def display(self, row: GapOffers, column: int) -> str:
        gap, framework = row.gap, self.framework
        assert framework is not None  # rows are only set with their framework
        values = {
            COL_AREA: lambda: framework.area(gap.area_id).title.get(),
            COL_QUESTION: lambda: framework.indicator(gap.indicator_id).question.get(),
            COL_LEVEL: lambda: str(gap.level) if gap.level else _("Insufficient information"),
            COL_TARGET: lambda: str(gap.target_level),
        }
        return values[column]()


class UnmetNeedsView(Retranslatable, QWidget):
    """Choose an assessment (the most recent first); its gaps with no fitting open offer."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.has_catalogue = False
        self.assessment_label = QLabel(self)
        self.assessment = QComboBox(self)
        self.assessment.setMinimumContentsLength(30)
        self.assessment.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.assessment_label.setBuddy(self.assessment)
        self.assessment.currentIndexChanged.connect(self.refresh)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.model = UnmetNeedsTableModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setCornerButtonEnabled(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_QUESTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_AREA, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_AREA, 260)
        # Rows as tall as their wrapped question, re-measured whenever a column changes width.
        header.sectionResized.connect(lambda *_args: self._fit_rows())
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self._lay_out()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        chooser = QHBoxLayout()
        chooser.addWidget(self.assessment_label)
        chooser.addWidget(self.assessment)
        chooser.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)

    def reload(self, has_catalogue: bool) -> None:
        """Re-read the assessments (keeping the chosen one) and the unmet needs."""
        self.has_catalogue = has_catalogue
        current = self.assessment.currentData()
        summaries = sorted(
            self._workspace.assessments.list(), key=lambda s: (s.year, s.id), reverse=True
        )
        self.assessment.blockSignals(True)
        self.assessment.clear()
        for summary in summaries:
            self.assessment.addItem(assessment_name(summary.title, summary.year), summary.id)
        self.assessment.setCurrentIndex(max(0, self.assessment.findData(current)))
        self.assessment.blockSignals(False)
        self.refresh()

    def _fit_rows(self) -> None:
        """Once the columns have their widths (after the pending layout), fit the rows."""
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows()

    def chosen_id(self) -> int | None:
        data = self.assessment.currentData()
        return int(data) if data is not None else None

    def refresh(self) -> None:
        assessment_id = self.chosen_id()
        rows: list[GapOffers] = []
        framework = None
        if assessment_id is not None and self.has_catalogue:
            service = self._workspace.assessments
            framework = service.framework_of(service.get(assessment_id))
            rows = self._workspace.offers.unmet_needs(assessment_id)
        self.model.show(framework, rows)
        self._fit_rows()
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.empty.setText(self._empty_text(assessment_id))

    def _empty_text(self, assessment_id: int | None) -> str:
        if assessment_id is None:
            return _("There is no assessment yet. Unmet needs are the gaps of an assessment.")
        if not self.has_catalogue:
            return _(
                "No offers catalogue is installed, so there is nothing to compare the gaps "
                "with. Import a catalogue or load the example offers first."
            )
        return _("Every gap of this assessment has at least one open offer that could meet it.")

    def retranslate_ui(self) -> None:
        self.assessment_label.setText(_("Assess&ment:"))
        self.assessment.setAccessibleName(_("Assessment"))
        self.assessment.setToolTip(_("The assessment whose gaps are compared with the offers."))
        self.intro.setText(
            _(
                "Gaps for which no open offer in the catalogue fits. These are what the "
                "Secretariat most needs to hear about."
            )
        )
        self.table.setAccessibleName(_("Unmet needs"))
        self.model.retranslate()
        self.empty.setText(self._empty_text(self.chosen_id()))
