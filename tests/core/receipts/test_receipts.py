"""Receipts from the Secretariat, imported by the authority that sent the package: the outbox
and the requests' match stages change together, audited; every refusal changes nothing."""

import hashlib
import json
import shutil
import uuid
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.package.outbox import Outbox
from acsg_desktop.core.receipts.format import ReceiptError, receipt_bytes
from acsg_desktop.core.records.receipts import Receipt, RequestReply, Verification
from acsg_desktop.core.records.requests import MatchStage, RequestStatus
from acsg_desktop.core.signing.keys import create_identity
from acsg_desktop.core.workspace import Workspace

SECRETARIAT = create_identity("Desk officer", "ACSG Secretariat (test only)", "CH")
STRANGER = create_identity("Mallory", "Not the Secretariat", "FR")
SIGNATORY = "Fatimé Zakaria"
PASSPHRASE = b"a long enough passphrase"
NOW = datetime.now(UTC)


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A demo data folder that exported one package, and that package."""
    folder = tmp_path_factory.mktemp("receipts")
    data, package = folder / "data", folder / "first.acsgpkg"
    with Workspace.open(data) as workspace:
        demo = create_demo(workspace, "en")
        IdentityStore(data).create(SIGNATORY, workspace.profiles.get(), PASSPHRASE)
        workspace.exports.export(demo.baseline.id, SIGNATORY, PASSPHRASE, package, "en")
    return data, package


@pytest.fixture
def workspace(sent, tmp_path: Path):
    data, _package = sent
    copy = Path(shutil.copytree(data, tmp_path / "data"))
    with Workspace.open(copy) as opened:
        yield opened


def receipt_for(package: Path, **changes) -> Receipt:
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        document = json.loads(archive.read("package.json"))
    replies = tuple(
        RequestReply(request["id"], MatchStage.UNDER_DISCUSSION, "We are asking two partners.")
        for request in document["requests"]
    )
    receipt = Receipt(
        receipt_id=str(uuid.uuid4()),
        issued=NOW,
        package_id=manifest["package_id"],
        package_sha256=hashlib.sha256(package.read_bytes()).hexdigest(),
        sequence=manifest["sequence"],
        received_at=NOW - timedelta(hours=2),
        country=document["authority"]["country"],
        authority=document["authority"]["name"],
        signer_fingerprint=manifest["signer"]["fingerprint"],
        verification=Verification.VERIFIED,
        verification_message="",
        requests=replies,
    )
    return replace(receipt, **changes)


def write(tmp_path: Path, receipt: Receipt, identity=SECRETARIAT) -> Path:
    path = tmp_path / f"{receipt.receipt_id}.acsgreceipt"
    path.write_bytes(receipt_bytes(receipt, identity))
    return path


def state(workspace: Workspace) -> tuple:
    packages = [(p.package_id, p.status) for p in Outbox(workspace.database).packages()]
    requests = [(r.id, r.match_stage, r.match_message) for r in workspace.requests.list()]
    return packages, requests, len(workspace.receipts.imported())


def refused(workspace: Workspace, path: Path) -> ReceiptError:
    before = state(workspace)
    with pytest.raises(ReceiptError) as caught:
        workspace.receipts.import_receipt(path, [SECRETARIAT.certificate], actor=SIGNATORY)
    assert state(workspace) == before
    return caught.value


def test_a_receipt_acknowledges_the_package_and_sets_each_stage(workspace, sent, tmp_path) -> None:
    _data, package = sent
    receipt = receipt_for(package)
    assert receipt.requests  # the demo's approved request went out in the package
    workspace.receipts.import_receipt(
        write(tmp_path, receipt), [SECRETARIAT.certificate], actor=SIGNATORY
    )
    [record] = Outbox(workspace.database).packages()
    assert record.status == "acknowledged"
    for reply in receipt.requests:
        request = workspace.requests.get(reply.request_id)
        assert request.status is RequestStatus.EXPORTED
        assert (request.match_stage, request.match_message) == (reply.stage, reply.message)
        last = workspace.requests.history(reply.request_id)[-1]
        assert (last.action, last.new_value) == ("match_stage", "under_discussion")
        assert receipt.receipt_id in last.reason
    assert workspace.audit_check().ok


def test_a_later_receipt_moves_the_stage_on_an_older_or_the_same_one_is_refused(
    workspace, sent, tmp_path
) -> None:
    _data, package = sent
    first = receipt_for(package)
    trusted = [SECRETARIAT.certificate]
    workspace.receipts.import_receipt(write(tmp_path, first), trusted, actor=SIGNATORY)
    assert refused(workspace, write(tmp_path, first)).reason == "same"
    older = receipt_for(package, issued=NOW - timedelta(days=1))
    assert refused(workspace, write(tmp_path, older)).reason == "older"
    agreed = tuple(replace(r, stage=MatchStage.AGREED) for r in first.requests)
    later = receipt_for(package, issued=NOW + timedelta(days=3), requests=agreed)
    workspace.receipts.import_receipt(write(tmp_path, later), trusted, actor=SIGNATORY)
    stages = {workspace.requests.get(r.request_id).match_stage for r in later.requests}
    assert stages == {MatchStage.AGREED}


def test_a_receipt_from_an_untrusted_key_is_refused(workspace, sent, tmp_path) -> None:
    _data, package = sent
    error = refused(workspace, write(tmp_path, receipt_for(package), STRANGER))
    assert error.reason in {"untrusted", "signer"}


def test_a_receipt_for_another_authority_or_another_package_is_refused(
    workspace, sent, tmp_path
) -> None:
    _data, package = sent
    other_country = receipt_for(package, country="NE")
    assert refused(workspace, write(tmp_path, other_country)).reason == "other_authority"
    other_hash = receipt_for(package, package_sha256="0" * 64)
    assert refused(workspace, write(tmp_path, other_hash)).reason == "other_authority"
    other_package = receipt_for(package, package_id=str(uuid.uuid4()))
    error = refused(workspace, write(tmp_path, other_package))
    assert error.reason == "other_authority" and other_package.package_id in error.message


def test_a_receipt_naming_a_request_we_did_not_send_is_refused(workspace, sent, tmp_path) -> None:
    _data, package = sent
    draft = next(r for r in workspace.requests.list() if r.status is RequestStatus.DRAFT)
    bad = receipt_for(package, requests=(RequestReply(draft.id, MatchStage.AGREED, ""),))
    error = refused(workspace, write(tmp_path, bad))
    assert error.reason == "request" and str(draft.id) in error.message


def test_a_held_package_is_marked_held(workspace, sent, tmp_path) -> None:
    _data, package = sent
    held = receipt_for(
        package, verification=Verification.HELD, verification_message="Sequence gap.", requests=()
    )
    workspace.receipts.import_receipt(
        write(tmp_path, held), [SECRETARIAT.certificate], actor=SIGNATORY
    )
    assert Outbox(workspace.database).packages()[0].status == "held"
