"""The desk compares a request with what it already certified before it issues anything: one key
never speaks for two authorities, a second active key for one authority waits for the officer's
confirmation, and the same key again is a renewal."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from acsg_desktop.core.desk.known_keys import SecondKeyError
from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import language_as
from acsg_desktop.core.signing.keys import IdentityError
from acsg_desktop.core.store.audit_repository import AuditRepository

DESK_PASSPHRASE = b"the desk's own long passphrase"
NIGER = ("NE", "Commission nationale d'éligibilité (test)")
CHAD = ("TD", "Commission nationale d'accueil (test)")


def request_for(key: ec.EllipticCurvePrivateKey, place: tuple[str, str]) -> bytes:
    """A CSR as `acsg identity csr` writes one: a person, an authority, a country."""
    country, authority = place
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "Fatimé Zakaria"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, authority),
            x509.NameAttribute(NameOID.COUNTRY_NAME, country),
        ]
    )
    request = (
        x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    )
    return request.public_bytes(serialization.Encoding.PEM)


@pytest.fixture
def desk(tmp_path: Path):
    with DeskWorkspace.open(tmp_path / "desk") as opened:
        opened.trust.create("Desk officer", DESK_PASSPHRASE)
        yield opened


def certify(desk: DeskWorkspace, request: bytes, **options: bool):
    return desk.trust.certify(request, DESK_PASSPHRASE, actor="Desk officer", **options)


def test_the_same_key_for_the_same_authority_again_is_a_renewal(desk) -> None:
    request = request_for(ec.generate_private_key(ec.SECP256R1()), NIGER)
    first, second = certify(desk, request), certify(desk, request)
    assert first.serial != second.serial
    assert len(desk.trust.certificates()) == 2


def test_a_second_active_key_waits_for_the_officers_confirmation(desk) -> None:
    first = certify(desk, request_for(ec.generate_private_key(ec.SECP256R1()), NIGER))
    second_request = request_for(ec.generate_private_key(ec.SECP256R1()), NIGER)
    with pytest.raises(SecondKeyError) as refused:
        certify(desk, second_request)
    assert first.serial in refused.value.message
    assert "Commission nationale d'éligibilité (test) (NE)" in refused.value.message
    assert [c.serial for c in desk.trust.certificates()] == [first.serial]  # nothing issued
    second = certify(desk, second_request, second_key_confirmed=True)
    assert {c.serial for c in desk.trust.certificates()} == {first.serial, second.serial}
    with desk.database.unit_of_work() as session:
        reasons = {e.entity_id: e.reason for e in AuditRepository(session).entries()}
    assert reasons[first.serial] == "" and "second active key" in reasons[second.serial]


def test_once_the_old_key_is_revoked_a_new_one_needs_no_confirmation(desk) -> None:
    first = certify(desk, request_for(ec.generate_private_key(ec.SECP256R1()), NIGER))
    desk.trust.revoke(first.serial, "Laptop stolen", actor="Desk officer")
    replacement = certify(desk, request_for(ec.generate_private_key(ec.SECP256R1()), NIGER))
    assert replacement.authority == NIGER[1]


def test_a_revocation_planned_for_later_leaves_the_old_key_active_until_then(desk) -> None:
    first = certify(desk, request_for(ec.generate_private_key(ec.SECP256R1()), NIGER))
    handover = datetime.now(UTC) + timedelta(days=7)
    desk.trust.revoke(first.serial, "Handover next week", actor="Desk officer", at=handover)
    with pytest.raises(SecondKeyError, match=first.serial):
        certify(desk, request_for(ec.generate_private_key(ec.SECP256R1()), NIGER))
    assert [c.serial for c in desk.trust.certificates()] == [first.serial]


def test_a_planned_revocation_is_brought_forward_never_put_off(desk) -> None:
    issued = certify(desk, request_for(ec.generate_private_key(ec.SECP256R1()), NIGER))
    now = datetime.now(UTC)
    desk.trust.revoke(issued.serial, "Handover", actor="Desk officer", at=now + timedelta(days=7))
    with pytest.raises(AcsgError, match="already revoked from"):
        desk.trust.revoke(issued.serial, "Later", actor="Desk officer", at=now + timedelta(days=30))
    desk.trust.revoke(issued.serial, "Laptop stolen before the handover", actor="Desk officer")
    (revoked,) = desk.trust.certificates()
    assert revoked.revoked_by(datetime.now(UTC).replace(tzinfo=None))
    assert revoked.revocation_reason == "Laptop stolen before the handover"
    with pytest.raises(AcsgError, match="already revoked from"):
        desk.trust.revoke(issued.serial, "Again", actor="Desk officer")


def test_another_authority_keeps_its_own_first_key(desk) -> None:
    certify(desk, request_for(ec.generate_private_key(ec.SECP256R1()), NIGER))
    chad = certify(desk, request_for(ec.generate_private_key(ec.SECP256R1()), CHAD))
    assert (chad.country, chad.authority) == CHAD


def test_one_key_never_speaks_for_a_second_authority_even_confirmed(desk) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    niger = certify(desk, request_for(key, NIGER))
    for confirmed in (False, True):
        with pytest.raises(IdentityError, match=niger.serial):
            certify(desk, request_for(key, CHAD), second_key_confirmed=confirmed)
    assert [c.serial for c in desk.trust.certificates()] == [niger.serial]


def test_the_refusals_are_said_in_french(desk) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    certify(desk, request_for(key, NIGER))
    with language_as("fr"):
        with pytest.raises(IdentityError, match="une clé parle pour une seule autorité"):
            certify(desk, request_for(key, CHAD))
        with pytest.raises(SecondKeyError, match="détient déjà un certificat actif"):
            certify(desk, request_for(ec.generate_private_key(ec.SECP256R1()), NIGER))
