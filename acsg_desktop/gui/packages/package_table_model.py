"""The outbox as a Qt table model, fetched a page at a time and sorted in SQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt

from acsg_desktop.core.assessment.labels import assessment_name
from acsg_desktop.core.i18n import N_, _, format_datetime
from acsg_desktop.core.package.outbox import STATUS_LABELS, language_in_text
from acsg_desktop.core.records.list_rows import PackageListRow
from acsg_desktop.gui.widgets.paged_model import PagedTableModel

COL_SEQUENCE, COL_ASSESSMENT, COL_LANGUAGE, COL_MADE, COL_STATUS, COL_SIGNER, COL_FILE = range(7)
HEADERS = (
    N_("No."),
    N_("Assessment"),
    N_("Report in"),
    N_("Made"),
    N_("Status"),
    N_("Signed by"),
    N_("File"),
)
UNKNOWN = "–"  # a package made before its language was recorded


def assessment_text(row: PackageListRow) -> str:
    if not row.assessment_title:
        return UNKNOWN
    return assessment_name(row.assessment_title, row.assessment_year)


class PackageTableModel(PagedTableModel[PackageListRow]):
    """One row per package, newest first until a header is clicked; the file column shows the
    file's name, its tooltip the whole path (and the signer's, the key's fingerprint)."""

    headers = HEADERS
    sort_keys: ClassVar[dict[int, str]] = {
        COL_SEQUENCE: "sequence",
        COL_ASSESSMENT: "assessment",
        COL_LANGUAGE: "language",
        COL_MADE: "created",
        COL_STATUS: "status",
        COL_SIGNER: "signer",
        COL_FILE: "file",
    }

    def display(self, row: PackageListRow, column: int) -> str:
        values = {
            COL_SEQUENCE: str(row.sequence),
            COL_ASSESSMENT: assessment_text(row),
            COL_LANGUAGE: language_in_text(row.language) or UNKNOWN,
            COL_MADE: format_datetime(row.created_at, "short"),
            COL_STATUS: _(STATUS_LABELS.get(row.status, row.status)),
            COL_SIGNER: row.signer,
            COL_FILE: Path(row.file_path).name,
        }
        return values[column]

    def extra(self, row: PackageListRow, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.ToolTipRole:
            return None
        if column == COL_FILE:
            return row.file_path
        if column == COL_SIGNER:
            return _("Key fingerprint: {value}").format(value=row.fingerprint)
        if column == COL_ASSESSMENT:
            return assessment_text(row)
        return None

    def row_of(self, package_id: str) -> int | None:
        """Where the package ``package_id`` is among the rows fetched so far."""
        return self.find_row(lambda row: row.package_id == package_id)
