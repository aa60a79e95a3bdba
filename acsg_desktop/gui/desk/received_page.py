"""Received packages: intake of files or a whole folder (a USB stick) in the background, the
list of packages, a person's decision on a held one, and the desk's receipt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.display import escape_line
from acsg_desktop.core.errors import AcsgError, os_reason
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.desk import HELD, IntakeResult, ReceivedPackage
from acsg_desktop.core.records.list_rows import PageOrder, ReceivedListRow
from acsg_desktop.gui.desk.intake_results import IntakeResultsDialog
from acsg_desktop.gui.desk.labels import desk_actor, state_label
from acsg_desktop.gui.desk.package_table_model import (
    COL_AUTHORITY,
    COL_RECEIVED,
    COL_SIGNER,
    ReceivedPackageTableModel,
    sort_labels,
)
from acsg_desktop.gui.desk.receipt_dialog import ReceiptDialog
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.fitted_columns import FittedColumns
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.workers import run_in_background

BUTTONS = ("files", "folder", "accept", "reject", "receipt")


class _ProgressRelay(QObject):
    """Carries the intake's progress from the worker thread to the GUI thread."""

    moved = Signal(int, int, str)


class ReceivedPackagesPage(Retranslatable, QWidget):
    packages_changed = Signal()

    def __init__(self, desk: DeskWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.title = make_page_title(self)
        self.buttons = {name: QPushButton(self) for name in BUTTONS}
        self.buttons["files"].clicked.connect(self.receive_files)
        self.buttons["folder"].clicked.connect(self.receive_folder)
        self.buttons["accept"].clicked.connect(lambda: self.decide(accept=True))
        self.buttons["reject"].clicked.connect(lambda: self.decide(accept=False))
        self.buttons["receipt"].clicked.connect(self.write_receipt)
        self.model = ReceivedPackageTableModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        # the authority and the signer share the room the others leave (elided, whole in their
        # tooltips), so the columns never push the table sideways, even at a larger text size
        self.columns = FittedColumns(self.table, stretched=(COL_AUTHORITY, COL_SIGNER))
        header = self.table.horizontalHeader()
        header.setSortIndicator(COL_RECEIVED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)  # in SQL; refresh() reads the first page
        self.model.set_query(self._page)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.message = MessageLabel(self)  # announced to screen readers
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.progress: QProgressDialog | None = None
        self.results_dialog: IntakeResultsDialog | None = None
        self.progress_relay = _ProgressRelay(self)
        self.progress_relay.moved.connect(self._progressed)
        self._lay_out()
        self.retranslate_ui()
        self.refresh()

    def _lay_out(self) -> None:
        intake_row, decision_row = QHBoxLayout(), QHBoxLayout()
        for name in ("files", "folder"):
            intake_row.addWidget(self.buttons[name])
        intake_row.addStretch(1)
        for name in ("accept", "reject", "receipt"):
            decision_row.addWidget(self.buttons[name])
        decision_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(intake_row)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(decision_row)

    def _page(self, offset: int, limit: int, order: PageOrder) -> list[ReceivedListRow]:
        return self._desk.packages.page(offset, limit, order, sort_labels(order.key))

    def refresh(self) -> None:
        """The first page again (newest first unless a header says otherwise), keeping the
        chosen package when it is on it."""
        chosen = self.selected()
        self.model.reload()
        row = self.model.row_of(chosen.package_id) if chosen else None
        if row is not None:
            self.table.selectRow(row)
        self._selection_changed()

    def selected(self) -> ReceivedListRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_package(self) -> ReceivedPackage | None:
        """The chosen package in full (its data: the list's line holds only what it shows)."""
        chosen = self.selected()
        return self._desk.packages.get(chosen.package_id) if chosen else None

    def _selection_changed(self, *_args: QItemSelection) -> None:
        package = self.selected_package()  # in full: the detail names who decided
        held = package is not None and package.state in HELD
        self.buttons["accept"].setEnabled(held)
        self.buttons["reject"].setEnabled(held)
        self.buttons["receipt"].setEnabled(package is not None)
        self.details.setText(self._details_text(package))

    @staticmethod
    def _details_text(package: ReceivedPackage | None) -> str:
        if package is None:
            return _("Choose a package to see why it is held, to decide on it or to answer it.")
        lines = [
            _("Package {id}: {state}.").format(
                id=package.package_id, state=state_label(package.state)
            ),
            _("Signer's fingerprint: {fingerprint}").format(fingerprint=package.signer_fingerprint),
        ]
        if package.reason:
            lines.append(escape_line(package.reason))
        if package.decided_by:
            lines.append(_("Decided by {name}.").format(name=escape_line(package.decided_by)))
        return "\n".join(lines)

    # --- Intake -------------------------------------------------------------------------

    def receive_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            _("Receive packages"),
            "",
            _("ACSG packages (*.acsgpkg)") + ";;" + _("All files (*)"),
        )
        if names:
            self.receive([Path(name) for name in names])

    def receive_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, _("Receive every package in a folder"))
        if name:
            self.receive([Path(name)])

    def receive(self, paths: list[Path]) -> None:
        """Verify and receive ``paths`` in the background, with a progress dialog."""
        intake, actor, relay = self._desk.intake, desk_actor(self._desk), self.progress_relay
        self.results_dialog = None
        self.progress = QProgressDialog(_("Looking for packages…"), "", 0, 0, self)
        self.progress.setWindowTitle(_("Receiving packages"))
        self.progress.setCancelButton(None)  # the core's intake cannot be stopped midway
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()
        self._busy(True)
        run_in_background(
            lambda: intake.intake(paths, actor=actor, progress=relay.moved.emit),
            self._received,
            self._failed,
        )

    def _progressed(self, number: int, total: int, name: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(number - 1)
            self.progress.setLabelText(
                _("Checking {name} ({number} of {total})…").format(
                    name=escape_line(name), number=number, total=total
                )
            )

    def _finished(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self._busy(False)

    def _received(self, results: list[IntakeResult]) -> None:
        self._finished()
        self.refresh()
        self.packages_changed.emit()
        self.results_dialog = IntakeResultsDialog(results, self)
        show_text(self.message, self.results_dialog.summary.text())
        self.results_dialog.open()

    def _failed(self, error: AcsgError) -> None:
        self._finished()
        self.refresh()
        show_text(self.message, _("Intake stopped: {reason}").format(reason=error.message))

    def _busy(self, busy: bool) -> None:
        for name in ("files", "folder"):
            self.buttons[name].setEnabled(not busy)
        self.table.setEnabled(not busy)
        if busy:
            for name in ("accept", "reject", "receipt"):
                self.buttons[name].setEnabled(False)
        else:
            self._selection_changed()

    # --- Decisions and receipts ---------------------------------------------------------

    def decide(self, accept: bool) -> None:
        """Accept or reject the chosen held package, with the reason asked for."""
        package = self.selected()
        if package is None or package.state not in HELD:
            return
        title = _("Accept the held package") if accept else _("Reject the held package")
        reason, given = QInputDialog.getText(
            self, title, _("Why? (kept in the desk's audit trail)")
        )
        if not given:
            return
        try:
            decided = self._desk.packages.decide(
                package.package_id, accept, reason, actor=desk_actor(self._desk)
            )
        except AcsgError as error:
            show_text(self.message, _("Not decided: {reason}").format(reason=error.message))
            return
        show_text(
            self.message,
            _("Package {id}: {state}.").format(
                id=decided.package_id, state=state_label(decided.state)
            ),
        )
        self.refresh()
        self.packages_changed.emit()

    def write_receipt(self) -> None:
        package = self.selected_package()
        if package is None:
            return
        dialog = ReceiptDialog(package, self)
        if dialog.exec() != ReceiptDialog.DialogCode.Accepted:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the receipt"),
            _("receipt-{country}-{sequence}.acsgreceipt").format(
                country=package.country, sequence=package.sequence
            ),
            _("ACSG receipts (*.acsgreceipt)"),
        )
        if not name:
            return
        try:
            self._desk.packages.write_receipt(
                package.package_id,
                dialog.replies(),
                dialog.passphrase_bytes(),
                Path(name),
                actor=desk_actor(self._desk),
            )
        except (AcsgError, OSError) as error:
            reason = error.message if isinstance(error, AcsgError) else os_reason(error)
            show_text(self.message, _("No receipt written: {reason}").format(reason=reason))
            return
        show_text(self.message, _("Receipt written to {path}").format(path=name))
        self.refresh()
        self.packages_changed.emit()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Received packages"))
        texts = {
            "files": _("Receive &packages…"),
            "folder": _("Receive a f&older…"),
            "accept": _("&Accept…"),
            "reject": _("Re&ject…"),
            "receipt": _("Write a &receipt…"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.table.setAccessibleName(_("Received packages"))
        self.model.retranslate()
        self.columns.refit()
        self._selection_changed()
