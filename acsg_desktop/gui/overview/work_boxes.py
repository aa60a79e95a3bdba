"""The overview's smaller boxes: the top gaps of the current assessment, and the requests by
stage with the last package and whether the Secretariat acknowledged it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.i18n import _, format_date, format_number
from acsg_desktop.core.overview.facts import GapFact, PackageFact
from acsg_desktop.core.package.outbox import STATUS_LABELS as PACKAGE_STATUS
from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.requests.labels import label
from acsg_desktop.gui.assessment.gap_table import make_table
from acsg_desktop.gui.overview.standing_box import wrapped_label
from acsg_desktop.gui.widgets.cells import text_cell

GAP_COLUMNS = 3  # indicator, level, target


class GapsBox(QGroupBox):
    """The top gaps, most pressing first: indicator, level and target (the area, and the whole
    question, in the indicator's tooltip). Two gaps of one area differ only in their question's
    words: the question takes the room an area column took, so that its first words show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = wrapped_label(self)
        self.table = make_table(self, GAP_COLUMNS)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addStretch(1)

    def show_gaps(self, gaps: tuple[GapFact, ...], has_assessment: bool) -> None:
        self.setTitle(_("Top gaps"))
        self.table.setHorizontalHeaderLabels([_("Indicator"), _("Level"), _("Target")])
        self.table.setAccessibleName(_("Top gaps, most pressing first"))
        self.empty.setVisible(not gaps)
        self.table.setVisible(bool(gaps))
        self.empty.setText(
            _("No gap: every answered indicator reaches its target.")
            if has_assessment
            else _("The gaps appear here once an assessment is answered.")
        )
        self.table.setRowCount(len(gaps))
        for row, gap in enumerate(gaps):
            level = str(gap.level) if gap.level else _("Insufficient information")
            whole = _("{area}: {question}").format(area=gap.area_title, question=gap.question)
            for column, (value, tip) in enumerate(
                ((gap.question, whole), (level, level), (str(gap.target_level), None))
            ):
                self.table.setItem(row, column, text_cell(value, tip))
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        self.table.setFixedHeight(height + sum(self.table.rowHeight(r) for r in range(len(gaps))))


def package_text(package: PackageFact | None) -> str:
    """The last package, where it stands, and the receipt's word if one was imported."""
    if package is None:
        return _("No package exported yet.")
    made = _("Package {sequence} (made on {date}) · {status}").format(
        sequence=package.sequence,
        date=format_date(package.created_at.date()),
        status=_(PACKAGE_STATUS.get(package.status, package.status)),
    )
    if package.receipt_issued is None:
        return made + "\n" + _("No receipt from the Secretariat yet.")
    receipt = {
        "verified": _("The Secretariat acknowledged it (receipt of {date})."),
        "held": _("The Secretariat holds it for a check (receipt of {date})."),
        "refused": _("The Secretariat refused it (receipt of {date})."),
    }.get(package.receipt_verification, _("Receipt of {date} imported."))
    return made + "\n" + receipt.format(date=format_date(package.receipt_issued.date()))


class WorkBox(QGroupBox):
    """Requests by stage in one row of counts; the last package below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout()
        self.stage_names: dict[RequestStatus, QLabel] = {}
        self.stage_counts: dict[RequestStatus, QLabel] = {}
        for column, status in enumerate(RequestStatus):
            self.stage_names[status] = QLabel(self)
            self.stage_counts[status] = QLabel(self)
            font = self.stage_counts[status].font()
            font.setBold(True)
            font.setPointSize(font.pointSize() + 4)
            self.stage_counts[status].setFont(font)
            grid.addWidget(self.stage_counts[status], 0, column)
            grid.addWidget(self.stage_names[status], 1, column)
        self.package = wrapped_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.package)
        layout.addStretch(1)

    def show_work(self, by_stage: dict[RequestStatus, int], package: PackageFact | None) -> None:
        self.setTitle(_("Support requests and packages"))
        for status, name in self.stage_names.items():
            count = format_number(by_stage.get(status, 0))
            name.setText(label(status))
            self.stage_counts[status].setText(count)
            for widget in (name, self.stage_counts[status]):
                widget.setAccessibleName(
                    _("{name}: {value}").format(name=label(status), value=count)
                )
        self.package.setText(package_text(package))
