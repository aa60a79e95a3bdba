"""The desk as a small CA: it certifies an authority's key from its CSR; packages signed with
that certificate are received as certified; after a revocation they are refused. Publishing
only goes up in version."""

import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.guides.loader import shipped_guides_dir, shipped_version
from acsg_desktop.core.offers.catalogue import OFFERS, example_catalogue_path
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.records.desk import IntakeOutcome
from acsg_desktop.core.signing.keys import IdentityError
from acsg_desktop.core.updates.read import read_update
from acsg_desktop.core.workspace import Workspace
from tests.core.desk.test_desk_chain import PASSPHRASE, SIGNATORY, export_from

DESK_PASSPHRASE = b"the desk's own long passphrase"


@pytest.fixture
def desk(tmp_path: Path):
    with DeskWorkspace.open(tmp_path / "desk") as opened:
        opened.trust.create("Desk officer", DESK_PASSPHRASE)
        yield opened


def export_again(folder: Path, out: Path, title: str) -> Path:
    """One more package of the baseline: a copy of its first request, approved anew."""
    with Workspace.open(folder) as workspace:
        model = min(workspace.requests.list(), key=lambda r: r.id)
        copy = workspace.requests.create(replace(model.content, title=title), actor="Idriss Abakar")
        workspace.requests.submit_for_review(copy.id, actor="Idriss Abakar")
        workspace.requests.approve(copy.id, actor=SIGNATORY)
        baseline = min(workspace.assessments.list(), key=lambda a: a.id)
        workspace.exports.export(baseline.id, SIGNATORY, PASSPHRASE, out, "en")
    return out


def test_the_desk_certificate_is_a_ca_of_path_length_zero(desk) -> None:
    certificate = desk.trust.certificate()
    constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints).value
    assert constraints.ca and constraints.path_length == 0
    with pytest.raises(AcsgError, match="already has its signing key"):
        desk.trust.create("Someone else", DESK_PASSPHRASE)


def test_a_certified_key_is_received_as_certified_then_refused_after_revocation(
    desk, tmp_path: Path
) -> None:
    folder = tmp_path / "NE"
    first = export_from(folder, "NE", "Commission (test)", tmp_path / "first.acsgpkg")
    request = IdentityStore(folder).signing_request(SIGNATORY, PASSPHRASE)
    issued = desk.trust.certify(request, DESK_PASSPHRASE, actor="Desk officer", days=365)
    certificate = x509.load_pem_x509_certificate(issued.pem.encode())
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and not usage.key_cert_sign
    assert (issued.country, issued.authority) == ("NE", "Commission (test)")
    IdentityStore(folder).import_certificate(SIGNATORY, PASSPHRASE, issued.pem.encode())
    second = export_again(folder, tmp_path / "second.acsgpkg", "Second request")
    results = desk.intake.intake([first, second], actor="Desk officer")
    assert [r.outcome for r in results] == [IntakeOutcome.ACCEPTED, IntakeOutcome.ACCEPTED], [
        r.message for r in results
    ]
    assert [r.package.certified for r in results if r.package] == [False, True]
    desk.trust.revoke(
        issued.serial, "Key lost", actor="Desk officer", at=datetime.now(UTC) - timedelta(days=1)
    )
    third = export_again(folder, tmp_path / "third.acsgpkg", "Third request")
    [refused] = desk.intake.intake([third], actor="Desk officer")
    assert refused.outcome is IntakeOutcome.REFUSED and "revoked" in refused.message


def test_a_request_that_is_not_a_csr_is_refused(desk) -> None:
    with pytest.raises(IdentityError):
        desk.trust.certify(b"not a request", DESK_PASSPHRASE, actor="Desk officer")
    assert desk.trust.certificates() == []


def test_publishing_signs_with_the_desk_key_and_only_goes_up(desk, tmp_path: Path) -> None:
    out = tmp_path / "offers.acsgoffers"
    version = desk.publisher.publish(
        "offers", example_catalogue_path(), DESK_PASSPHRASE, out, actor="Desk officer"
    )
    assert version == 1
    assert sum(desk.packages.overview().open_offers_by_area.values()) > 0  # the desk holds them
    update = read_update(out, OFFERS, [desk.trust.certificate()], datetime.now(UTC))
    assert update.version == 1
    with pytest.raises(AcsgError, match="not above 1"):
        desk.publisher.publish(
            "offers", example_catalogue_path(), DESK_PASSPHRASE, out, actor="D", version=1
        )
    guides = tmp_path / "guides"
    shutil.copytree(shipped_guides_dir(), guides)
    assert (  # above the guides every authority already has from the app
        desk.publisher.publish(
            "guides", guides, DESK_PASSPHRASE, tmp_path / "g.acsgguides", actor="D"
        )
        == shipped_version() + 1
    )
