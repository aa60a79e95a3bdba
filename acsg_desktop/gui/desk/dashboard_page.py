"""The desk's dashboard: submissions, area scores as a heat map, aims, requests, and unmet needs
against the open offers, each from the latest accepted package of every authority."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.desk.overview import Overview
from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.errors import os_reason
from acsg_desktop.core.i18n import N_, _, format_number
from acsg_desktop.gui.desk import dashboard_views as views
from acsg_desktop.gui.desk.area_scores_view import AreaScoresView
from acsg_desktop.gui.desk.data_view import DataView
from acsg_desktop.gui.desk.labels import area_titles
from acsg_desktop.gui.desk.need_bars import NeedBarsWidget
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable

VIEW_FILES = {
    "submissions": N_("desk-submissions.csv"),
    "aims": N_("desk-aims.csv"),
    "by_type": N_("desk-requests-by-type.csv"),
    "by_area": N_("desk-requests-by-area.csv"),
    "by_stage": N_("desk-requests-by-stage.csv"),
    "unmet_area": N_("desk-unmet-needs-by-area.csv"),
    "unmet_region": N_("desk-unmet-needs-by-region.csv"),
}


def _row_of(parent: QWidget, widgets: Sequence[QWidget], stretches: Sequence[int] = ()) -> QWidget:
    holder = QWidget(parent)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for number, widget in enumerate(widgets):
        row.addWidget(widget, stretches[number] if stretches else 1)
    return holder


class DashboardPage(Retranslatable, QWidget):
    def __init__(self, desk: DeskWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.overview = Overview()
        self.title = make_page_title(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.views = {name: DataView(file, self) for name, file in VIEW_FILES.items()}
        self.area_scores = AreaScoresView(self)
        self.need_bars = NeedBarsWidget(self)
        self.offers_note = QLabel(self)
        self.offers_note.setWordWrap(True)
        self.offers_note.setTextFormat(Qt.TextFormat.PlainText)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.views["submissions"], "")
        self.tabs.addTab(self.area_scores, "")
        self.tabs.addTab(self.views["aims"], "")
        requests = [self.views[name] for name in ("by_type", "by_area", "by_stage")]
        self.tabs.addTab(_row_of(self, requests), "")
        unmet = QWidget(self)
        unmet_layout = QVBoxLayout(unmet)
        unmet_layout.setContentsMargins(0, 0, 0, 0)
        unmet_layout.addWidget(self.offers_note)
        tables = [self.views["unmet_area"], self.views["unmet_region"]]
        unmet_layout.addWidget(_row_of(unmet, tables, (3, 2)), 1)
        unmet_layout.addWidget(self.need_bars)
        self.tabs.addTab(unmet, "")
        self.briefing_button = QPushButton(self)
        self.briefing_button.clicked.connect(self.save_briefing)
        layout = QVBoxLayout(self)
        layout.addWidget(_row_of(self, [self.title, self.briefing_button], (1, 0)))
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()

    def refresh(self) -> None:
        """Read the overview again (after an intake or a decision) and show it."""
        self.overview = self._desk.packages.overview()
        self._show()

    def _show(self) -> None:
        overview, titles = self.overview, area_titles()
        tables = {
            "submissions": (_("Submissions"), views.submissions_table(overview), 2),
            "aims": (_("Scores by aim"), views.aims_table(overview), 1),
            "by_type": (_("Requests by support type"), views.requests_by_type(overview), 1),
            "by_area": (_("Requests by area"), views.requests_by_area(overview, titles), 1),
            "by_stage": (_("Requests by match stage"), views.requests_by_stage(overview), 1),
            "unmet_area": (_("By area"), views.unmet_by_area(overview, titles), 1),
            "unmet_region": (_("By region"), views.unmet_by_region(overview), 1),
        }
        for name, (heading, table, numbers_from) in tables.items():
            stretch = {"submissions": 1, "aims": -1}.get(name, 0)  # the longest texts take room
            self.views[name].set_data(heading, table.headers, table.rows, numbers_from, stretch)
        self.area_scores.show_overview(overview, titles)
        self.need_bars.set_rows(views.need_bars(overview, titles))
        self.summary.setText(self._summary_text())
        self.offers_note.setText(self._offers_text())

    def _summary_text(self) -> str:
        submissions = self.overview.submissions
        if not submissions:
            return _("No package accepted yet: receive packages under Received packages.")
        return _(
            "Authorities: {authorities}. Packages received: {packages}, of which held: {held}. "
            "Each authority counts with its latest accepted package; held and rejected "
            "packages are not counted."
        ).format(
            authorities=format_number(len(submissions)),
            packages=format_number(sum(s.packages for s in submissions)),
            held=format_number(sum(s.held for s in submissions)),
        )

    def _offers_text(self) -> str:
        text = _(
            "Unmet needs are gaps for which the authority found no open offer. Open offers "
            "are those of the desk's offers catalogue that cover the area or the region."
        )
        if not self.overview.open_offers_by_area:
            text += " " + _(
                "The desk holds no open offer yet: publish an offers catalogue from the desk "
                "(acsg desk publish offers) to set the needs against it."
            )
        elif self.overview.offers_illustrative:
            text += " " + _("The desk's offers are the illustrative examples, not real ones.")
        return text

    def save_briefing(self) -> None:
        """The dashboard's numbers as a PDF briefing, in the current language."""
        from acsg_desktop.core.desk.briefing import briefing_pdf
        from acsg_desktop.core.fileio import write_bytes_atomically
        from acsg_desktop.core.framework.loader import load_framework

        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save a PDF briefing"), _("acsg-briefing.pdf"), _("PDF files (*.pdf)")
        )
        if not name:
            return
        try:
            write_bytes_atomically(Path(name), briefing_pdf(self.overview, load_framework()))
        except OSError as error:
            show_text(self.summary, _("Not written: {reason}").format(reason=os_reason(error)))
            return
        show_text(self.summary, _("Briefing written to {path}").format(path=name))

    def retranslate_ui(self) -> None:
        self.title.setText(_("Dashboard"))
        self.briefing_button.setText(_("Save a PDF &briefing…"))
        labels = (
            _("Submissions"),
            _("Area scores"),
            _("Aims"),
            _("Requests"),
            _("Unmet needs and open offers"),
        )
        for index, label in enumerate(labels):
            self.tabs.setTabText(index, label)
        self.tabs.setAccessibleName(_("Dashboard views"))
        self.need_bars.setAccessibleName(_("Unmet needs and open offers by area"))
        self._show()
