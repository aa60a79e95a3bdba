"""The outbox: packages made, and where each one stands (exported, sent, acknowledged)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.guides.reading_modes import LANGUAGES_IN_TEXT
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.core.records.list_rows import PackageListRow, PageOrder
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.package_repository import PackageRecord, PackageRepository

if TYPE_CHECKING:  # the export stack is slow to import; the outbox list does not need it
    from acsg_desktop.core.package.builder import ExportResult

STATUSES = ("exported", "sent", "acknowledged")
STATUS_LABELS = {
    "exported": N_("Ready to send"),
    "sent": N_("Sent"),
    "acknowledged": N_("Acknowledged"),
    # set only by a signed receipt from the Secretariat
    "held": N_("Held by the Secretariat"),
    "refused": N_("Refused by the Secretariat"),
}
REPORTS_FOLDER = "reports"  # in the data folder: copies of reports opened from the outbox


def language_in_text(code: str) -> str:
    """A report's language as a word for a sentence ("French", « français »); "" if unknown."""
    return _(LANGUAGES_IN_TEXT[code]) if code in LANGUAGES_IN_TEXT else ""


def export_message(result: ExportResult) -> str:
    """What an export did, in words: a new package, one repeating an earlier one in another
    language, or the same content already exported (nothing made)."""
    record = result.record
    values = {
        "sequence": record.sequence,
        "path": record.file_path,
        "language": language_in_text(record.language),
    }
    if result.reused and values["language"]:
        text = _(
            "This content was already exported in {language} as package {sequence} ({path}); "
            "no new package was made."
        )
    elif result.reused:
        text = _(
            "This content was already exported as package {sequence} ({path}); no new package "
            "was made."
        )
    elif result.repeats is not None:
        values["previous"] = result.repeats.sequence
        text = _(
            "Package {sequence} written to {path}: the content of package {previous}, with its "
            "report in {language}."
        )
    else:
        text = _("Package {sequence} written to {path}.")
    return text.format(**values)


class Outbox:
    """Packages of one data folder."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def packages(self) -> list[PackageRecord]:
        with self._database.unit_of_work() as session:
            return PackageRepository(session).all()

    def page(self, offset: int, limit: int, order: PageOrder) -> list[PackageListRow]:
        """One page of the outbox list, sorted in SQL (newest first by default)."""
        with self._database.unit_of_work() as session:
            return PackageRepository(session).page(offset, limit, order)

    def mark(self, package_id: str, status: str, *, actor: str) -> None:
        """Record that a package was sent, or acknowledged by the Secretariat."""
        if status not in STATUSES:
            raise AcsgError(_("Unknown package status {status}.").format(status=status))
        with self._database.unit_of_work() as session:
            previous = PackageRepository(session).set_status(package_id, status)
            AuditRepository(session).append(
                actor, "package", package_id, "status", previous, status
            )


def report_copy(package: Path, sequence: int, folder: Path) -> Path:
    """The report of the package file ``package``, copied into ``folder`` so a PDF reader can
    open it; read the way ``acsg verify`` reads a package (caps, never extracted).

    Raises:
        AcsgError: the file is missing, unreadable or holds no report.
    """
    from acsg_desktop.core.envelope.reader import read_envelope
    from acsg_desktop.core.errors import os_reason
    from acsg_desktop.core.fileio import write_bytes_atomically
    from acsg_desktop.core.package import layout

    entries = read_envelope(package, layout.CAPS, layout.allowed_name)
    if layout.REPORT not in entries:
        raise AcsgError(_("{path} holds no report.").format(path=package))
    out = folder / f"package-{sequence}-report.pdf"
    try:
        write_bytes_atomically(out, entries[layout.REPORT])
    except OSError as error:
        raise AcsgError(
            _("The report could not be written to {path}: {reason}").format(
                path=out, reason=os_reason(error)
            )
        ) from error
    return out
