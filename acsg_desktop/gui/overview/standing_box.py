"""The current assessment on the overview: where it stands, the answers left and where, progress
by area as compact bars, and who answered how many questions."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.assessment.labels import assessment_name
from acsg_desktop.core.i18n import _, format_number, ngettext
from acsg_desktop.core.overview.facts import AreaStanding, AssessmentStanding
from acsg_desktop.core.records.assessment import STATUS_LABELS
from acsg_desktop.gui.assessment.gap_table import make_table
from acsg_desktop.gui.widgets.cells import text_cell

FIRST_AREAS = 3  # unfinished areas named in the "left" line
# The area table takes the height the boxes beside it leave (at least this), so the
# overview fits 1366x768 in both languages; it scrolls through the areas.
TABLE_MIN_HEIGHT = 120


def wrapped_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    return label


def headline(standing: AssessmentStanding) -> str:
    """2026 follow-up · In progress · 95 of 101 questions answered (the year added when the
    title does not say it, as everywhere an assessment is named)."""
    summary = standing.summary
    return _("{assessment} · {status} · {answered} of {applicable} questions answered").format(
        assessment=assessment_name(summary.title, summary.year),
        status=_(STATUS_LABELS[summary.status]),
        answered=format_number(standing.answered),
        applicable=format_number(standing.applicable),
    )


def left_text(standing: AssessmentStanding) -> str:
    """How many questions are left, and the first areas that hold them."""
    unfinished = standing.unfinished_areas()
    if not unfinished:
        return _("No question left.")
    names = ", ".join(area.title for area in unfinished[:FIRST_AREAS])
    if len(unfinished) > FIRST_AREAS:
        names = _("{names} and {count} more").format(
            names=names, count=format_number(len(unfinished) - FIRST_AREAS)
        )
    return ngettext(
        "{count} question left, in: {areas}.", "{count} questions left, in: {areas}.", standing.left
    ).format(count=format_number(standing.left), areas=names)


def people_text(standing: AssessmentStanding) -> str:
    if not standing.answers_by_person:
        return _("Nobody has answered yet.")
    people = " · ".join(
        _("{name}: {value}").format(name=name, value=format_number(count))
        for name, count in standing.answers_by_person
    )
    return _("Answers by person: {people}").format(people=people)


class StandingBox(QGroupBox):
    """``show_standing(standing)`` fills it (None: no assessment yet)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline, self.left, self.people = (wrapped_label(self) for _ in range(3))
        self.table = make_table(self, 2)
        self.table.setMinimumHeight(TABLE_MIN_HEIGHT)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 130)
        layout = QVBoxLayout(self)
        for widget in (self.headline, self.left, self.table, self.people):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        layout.addStretch(0)  # the room below the headline when the table is hidden

    def show_standing(self, standing: AssessmentStanding | None) -> None:
        self.setTitle(_("Current assessment"))
        self.table.setHorizontalHeaderLabels([_("Area"), _("Answered")])
        self.table.setAccessibleName(_("Progress by area"))
        self.table.setVisible(standing is not None)
        self.left.setVisible(standing is not None)
        self.people.setVisible(standing is not None)
        if standing is None:
            self.headline.setText(_("No assessment yet."))
            return
        self.headline.setText(headline(standing))
        self.left.setText(left_text(standing))
        self.people.setText(people_text(standing))
        self._fill(standing.areas)

    def _fill(self, areas: tuple[AreaStanding, ...]) -> None:
        self.table.setRowCount(len(areas))
        for row, area in enumerate(areas):
            self.table.setItem(row, 0, text_cell(area.title))
            count = _("{answered} of {applicable}").format(
                answered=format_number(area.answered), applicable=format_number(area.applicable)
            )
            bar = QProgressBar(self.table)
            bar.setRange(0, max(1, area.applicable))
            bar.setValue(area.answered if area.applicable else 1)
            bar.setFormat(count)  # Qt's own "%p%" is not in the user's number format
            bar.setAccessibleName(_("{name}: {value}").format(name=area.title, value=count))
            self.table.setCellWidget(row, 1, bar)
            progress = QTableWidgetItem(count)  # read by screen readers and copied with the row
            progress.setToolTip(count)
            self.table.setItem(row, 1, progress)
        self.table.resizeRowsToContents()
