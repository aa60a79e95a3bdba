"""The packages the desk received, as a Qt table model: one row per package, newest first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from acsg_desktop.core.display import escape_line
from acsg_desktop.core.i18n import N_, format_datetime
from acsg_desktop.core.records.desk import HELD, PackageState, ReceivedPackage
from acsg_desktop.gui.desk.labels import country_label, state_label, yes_no
from acsg_desktop.gui.widgets.table_model import ROW_ROLE, RowTableModel

COL_COUNTRY, COL_AUTHORITY, COL_SEQUENCE, COL_RECEIVED, COL_STATE, COL_CERTIFIED, COL_SIGNER = (
    range(7)
)
HEADERS = (
    N_("Country"),
    N_("Authority"),
    N_("No."),
    N_("Received"),
    N_("State"),
    N_("Certified"),
    N_("Signer"),
)
PACKAGE_ROLE = ROW_ROLE
HELD_COLOUR = QColor("#8a5a00")
REJECTED_COLOUR = QColor("#a11d1d")


class ReceivedPackageTableModel(RowTableModel[ReceivedPackage]):
    headers = HEADERS

    def display(self, package: ReceivedPackage, column: int) -> str:
        values: dict[int, Callable[[], str]] = {
            COL_COUNTRY: lambda: country_label(package.country),
            COL_AUTHORITY: lambda: escape_line(package.authority),
            COL_SEQUENCE: lambda: str(package.sequence),
            COL_RECEIVED: lambda: format_datetime(package.received_at, "short"),
            COL_STATE: lambda: state_label(package.state),
            COL_CERTIFIED: lambda: yes_no(package.certified),
            COL_SIGNER: lambda: package.signer,
        }
        return values[column]()

    def extra(self, package: ReceivedPackage, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_STATE and package.reason:
                return package.reason
            if column == COL_SIGNER:
                return package.signer_fingerprint
            return self.display(package, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATE:
            if package.state in HELD:
                return HELD_COLOUR
            if package.state is PackageState.REJECTED:
                return REJECTED_COLOUR
        return None

    def row_of(self, package_id: str) -> int | None:
        for number in range(self.rowCount()):
            if self.row_at(number).package_id == package_id:
                return number
        return None
