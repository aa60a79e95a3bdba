"""Importing the Secretariat's receipt for one of our packages: the outbox and the requests'
match stages change in one transaction, every change audited; a receipt that is not for us,
not from a trusted key, or older than one already imported changes nothing."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acsg_desktop.core.i18n import _, format_datetime
from acsg_desktop.core.receipts.refusal import ReceiptError
from acsg_desktop.core.records.receipts import Receipt, Verification
from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.store.assessment_repository import utc_now
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.package_repository import PackageRepository
from acsg_desktop.core.store.profile_repository import ProfileRepository
from acsg_desktop.core.store.receipt_repository import ReceiptRecord, ReceiptRepository
from acsg_desktop.core.store.request_repository import RequestRepository
from acsg_desktop.core.updates.clock import note_time

if TYPE_CHECKING:
    from cryptography import x509

OUTBOX_STATUS = {
    Verification.VERIFIED: "acknowledged",
    Verification.HELD: "held",
    Verification.REFUSED: "refused",
}


def _not_ours(receipt: Receipt) -> ReceiptError:
    return ReceiptError(
        "other_authority",
        _(
            "This receipt is for package {id} of {authority} ({country}), which this data "
            "folder did not send; nothing was imported."
        ).format(id=receipt.package_id, authority=receipt.authority, country=receipt.country),
    )


class ReceiptService:
    """The authority's side of receipts."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def imported(self) -> list[ReceiptRecord]:
        with self._database.unit_of_work() as session:
            return ReceiptRepository(session).all()

    def import_receipt(
        self,
        path: Path,
        trusted: list[x509.Certificate],
        *,
        actor: str,
        now: datetime | None = None,
    ) -> Receipt:
        """Verify the receipt at ``path``, then apply it in one transaction.

        Raises:
            ReceiptError: with the reason; nothing changed.
        """
        highest = note_time(self._database, now)
        from acsg_desktop.core.receipts.format import read_receipt  # the signature code

        receipt, _signer = read_receipt(path, trusted, highest)
        with self._database.unit_of_work() as session:
            self._check_ours(session, receipt)
            self._check_newer(ReceiptRepository(session), receipt)
            self._apply(session, receipt, actor)
        return receipt

    @staticmethod
    def _check_ours(session: Any, receipt: Receipt) -> None:
        package = next(
            (p for p in PackageRepository(session).all() if p.package_id == receipt.package_id),
            None,
        )
        profile = ProfileRepository(session).get()
        if package is None or package.sha256 != receipt.package_sha256:
            raise _not_ours(receipt)
        if profile is not None and profile.country_code != receipt.country:
            raise _not_ours(receipt)

    @staticmethod
    def _check_newer(receipts: ReceiptRepository, receipt: Receipt) -> None:
        if receipts.get(receipt.receipt_id) is not None:
            raise ReceiptError("same", _("This receipt was already imported."))
        earlier = receipts.for_package(receipt.package_id)
        if earlier and receipt.issued <= earlier[0].issued:
            raise ReceiptError(
                "older",
                _(
                    "This receipt (issued {issued}) is older than the one already imported "
                    "({latest}); nothing was changed."
                ).format(
                    issued=format_datetime(receipt.issued),
                    latest=format_datetime(earlier[0].issued),
                ),
            )

    @staticmethod
    def _apply(session: Any, receipt: Receipt, actor: str) -> None:
        from acsg_desktop.core.receipts.format import receipt_to_dict

        requests, audit = RequestRepository(session), AuditRepository(session)
        reason = _("receipt {id}").format(id=receipt.receipt_id)
        for reply in receipt.requests:
            request = requests.get(reply.request_id, for_update=True)
            if request is None or request.status is not RequestStatus.EXPORTED:
                raise ReceiptError(
                    "request",
                    _(
                        "The receipt names request {id}, which was not sent to the Secretariat "
                        "from this data folder; nothing was imported."
                    ).format(id=reply.request_id),
                )
            if (request.match_stage, request.match_message) == (reply.stage, reply.message):
                continue
            requests.update(request.id, match_stage=reply.stage.value, match_message=reply.message)
            before = request.match_stage.value if request.match_stage else ""
            audit.append(
                actor, "request", str(request.id), "match_stage", before, reply.stage.value, reason
            )
        status = OUTBOX_STATUS[receipt.verification]
        previous = PackageRepository(session).set_status(receipt.package_id, status)
        audit.append(actor, "package", receipt.package_id, "status", previous, status, reason)
        ReceiptRepository(session).add(
            ReceiptRecord(
                receipt.receipt_id,
                receipt.package_id,
                receipt.issued,
                receipt.verification.value,
                json.dumps(receipt_to_dict(receipt), ensure_ascii=False),
                actor,
                utc_now(),
            )
        )
