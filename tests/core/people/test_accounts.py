"""Local accounts: passphrases stored as scrypt hashes, an administrator who proves it for
every change, signatories who alone sign, comments answered by someone else."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from acsg_desktop.core.people import passphrases
from acsg_desktop.core.people.accounts import (
    NotAllowed,
    PassphraseNotSet,
    PersonError,
    WrongPassphrase,
)
from acsg_desktop.core.people.profile_service import CONTACT_ROLES
from acsg_desktop.core.requests.service import RequestError
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.store.engine import make_engine
from acsg_desktop.core.store.migrate import migrate_to
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD, TEST_PASSPHRASE, add_people, add_staff, sqlite_value
from tests.core.requests.helpers import COMPLETE

ADMIN, DRAFTER, REVIEWER = "Amina Mahamat", "Idriss Abakar", "Fatimé Zakaria"


@pytest.fixture
def office(tmp_path: Path):
    """The contact person (administrator), a drafter and a reviewer, all with passphrases."""
    with Workspace.open(tmp_path) as opened:
        opened.profiles.save(CHAD)
        add_people(opened, {DRAFTER: {"drafter"}, REVIEWER: {"reviewer"}})
        yield opened


@pytest.fixture
def any_office(backend_workspace: Workspace) -> Workspace:
    """The same office on SQLite or on an office server (where each has a login)."""
    if backend_workspace.database.is_server:
        roles = {ADMIN: set(CONTACT_ROLES), DRAFTER: {"drafter"}, REVIEWER: {"reviewer"}}
        add_staff(backend_workspace, roles)
        backend_workspace.profiles.save(CHAD)
    else:
        backend_workspace.profiles.save(CHAD)
        add_people(backend_workspace, {DRAFTER: {"drafter"}, REVIEWER: {"reviewer"}})
    return backend_workspace


def test_a_passphrase_is_kept_only_as_a_salted_scrypt_hash(tmp_path: Path) -> None:
    first, second = (passphrases.hash_passphrase("the same passphrase") for _n in range(2))
    assert first != second and first.startswith("scrypt$") and "the same" not in first
    assert passphrases.passphrase_matches("the same passphrase", first)
    assert not passphrases.passphrase_matches("the same passphrasE", first)
    assert not passphrases.passphrase_matches("anything", "scrypt$99$8$1$AA==$AA==")
    assert passphrases.DEFAULT_LOG2_N == 15  # what the app uses (the tests lower it)
    with Workspace.open(tmp_path) as workspace:
        add_people(workspace, {ADMIN: {"drafter"}, DRAFTER: {"drafter"}})
    stored = sqlite_value(
        database_path(tmp_path), "SELECT group_concat(passphrase_hash) FROM person"
    )
    assert TEST_PASSPHRASE not in str(stored) and str(stored).count("scrypt$") == 2


def test_a_one_person_office_signs_in_without_a_passphrase(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        workspace.profiles.save(CHAD)
        [only] = workspace.people.list()
        assert only.name == ADMIN and "administrator" in only.roles
        assert not workspace.people.needs_sign_in()
        assert workspace.sign_in(ADMIN, None).name == ADMIN


def test_everyone_proves_who_they_are_once_there_are_several(office: Workspace) -> None:
    assert office.people.needs_sign_in()
    with pytest.raises(WrongPassphrase):
        office.sign_in(DRAFTER, "not my passphrase")
    with pytest.raises(WrongPassphrase):
        office.sign_in(DRAFTER, None)
    with pytest.raises(PersonError, match="no one called"):
        office.sign_in("Nobody", TEST_PASSPHRASE)
    with pytest.raises(PersonError) as unknown:
        office.sign_in("Idriss\nAbakar\x1b[2J", TEST_PASSPHRASE)  # a typed name stays one line
    assert "\n" not in unknown.value.message and "\x1b" not in unknown.value.message
    assert office.sign_in(DRAFTER, TEST_PASSPHRASE).roles == frozenset({"drafter"})
    assert office.current_user == DRAFTER


def test_a_drafter_cannot_give_himself_a_role_or_add_people(any_office: Workspace) -> None:
    entries = any_office.audit_check().entries
    for name in (DRAFTER, "Someone new"):
        with pytest.raises(NotAllowed, match="Only an administrator"):
            any_office.people.save(
                name,
                frozenset({"reviewer"}),
                actor=DRAFTER,
                proof=TEST_PASSPHRASE,
                passphrase="x" * 12,
            )
    assert any_office.people.get(DRAFTER).roles == frozenset({"drafter"})
    assert any_office.people.get("Someone new") is None
    assert any_office.audit_check().entries == entries


def test_the_administrator_proves_it_for_every_change(office: Workspace) -> None:
    with pytest.raises(WrongPassphrase):
        office.people.save(DRAFTER, frozenset({"reviewer"}), actor=ADMIN, proof="wrong one!")
    with pytest.raises(WrongPassphrase):
        office.people.save(DRAFTER, frozenset({"reviewer"}), actor=ADMIN)
    assert office.people.get(DRAFTER).roles == frozenset({"drafter"})
    office.people.save(DRAFTER, frozenset({"reviewer"}), actor=ADMIN, proof=TEST_PASSPHRASE)
    assert office.people.get(DRAFTER).roles == frozenset({"reviewer"})
    entry = sqlite_value(
        database_path(office.data_dir),
        "SELECT actor || '|' || new_value FROM audit_log WHERE action = 'roles' "
        "ORDER BY id DESC LIMIT 1",
    )
    assert entry == f"{ADMIN}|reviewer"


def test_a_new_person_gets_a_first_passphrase_and_the_office_keeps_an_administrator(
    office: Workspace,
) -> None:
    with pytest.raises(PersonError, match="first passphrase"):
        office.people.save("Moussa", frozenset({"drafter"}), actor=ADMIN, proof=TEST_PASSPHRASE)
    with pytest.raises(PersonError, match="at least 10"):
        office.people.save(
            "Moussa", frozenset({"drafter"}), actor=ADMIN, proof=TEST_PASSPHRASE, passphrase="short"
        )
    office.people.save(
        "Moussa",
        frozenset({"drafter"}),
        actor=ADMIN,
        proof=TEST_PASSPHRASE,
        passphrase="moussa's own one",
    )
    assert office.sign_in("Moussa", "moussa's own one").name == "Moussa"
    with pytest.raises(PersonError, match="only administrator"):
        office.people.save(ADMIN, frozenset({"drafter"}), actor=ADMIN, proof=TEST_PASSPHRASE)


def test_the_second_person_waits_for_the_administrators_own_passphrase(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        workspace.profiles.save(CHAD)
        with pytest.raises(PersonError, match="Choose your own passphrase first"):
            workspace.people.save(
                DRAFTER, frozenset({"drafter"}), actor=ADMIN, passphrase="idriss passphrase"
            )
        workspace.people.set_passphrase(ADMIN, "amina passphrase", actor=ADMIN)
        workspace.people.save(
            DRAFTER,
            frozenset({"drafter"}),
            actor=ADMIN,
            proof="amina passphrase",
            passphrase="idriss passphrase",
        )
        assert workspace.people.needs_sign_in()


def test_passphrases_change_with_the_old_one_or_the_administrators(office: Workspace) -> None:
    with pytest.raises(WrongPassphrase):
        office.people.set_passphrase(DRAFTER, "a brand new one", actor=DRAFTER, proof="wrong!")
    office.people.set_passphrase(DRAFTER, "a brand new one", actor=DRAFTER, proof=TEST_PASSPHRASE)
    assert office.sign_in(DRAFTER, "a brand new one")
    with pytest.raises(NotAllowed):
        office.people.set_passphrase(
            REVIEWER, "taken over now", actor=DRAFTER, proof="a brand new one"
        )
    office.people.set_passphrase(DRAFTER, "reset by the admin", actor=ADMIN, proof=TEST_PASSPHRASE)
    assert office.sign_in(DRAFTER, "reset by the admin")
    logged = sqlite_value(
        database_path(office.data_dir),
        "SELECT group_concat(actor || ':' || old_value || '>' || new_value, ';') FROM audit_log"
        f" WHERE action = 'passphrase' AND entity_id = '{DRAFTER}'",
    )
    # set by the administrator, changed by Idriss, reset by the administrator: never a hash
    assert logged == f"{ADMIN}:>set;{DRAFTER}:set>changed;{ADMIN}:set>changed"


def test_the_single_person_waiver_is_the_administrators(office: Workspace) -> None:
    with pytest.raises(NotAllowed):
        office.requests.allow_self_approval(True, actor=REVIEWER, proof=TEST_PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        office.requests.allow_self_approval(True, actor=ADMIN, proof="wrong!")
    assert not office.requests.self_approval_allowed()
    office.requests.allow_self_approval(True, actor=ADMIN, proof=TEST_PASSPHRASE)
    assert office.requests.self_approval_allowed()


def test_a_reviewer_cannot_answer_her_own_comment(any_office: Workspace) -> None:
    created = any_office.requests.create(COMPLETE, actor=DRAFTER)
    any_office.requests.submit_for_review(created.id, actor=DRAFTER)
    commented = any_office.requests.comment(created.id, "Say who pays.", actor=REVIEWER)
    comment_id = commented.comments[0].id
    with pytest.raises(RequestError, match="someone else answers it"):
        any_office.requests.respond(created.id, comment_id, "Done, by me.", actor=REVIEWER)
    with pytest.raises(RequestError, match="needs a response"):
        any_office.requests.approve(created.id, actor=REVIEWER)
    answered = any_office.requests.respond(
        created.id, comment_id, "The ministry pays.", actor=DRAFTER
    )
    assert answered.comments[0].answered


def test_only_a_signatory_makes_a_signing_identity_or_exports(
    any_office: Workspace, tmp_path
) -> None:
    profile = any_office.profiles.get()
    with pytest.raises(NotAllowed, match="Only a signatory"):
        any_office.exports.create_identity(DRAFTER, profile, b"a long passphrase", actor=DRAFTER)
    with pytest.raises(Exception, match="own holder"):
        any_office.exports.create_identity(ADMIN, profile, b"a long passphrase", actor=DRAFTER)
    any_office.exports.create_identity(ADMIN, profile, b"a long passphrase", actor=ADMIN)
    assessment = any_office.assessments.create("2026", 2026, actor=ADMIN)
    with pytest.raises(NotAllowed, match="Only a signatory"):
        any_office.exports.export(
            assessment.id, DRAFTER, b"a long passphrase", tmp_path / "x", "en"
        )
    assert not (tmp_path / "x").exists()


def test_an_upgraded_office_names_its_signatories_administrators(tmp_path: Path) -> None:
    path = database_path(tmp_path)
    engine = make_engine(path)
    migrate_to(engine, "0011")
    engine.dispose()
    connection = sqlite3.connect(path)
    for name, roles in (
        (DRAFTER, "drafter"),
        (ADMIN, "reviewer,signatory"),
        (REVIEWER, "reviewer"),
    ):
        connection.execute(
            "INSERT INTO person (name, role, created_at) VALUES (?, ?, '2026-01-01')", (name, roles)
        )
    connection.commit()
    connection.close()
    with Workspace.open(tmp_path) as workspace:
        roles = {person.name: person.roles for person in workspace.people.list()}
        assert roles[ADMIN] == frozenset({"administrator", "reviewer", "signatory"})
        assert "administrator" not in roles[DRAFTER] | roles[REVIEWER]
        with pytest.raises(PassphraseNotSet):
            workspace.sign_in(DRAFTER, None)
        workspace.people.set_passphrase(DRAFTER, "chosen at first sign-in", actor=DRAFTER)
        assert workspace.sign_in(DRAFTER, "chosen at first sign-in").name == DRAFTER
