"""The Secretariat's half of the chain: three authorities' packages received in one go, a
tampered one refused and a replayed one held, the overview, receipts imported back, and the
desk's own certificates (issued from CSRs, revoked)."""

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.desk.service import DeskError
from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.package.outbox import Outbox
from acsg_desktop.core.receipts.format import ReceiptError
from acsg_desktop.core.records.desk import IntakeOutcome, PackageState
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.records.receipts import RequestReply
from acsg_desktop.core.records.requests import MatchStage, RequestStatus
from acsg_desktop.core.signing.keys import create_identity
from acsg_desktop.core.workspace import Workspace

SIGNATORY = "Fatimé Zakaria"
PASSPHRASE = b"a long enough passphrase"
DESK_PASSPHRASE = b"the desk's own long passphrase"
AUTHORITIES = (
    ("NE", "Commission nationale d'éligibilité (test)"),
    ("TD", "Commission nationale d'accueil (test)"),
    ("MX", "Comisión de asistencia (test)"),
)


def export_from(folder: Path, country: str, name: str, out: Path) -> Path:
    with Workspace.open(folder) as workspace:
        workspace.profiles.save(Profile(country, name, "Amina Mahamat", "a@example.org", "en"))
        demo = create_demo(workspace, "en")
        IdentityStore(folder).create(SIGNATORY, workspace.profiles.get(), PASSPHRASE)
        workspace.exports.export(demo.baseline.id, SIGNATORY, PASSPHRASE, out, "en")
    return out


@pytest.fixture
def desk(tmp_path: Path):
    with DeskWorkspace.open(tmp_path / "desk") as opened:
        opened.trust.create("Desk officer", DESK_PASSPHRASE)
        yield opened


def stick_with(field, tmp_path: Path) -> Path:
    stick = tmp_path / "stick"
    stick.mkdir()
    for _country, (_folder, package) in field.items():
        shutil.copy(package, stick / package.name)
    tampered = stick / "tampered.acsgpkg"
    with zipfile.ZipFile(field["NE"][1]) as source, zipfile.ZipFile(tampered, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "package.json":
                data = data.replace(b'"overall": ', b'"overall": 9', 1)
            target.writestr(name, data)
    return stick


def test_a_stick_of_packages_is_received_in_one_go(desk, field, tmp_path) -> None:
    results = desk.intake.intake([stick_with(field, tmp_path)], actor="Desk officer")
    outcomes = {Path(r.path).name: r.outcome for r in results}
    assert outcomes == {
        "MX.acsgpkg": IntakeOutcome.ACCEPTED,
        "NE.acsgpkg": IntakeOutcome.ACCEPTED,
        "TD.acsgpkg": IntakeOutcome.ACCEPTED,
        "tampered.acsgpkg": IntakeOutcome.REFUSED,
    }
    tampered = next(r for r in results if r.path.endswith("tampered.acsgpkg"))
    assert "package.json" in tampered.message
    assert len(desk.packages.packages()) == 3  # nothing stored from the refused file
    for package in desk.packages.packages():
        kept = Path(package.file_path)
        assert kept.read_bytes() == field[package.country][1].read_bytes()
    again = desk.intake.intake([field["NE"][1]], actor="Desk officer")
    assert [r.outcome for r in again] == [IntakeOutcome.ALREADY_RECEIVED]
    overview = desk.packages.overview()
    assert sorted(s.country for s in overview.submissions) == ["MX", "NE", "TD"]
    assert all(s.areas and s.overall is not None for s in overview.submissions)


def test_a_replayed_package_is_held_for_a_decision(desk, field, tmp_path) -> None:
    folder, first = field["TD"]
    second = tmp_path / "TD-2.acsgpkg"
    copy = Path(shutil.copytree(folder, tmp_path / "TD"))
    with Workspace.open(copy) as workspace:
        in_review = next(
            r for r in workspace.requests.list() if r.status is RequestStatus.IN_REVIEW
        )
        comment = workspace.requests.get(in_review.id).comments[0]
        workspace.requests.respond(in_review.id, comment.id, "Done.", actor="Idriss Abakar")
        workspace.requests.approve(in_review.id, actor=SIGNATORY)
        baseline = workspace.assessments.list()[-1]
        workspace.exports.export(baseline.id, SIGNATORY, PASSPHRASE, second, "en")
    [accepted] = desk.intake.intake([second], actor="Desk officer")
    assert accepted.outcome is IntakeOutcome.ACCEPTED
    [held] = desk.intake.intake([first], actor="Desk officer")  # the older one, sent again
    assert held.outcome is IntakeOutcome.HELD and held.package is not None
    assert held.package.state is PackageState.HELD_REPLAY and "replay" in held.message
    with pytest.raises(DeskError):
        desk.packages.decide(held.package.package_id, False, "  ", actor="Desk officer")
    decided = desk.packages.decide(
        held.package.package_id, False, "An old copy sent again.", actor="Desk officer"
    )
    assert decided.state is PackageState.REJECTED and decided.decided_by == "Desk officer"


def test_receipts_from_the_desk_change_each_authoritys_outbox_and_stages(
    desk, field, tmp_path
) -> None:
    desk.intake.intake([package for _folder, package in field.values()], actor="Desk officer")
    trust = desk.trust.certificate()
    for country, (folder, _package) in field.items():
        received = next(p for p in desk.packages.packages() if p.country == country)
        request_ids = [r["id"] for r in json.loads(received.document)["requests"]]
        assert request_ids
        replies = {
            n: RequestReply(n, MatchStage.UNDER_DISCUSSION, "Two partners asked.")
            for n in request_ids
        }
        out = tmp_path / f"{country}.acsgreceipt"
        desk.packages.write_receipt(received.package_id, replies, DESK_PASSPHRASE, out, actor="D")
        copy = Path(shutil.copytree(folder, tmp_path / f"authority-{country}"))
        with Workspace.open(copy) as workspace:
            workspace.receipts.import_receipt(out, [trust], actor=SIGNATORY)
            assert Outbox(workspace.database).packages()[0].status == "acknowledged"
            stages = {workspace.requests.get(n).match_stage for n in request_ids}
            assert stages == {MatchStage.UNDER_DISCUSSION}
    with Workspace.open(tmp_path / "authority-NE") as workspace, pytest.raises(ReceiptError) as e:
        workspace.receipts.import_receipt(tmp_path / "TD.acsgreceipt", [trust], actor=SIGNATORY)
    assert e.value.reason == "other_authority"  # the receipt meant for another authority
    stages = desk.packages.overview().requests_by_stage
    assert stages["under_discussion"] == sum(stages.values())


def test_a_receipt_signed_by_another_key_is_refused(desk, field, tmp_path) -> None:
    desk.intake.intake([field["MX"][1]], actor="Desk officer")
    received = desk.packages.packages()[0]
    out = tmp_path / "mx.acsgreceipt"
    desk.packages.write_receipt(received.package_id, {}, DESK_PASSPHRASE, out, actor="D")
    stranger = create_identity("Mallory", "Not the Secretariat", "FR")
    copy = Path(shutil.copytree(field["MX"][0], tmp_path / "mx"))
    with Workspace.open(copy) as workspace, pytest.raises(ReceiptError) as caught:
        workspace.receipts.import_receipt(out, [stranger.certificate], actor=SIGNATORY)
    assert caught.value.reason in {"untrusted", "signer"}
    with pytest.raises(DeskError, match="holds no request 999"):
        desk.packages.write_receipt(
            received.package_id,
            {999: RequestReply(999, MatchStage.AGREED, "")},
            DESK_PASSPHRASE,
            out,
            actor="D",
        )
