"""The overview's last package: where it stands, and whether the Secretariat's receipt for it
was imported."""

from pathlib import Path

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.overview.facts import gather, last_package
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.package.outbox import Outbox
from acsg_desktop.core.workspace import Workspace
from tests.core.receipts.test_receipts import PASSPHRASE, SECRETARIAT, SIGNATORY, receipt_for, write


def test_the_last_package_is_sent_then_acknowledged_by_its_receipt(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        demo = create_demo(workspace, "en")
        assert last_package(workspace) is None
        IdentityStore(workspace.data_dir).create(SIGNATORY, workspace.profiles.get(), PASSPHRASE)
        package = tmp_path / "first.acsgpkg"
        workspace.exports.export(demo.baseline.id, SIGNATORY, PASSPHRASE, package, "en")
        made = last_package(workspace)
        assert made is not None and (made.sequence, made.status) == (1, "exported")
        assert made.receipt_issued is None
        Outbox(workspace.database).mark(made.package_id, "sent", actor=SIGNATORY)
        facts = gather(workspace)
        assert facts.last_package is not None and facts.last_package.status == "sent"
        receipt = receipt_for(package)
        workspace.receipts.import_receipt(
            write(tmp_path, receipt), [SECRETARIAT.certificate], actor=SIGNATORY
        )
        acknowledged = last_package(workspace)
        assert acknowledged is not None and acknowledged.status == "acknowledged"
        assert acknowledged.receipt_verification == "verified"
        assert acknowledged.receipt_issued == receipt.issued
