"""The outbox: packages made, and where each one stands (exported, sent, acknowledged)."""

from __future__ import annotations

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.package_repository import PackageRecord, PackageRepository

STATUSES = ("exported", "sent", "acknowledged")
STATUS_LABELS = {
    "exported": N_("Ready to send"),
    "sent": N_("Sent"),
    "acknowledged": N_("Acknowledged"),
    # set only by a signed receipt from the Secretariat
    "held": N_("Held by the Secretariat"),
    "refused": N_("Refused by the Secretariat"),
}


class Outbox:
    """Packages of one data folder."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def packages(self) -> list[PackageRecord]:
        with self._database.unit_of_work() as session:
            return PackageRepository(session).all()

    def mark(self, package_id: str, status: str, *, actor: str) -> None:
        """Record that a package was sent, or acknowledged by the Secretariat."""
        if status not in STATUSES:
            raise AcsgError(_("Unknown package status {status}.").format(status=status))
        with self._database.unit_of_work() as session:
            previous = PackageRepository(session).set_status(package_id, status)
            AuditRepository(session).append(
                actor, "package", package_id, "status", previous, status
            )
