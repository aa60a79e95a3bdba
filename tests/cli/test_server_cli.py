"""The command line on an office server (PostgreSQL only): demo, info, audit verify, a signed
export by the demo's signatory connecting with her own login, and --user refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acsg_desktop.cli import main
from acsg_desktop.core.demo.requests import DEMO_LOGINS, DEMO_PASSPHRASE, REVIEWER
from tests.core.store.office import database_name
from tests.postgres_cluster import PostgresCluster


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def demo_server(
    capsys: pytest.CaptureFixture[str], migrated_postgres_url: str, demo_logins_dropped: None
) -> str:
    """An office server holding the demo, made by the IT officer's login."""
    status, _out, err = run(capsys, "--database", migrated_postgres_url, "demo")
    assert status == 0, err
    return migrated_postgres_url


def test_info_and_audit_verify_on_the_server(
    capsys: pytest.CaptureFixture[str], demo_server: str
) -> None:
    status, out, err = run(capsys, "--database", demo_server, "info")
    assert status == 0, err
    assert database_name(demo_server) in out
    status, out, err = run(capsys, "--database", demo_server, "audit", "verify")
    assert status == 0, err + out


def test_the_signatory_exports_with_her_own_login_and_the_package_verifies(
    capsys: pytest.CaptureFixture[str],
    postgres_cluster: PostgresCluster,
    demo_server: str,
    tmp_path: Path,
) -> None:
    login, _roles = DEMO_LOGINS[REVIEWER]
    fatime = postgres_cluster.tcp_url(login, DEMO_PASSPHRASE, database_name(demo_server))
    passphrase, package = tmp_path / "pass.txt", tmp_path / "out.acsgpkg"
    passphrase.write_text("a long enough passphrase\n")
    on_server = ["--database", fatime]
    status, out, err = run(
        capsys, *on_server, "identity", "create", "--passphrase-file", str(passphrase), "--json"
    )
    assert status == 0, err
    assert len(json.loads(out)["fingerprint"].split()) == 16
    export = ["export", "--assessment", "1", "--out", str(package)]
    export += ["--passphrase-file", str(passphrase), "--lang", "fr", "--json"]
    status, out, err = run(capsys, *on_server, *export)
    assert status == 0, err
    assert json.loads(out)["sequence"] == 1
    status, out, err = run(capsys, "verify", str(package), "--json")
    assert status == 0 and json.loads(out)["ok"] is True, err
    status, out, err = run(capsys, "--database", demo_server, "audit", "verify")
    assert status == 0, err + out


def test_user_is_refused_on_the_server(
    capsys: pytest.CaptureFixture[str], demo_server: str, tmp_path: Path
) -> None:
    proof = tmp_path / "proof.txt"
    proof.write_text(DEMO_PASSPHRASE + "\n")
    status, out, err = run(
        capsys,
        "--database",
        demo_server,
        "--user",
        REVIEWER,
        "--user-passphrase-file",
        str(proof),
        "request",
        "list",
    )
    assert status != 0 and "--user is not used there" in err
    assert REVIEWER not in out
