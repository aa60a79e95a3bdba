"""The desk's packages: the list, a person's decision on a held one, and receipts."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from acsg_desktop.core.desk.overview import Overview, build_overview
from acsg_desktop.core.desk.trust import DeskTrust
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.fileio import write_bytes_atomically
from acsg_desktop.core.i18n import _
from acsg_desktop.core.receipts.format import receipt_bytes
from acsg_desktop.core.records.desk import HELD, PackageState, ReceivedPackage
from acsg_desktop.core.records.list_rows import PageOrder, ReceivedListRow
from acsg_desktop.core.records.receipts import Receipt, RequestReply, Verification
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.desk_repository import DeskRepository
from acsg_desktop.core.store.offer_repository import OfferRepository

VERIFICATION = {
    PackageState.ACCEPTED: Verification.VERIFIED,
    PackageState.REJECTED: Verification.REFUSED,
}


class DeskError(AcsgError):
    """A desk action was refused; nothing changed."""


class DeskService:
    def __init__(self, database: Database, trust: DeskTrust) -> None:
        self._database, self._trust = database, trust

    def packages(self) -> list[ReceivedPackage]:
        with self._database.unit_of_work() as session:
            return DeskRepository(session).packages()

    def page(
        self, offset: int, limit: int, order: PageOrder, labels: Mapping[str, str] | None = None
    ) -> list[ReceivedListRow]:
        """One page of the received packages (newest first unless ``order`` says otherwise;
        ``labels``: the words a country or state column sorts by, code -> word)."""
        with self._database.unit_of_work() as session:
            return DeskRepository(session).page(offset, limit, order, labels or {})

    def count(self) -> int:
        with self._database.unit_of_work() as session:
            return DeskRepository(session).count()

    def get(self, package_id: str) -> ReceivedPackage:
        with self._database.unit_of_work() as session:
            package = DeskRepository(session).get(package_id)
        if package is None:
            raise DeskError(_("The desk has no package {id}.").format(id=package_id))
        return package

    def decide(self, package_id: str, accept: bool, reason: str, *, actor: str) -> ReceivedPackage:
        """A person's decision on a held package: accepted into the record, or rejected."""
        if not reason.strip():
            raise DeskError(_("Say why you decide so."))
        target = PackageState.ACCEPTED if accept else PackageState.REJECTED
        with self._database.unit_of_work() as session:
            desk = DeskRepository(session)
            package = desk.get(package_id)
            if package is None:
                raise DeskError(_("The desk has no package {id}.").format(id=package_id))
            if package.state not in HELD:
                raise DeskError(_("Only a held package waits for a decision."))
            before = desk.decide(package_id, target, actor, reason.strip())
            AuditRepository(session).append(
                actor, "desk_package", package_id, "decide", before, target.value, reason.strip()
            )
        return self.get(package_id)

    def write_receipt(
        self,
        package_id: str,
        replies: dict[int, RequestReply],
        passphrase: bytes,
        out: Path,
        *,
        actor: str,
    ) -> Receipt:
        """Sign a receipt for one received package, naming only requests it holds."""
        package = self.get(package_id)
        sent = {request["id"] for request in json.loads(package.document)["requests"]}
        unknown = sorted(set(replies) - sent)
        if unknown:
            raise DeskError(
                _("Package {id} holds no request {request}.").format(
                    id=package_id, request=", ".join(str(number) for number in unknown)
                )
            )
        receipt = Receipt(
            receipt_id=str(uuid.uuid4()),
            issued=datetime.now(UTC),
            package_id=package.package_id,
            package_sha256=package.sha256,
            sequence=package.sequence,
            received_at=package.received_at.replace(tzinfo=UTC),
            country=package.country,
            authority=package.authority,
            signer_fingerprint=package.signer_fingerprint,
            verification=VERIFICATION.get(package.state, Verification.HELD),
            verification_message=package.reason,
            requests=tuple(replies[number] for number in sorted(replies)),
        )
        identity = self._trust.unlock(passphrase)
        write_bytes_atomically(out, receipt_bytes(receipt, identity))
        stages = {
            **json.loads(package.replies),
            **{str(n): r.stage.value for n, r in replies.items()},
        }
        with self._database.unit_of_work() as session:
            DeskRepository(session).set_replies(package_id, json.dumps(stages))
            AuditRepository(session).append(
                actor, "desk_package", package_id, "receipt", new_value=receipt.receipt_id
            )
        return receipt

    def overview(self) -> Overview:
        """The dashboard's numbers, over every package and the desk's offers catalogue."""
        with self._database.unit_of_work() as session:
            packages = DeskRepository(session).packages()
            offers = OfferRepository(session).offers()
            illustrative = OfferRepository(session).illustrative()
        stages = {
            p.package_id: {int(k): v for k, v in json.loads(p.replies).items()} for p in packages
        }
        overview = build_overview(packages, offers, stages)
        overview.offers_illustrative = illustrative
        return overview
