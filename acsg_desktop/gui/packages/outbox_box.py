"""The packages made (the outbox): a paged list, and what can be done with the selected one
(open its report or folder, mark it as sent, encrypt a copy), a receipt or any package file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.package.outbox import STATUS_LABELS, Outbox
from acsg_desktop.core.records.list_rows import PackageListRow
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.packages import outbox_actions
from acsg_desktop.gui.packages.controls import allow
from acsg_desktop.gui.packages.package_table_model import (
    COL_ASSESSMENT,
    COL_FILE,
    COL_SIGNER,
    PackageTableModel,
)
from acsg_desktop.gui.packages.status_banner import Outcome
from acsg_desktop.gui.packages.verify_words import verification_words
from acsg_desktop.gui.widgets.flow_layout import flow_row
from acsg_desktop.gui.widgets.paged_model import keep_indicator_on_sortable
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.workers import run_in_background

ON_SELECTED = ("pdf", "folder", "sent", "encrypt")
ANY_FILE = ("receipt", "verify")


class OutboxBox(Retranslatable, QGroupBox):
    """The outbox; what its actions did comes out as ``said`` (an Outcome and its words)."""

    said = Signal(object, object)  # Outcome, str or a function giving it in today's language
    working = Signal(bool)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.outbox = Outbox(workspace.database)
        self.model = PackageTableModel()
        self.model.set_query(self.outbox.page)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (COL_ASSESSMENT, COL_SIGNER, COL_FILE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        keep_indicator_on_sortable(header, self.model)
        self.table.setSortingEnabled(True)  # reads the first batch, newest first
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        self.model.modelReset.connect(self.update_buttons)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.buttons = {name: QPushButton(self) for name in ON_SELECTED + ANY_FILE}
        actions: dict[str, Callable[[], None]] = {
            "pdf": lambda: self._on_selected(self._open_report),
            "folder": lambda: self._on_selected(
                lambda row: outbox_actions.open_folder(Path(row.file_path))
            ),
            "sent": lambda: self._on_selected(self._mark_sent),
            "encrypt": lambda: self._on_selected(
                lambda row: outbox_actions.encrypt_copy(Path(row.file_path), self)
            ),
            "receipt": lambda: self._act(
                lambda: outbox_actions.import_receipt(self._workspace, self)
            ),
            "verify": self.verify,
        }
        for name, action in actions.items():
            self.buttons[name].clicked.connect(action)
        self._lay_out()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        row = QHBoxLayout()  # each group wraps at a larger text size
        row.addLayout(flow_row([self.buttons[name] for name in ON_SELECTED]), 1)
        row.addLayout(flow_row([self.buttons[name] for name in ANY_FILE]))
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def reload(self, select: str = "") -> None:
        """Read the list again; select the package ``select`` (by id) when it is listed."""
        self.model.reload()
        found = self.model.row_of(select) if select else None
        if found is not None:
            self.table.selectRow(found)
        self.empty.setVisible(self.model.rowCount() == 0)
        self.update_buttons()

    def selected(self) -> PackageListRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def update_buttons(self) -> None:
        row = self.selected()
        if self.model.rowCount() == 0:
            none = _("No package has been made yet.")
        else:
            none = "" if row is not None else _("Choose a package in the list first.")
        allow(self.buttons["pdf"], none, _("Open the report of the selected package."))
        allow(self.buttons["folder"], none, _("Open the folder that holds the package file."))
        allow(self.buttons["encrypt"], none, _("Write a copy only the Secretariat can open."))
        if not none and row is not None and row.status != "exported":
            none = _(
                "Only a package ready to send can be marked as sent; package {sequence} is: "
                "{status}."
            ).format(sequence=row.sequence, status=_(STATUS_LABELS.get(row.status, row.status)))
        allow(self.buttons["sent"], none, _("Record that you sent it to the Secretariat."))

    def set_working(self, working: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not working)
        if not working:
            self.update_buttons()

    def _on_selected(self, action: Callable[[PackageListRow], str | None]) -> None:
        row = self.selected()
        if row is not None:
            self._act(lambda: action(row))

    def _act(self, action: Callable[[], str | None]) -> None:
        """Run a quick action; its message, or the reason it was refused, is said."""
        try:
            words = action()
        except AcsgError as error:
            self.said.emit(Outcome.FAILURE, error.message)
            return
        if words:
            self.said.emit(Outcome.SUCCESS, words)
            selected = self.selected()
            self.reload(selected.package_id if selected else "")

    def _open_report(self, row: PackageListRow) -> str:
        return outbox_actions.open_report(
            Path(row.file_path), row.sequence, self._workspace.data_dir
        )

    def _mark_sent(self, row: PackageListRow) -> str:
        self.outbox.mark(row.package_id, "sent", actor=self._workspace.current_user)
        return _("Package {sequence} is marked as sent.").format(sequence=row.sequence)

    def verify(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Verify a package"), "", _("ACSG packages (*.acsgpkg)")
        )
        if not name:
            return
        from acsg_desktop.core.package.verify import verify_package

        self.working.emit(True)
        run_in_background(lambda: verify_package(Path(name)), self._verified, self._refused)

    def _verified(self, check: Any) -> None:
        self.working.emit(False)
        self.said.emit(*verification_words(check))

    def _refused(self, error: AcsgError) -> None:
        self.working.emit(False)
        self.said.emit(Outcome.FAILURE, error.message)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Packages made"))
        texts = {
            "pdf": _("Open the &PDF"),
            "folder": _("&Open the folder"),
            "sent": _("Mark as &sent"),
            "encrypt": _("Encrypt a cop&y for e-mail…"),
            "receipt": _("Import a &receipt…"),
            "verify": _("&Verify a package file…"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.empty.setText(
            _("No package has been made yet. Export one above; it is listed here with its status.")
        )
        self.table.setAccessibleName(_("Packages made"))
        self.model.retranslate()
        self.update_buttons()
