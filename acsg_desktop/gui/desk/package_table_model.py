"""The packages the desk received, as a Qt table model: one row per package, newest first,
fetched a page at a time and sorted in SQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from acsg_desktop.core.i18n import N_, countries, format_datetime
from acsg_desktop.core.records.desk import HELD, PackageState
from acsg_desktop.core.records.list_rows import ReceivedListRow
from acsg_desktop.gui.desk.labels import country_label, state_label, yes_no
from acsg_desktop.gui.widgets.high_contrast import colour_for_mode
from acsg_desktop.gui.widgets.paged_model import PagedTableModel
from acsg_desktop.gui.widgets.table_model import ROW_ROLE

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


class ReceivedPackageTableModel(PagedTableModel[ReceivedListRow]):
    headers = HEADERS
    styled_roles = frozenset({Qt.ItemDataRole.ForegroundRole})
    sort_keys: ClassVar[dict[int, str]] = {
        COL_COUNTRY: "country",
        COL_AUTHORITY: "authority",
        COL_SEQUENCE: "sequence",
        COL_RECEIVED: "received",
        COL_STATE: "state",
        COL_CERTIFIED: "certified",
        COL_SIGNER: "signer",
    }

    def display(self, package: ReceivedListRow, column: int) -> str:
        values: dict[int, Callable[[], str]] = {
            COL_COUNTRY: lambda: country_label(package.country),
            COL_AUTHORITY: lambda: package.authority,
            COL_SEQUENCE: lambda: str(package.sequence),
            COL_RECEIVED: lambda: format_datetime(package.received_at, "short"),
            COL_STATE: lambda: state_label(package.state),
            COL_CERTIFIED: lambda: yes_no(package.certified),
            COL_SIGNER: lambda: package.signer,
        }
        return values[column]()

    def extra(self, package: ReceivedListRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_STATE and package.reason:
                return package.reason
            if column == COL_SIGNER:  # the whole name (a narrow column elides it), then the key
                return f"{package.signer}\n{package.signer_fingerprint}"
            return None  # the cell's whole text
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATE:
            if package.state in HELD:
                return colour_for_mode(HELD_COLOUR)
            if package.state is PackageState.REJECTED:
                return colour_for_mode(REJECTED_COLOUR)
        return None

    def row_of(self, package_id: str) -> int | None:
        """The row of ``package_id`` among the packages read so far."""
        return self.find_row(lambda package: package.package_id == package_id)


def sort_labels(key: str) -> dict[str, str]:
    """The words the country or state column sorts by, in the current language (code -> word)."""
    if key == "country":
        return {code: country_label(code) for code, _name in countries()}
    if key == "state":
        return {state.value: state_label(state) for state in PackageState}
    return {}
