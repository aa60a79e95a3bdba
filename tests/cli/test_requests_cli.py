import json
import sqlite3

import pytest

from acsg_desktop.cli import main
from acsg_desktop.core.store.database import database_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_demo_requests_in_several_states(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "demo")
    status, out, _err = run(capsys, "request", "list", "--json")
    states = {request["status"] for request in json.loads(out)["requests"]}
    assert status == 0 and states == {"draft", "in_review", "approved", "withdrawn"}
    status, out, _err = run(capsys, "request", "list", "--status", "approved")
    assert status == 0 and len(out.strip().splitlines()) == 1
    approved_id = out.split()[0]
    status, out, _err = run(capsys, "request", "show", approved_id, "--json")
    document = json.loads(out)
    assert document["approved_by"] == "Fatimé Zakaria" and document["problems"] == {}
    assert document["comments"][0]["response"]
    status, out, _err = run(capsys, "request", "show", approved_id)
    assert "Comment by Fatimé Zakaria" in out and "Response by Idriss Abakar" in out


def test_audit_verify_passes_then_names_the_altered_entry(
    capsys: pytest.CaptureFixture[str], isolated_home
) -> None:
    run(capsys, "demo")
    status, out, _err = run(capsys, "audit", "verify", "--json")
    assert status == 0 and json.loads(out)["ok"] is True
    connection = sqlite3.connect(database_path(isolated_home))
    connection.execute("UPDATE audit_log SET new_value = '5' WHERE id = 17")
    connection.commit()
    connection.close()
    status, _out, err = run(capsys, "audit", "verify")
    assert status == 1 and "entry 17" in err


def test_people_add_and_list(capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, _err = run(
        capsys,
        "--user",
        "Admin",
        "people",
        "add",
        "Moussa Ali",
        "--role",
        "reviewer",
        "--role",
        "signatory",
    )
    assert status == 0
    status, out, _err = run(capsys, "people", "list", "--json")
    first = {"name": "Moussa Ali", "roles": ["administrator", "reviewer", "signatory"]}
    assert json.loads(out)["people"] == [first]  # the first person administers the office
    status, _out, err = run(capsys, "request", "show", "99")
    assert status == 1 and "no support request 99" in err


def test_guides_search_equite_in_french_is_ranked(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = run(capsys, "guides", "search", "equite", "--lang", "fr", "--json")
    hits = json.loads(out)["hits"]
    assert status == 0 and len(hits) >= 3
    assert [hit["rank"] for hit in hits] == sorted(hit["rank"] for hit in hits)
    assert all(
        "équité" in hit["snippet"].lower() or "equite" in hit["snippet"].lower() for hit in hits[:3]
    )
    status, out, _err = run(capsys, "guides", "show", "decision-writing", "--lang", "fr")
    assert status == 0 and "##" in out
    status, out, _err = run(capsys, "guides", "list", "--area", "appeals", "--json")
    assert [g["id"] for g in json.loads(out)["guides"]] == ["appeals-body-effectiveness"]


def test_build_bundle_then_import_it(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    from acsg_desktop.core.guides.loader import shipped_guides_dir, shipped_version
    from acsg_desktop.core.signing.keys import certificate_pem, create_identity, to_pkcs12

    newer = shipped_version() + 1  # a bundle is installed only when newer than the shipped set

    identity = create_identity("Editor", "ACSG Secretariat (test only)", "CH")
    key, passphrase, cert = tmp_path / "key.p12", tmp_path / "pass.txt", tmp_path / "cert.pem"
    key.write_bytes(to_pkcs12(identity, b"correct horse", "editor"))
    passphrase.write_text("correct horse\n")
    cert.write_bytes(certificate_pem(identity.certificate))
    bundle = tmp_path / "guides.acsgguides"
    status, _out, err = run(
        capsys,
        "guides",
        "build-bundle",
        str(shipped_guides_dir()),
        "--key",
        str(key),
        "--passphrase-file",
        str(passphrase),
        "--version",
        str(newer),
        "--out",
        str(bundle),
    )
    assert status == 0, err
    status, _out, err = run(capsys, "guides", "import", str(bundle))
    assert status == 1 and "not trusted" in err
    status, out, _err = run(capsys, "guides", "import", str(bundle), "--trust", str(cert), "--json")
    assert status == 0 and json.loads(out)["version"] == newer
    status, _out, err = run(capsys, "guides", "import", str(bundle), "--trust", str(cert))
    assert status == 1 and "already installed" in err
    passphrase.write_text("wrong\n")
    status, _out, err = run(
        capsys,
        "guides",
        "build-bundle",
        str(shipped_guides_dir()),
        "--key",
        str(key),
        "--passphrase-file",
        str(passphrase),
        "--version",
        str(newer + 1),
        "--out",
        str(tmp_path / "other.acsgguides"),
    )
    assert status == 1 and "Wrong passphrase" in err
    assert not (tmp_path / "other.acsgguides").exists()
