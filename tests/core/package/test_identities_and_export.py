"""Keys (reliability items 22-24) and what exporting does to the data."""

from pathlib import Path

import pytest

from acsg_desktop.core.package.builder import PackageError
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.signing.keys import IdentityError, certificate_pem, create_identity
from acsg_desktop.core.workspace import Workspace
from tests.core.package.conftest import PASSPHRASE, SIGNATORY, Exported

PROFILE = Profile("TD", "Commission nationale", "Amina", "a@example.org", "fr")


def test_wrong_passphrase_is_refused_and_the_right_one_still_works(tmp_path: Path) -> None:
    store = IdentityStore(tmp_path)
    info = store.create("Amina Mahamat", PROFILE, PASSPHRASE)
    key_file = next((tmp_path / "identities").glob("*.p12"))
    before = key_file.read_bytes()
    with pytest.raises(IdentityError, match="Wrong passphrase"):
        store.unlock("Amina Mahamat", b"not the passphrase")
    assert key_file.read_bytes() == before
    assert store.unlock("Amina Mahamat", PASSPHRASE).certificate == info.certificate
    assert len(info.fingerprint.split()) == 16  # grouped by four for reading aloud


def test_damaged_key_file_is_reported(tmp_path: Path) -> None:
    store = IdentityStore(tmp_path)
    store.create("Amina Mahamat", PROFILE, PASSPHRASE)
    key_file = next((tmp_path / "identities").glob("*.p12"))
    key_file.write_bytes(key_file.read_bytes()[:300])
    with pytest.raises(IdentityError, match="damaged"):
        store.unlock("Amina Mahamat", PASSPHRASE)


def test_passphrase_change_and_short_passphrases(tmp_path: Path) -> None:
    store = IdentityStore(tmp_path)
    with pytest.raises(IdentityError, match="at least 10"):
        store.create("Amina Mahamat", PROFILE, b"short")
    store.create("Amina Mahamat", PROFILE, PASSPHRASE)
    store.change_passphrase("Amina Mahamat", PASSPHRASE, b"another long passphrase")
    with pytest.raises(IdentityError, match="Wrong passphrase"):
        store.unlock("Amina Mahamat", PASSPHRASE)
    store.unlock("Amina Mahamat", b"another long passphrase")


def test_certificate_for_another_key_or_authority_is_refused(tmp_path: Path) -> None:
    store = IdentityStore(tmp_path)
    store.create("Amina Mahamat", PROFILE, PASSPHRASE)
    other = create_identity("Amina Mahamat", "Commission nationale", "TD")
    with pytest.raises(IdentityError, match="another key"):
        store.import_certificate("Amina Mahamat", PASSPHRASE, certificate_pem(other.certificate))
    request = store.signing_request("Amina Mahamat", PASSPHRASE)
    assert request.startswith(b"-----BEGIN CERTIFICATE REQUEST-----")


def test_export_locks_and_recognises_the_same_content(exported: Exported, tmp_path: Path) -> None:
    with Workspace.open(exported.data) as workspace:
        baseline = workspace.assessments.list()[-1]
        assert workspace.assessments.get(baseline.id).status is AssessmentStatus.LOCKED
        statuses = {r.status for r in workspace.requests.list()}
        assert RequestStatus.EXPORTED in statuses and RequestStatus.APPROVED not in statuses
        again = workspace.exports.export(  # package 2's content, in its language (English)
            baseline.id, SIGNATORY, PASSPHRASE, tmp_path / "again.acsgpkg", "en"
        )
        assert again.reused and again.record.sequence == 2
        assert not (tmp_path / "again.acsgpkg").exists()
        follow_up = workspace.assessments.list()[0]
        with pytest.raises(PackageError, match="Only a completed assessment"):
            workspace.exports.export(
                follow_up.id, SIGNATORY, PASSPHRASE, tmp_path / "draft.acsgpkg", "fr"
            )
        with pytest.raises(IdentityError, match="Wrong passphrase"):
            workspace.exports.export(
                baseline.id,
                SIGNATORY,
                b"wrong passphrase!",
                tmp_path / "wrong.acsgpkg",
                "fr",
            )
        assert not (tmp_path / "wrong.acsgpkg").exists()
