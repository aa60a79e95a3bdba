"""`acsg desk ...` on its own folder: init, intake, list, overview, receipt, and the
authority's `acsg receipts import` of that receipt."""

import json
from pathlib import Path

import pytest

from acsg_desktop.cli import main
from tests.core.desk.test_desk_chain import export_from


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_desk_receives_and_answers_from_the_command_line(
    capsys, tmp_path: Path, isolated_home: Path, demo_user
) -> None:
    package = export_from(isolated_home, "NE", "Commission (test)", tmp_path / "ne.acsgpkg")
    passphrase = tmp_path / "desk-pass.txt"
    passphrase.write_text("the desk's own long passphrase\n")
    status, out, err = run(
        capsys,
        "desk",
        "init",
        "--name",
        "Desk officer",
        "--passphrase-file",
        str(passphrase),
        "--json",
    )
    assert status == 0, err
    desk_certificate = json.loads(out)["certificate"]
    assert "acsg-desk" in desk_certificate  # the desk's own folder, not the authority's
    junk = tmp_path / "junk.acsgpkg"
    junk.write_bytes(b"not a zip")
    status, out, _err = run(capsys, "desk", "intake", str(package), str(junk), "--json")
    outcomes = [r["outcome"] for r in json.loads(out)["results"]]
    assert status == 1 and outcomes == ["accepted", "refused"]
    status, out, _err = run(capsys, "desk", "list", "--json")
    [received] = json.loads(out)["packages"]
    assert (received["country"], received["state"]) == ("NE", "accepted")
    status, out, _err = run(capsys, "desk", "overview", "--json")
    assert [s["country"] for s in json.loads(out)["submissions"]] == ["NE"]
    request_id = json.loads(run(capsys, "request", "list", "--status", "exported", "--json")[1])[
        "requests"
    ][0]["id"]
    receipt = tmp_path / "ne.acsgreceipt"
    status, _out, err = run(
        capsys,
        "desk",
        "receipt",
        received["package_id"],
        "--stage",
        f"{request_id}=agreed",
        "--message",
        f"{request_id}=Twinning agreed.",
        "--passphrase-file",
        str(passphrase),
        "--out",
        str(receipt),
    )
    assert status == 0, err
    status, _out, err = run(
        capsys,
        "desk",
        "receipt",
        received["package_id"],
        "--stage",
        "x=agreed",
        "--passphrase-file",
        str(passphrase),
        "--out",
        str(receipt),
    )
    assert status == 1 and "REQUEST=VALUE" in err
    signed_in = demo_user("Amina Mahamat")
    status, out, err = run(
        capsys, *signed_in, "receipts", "import", str(receipt), "--trust", desk_certificate
    )
    assert status == 0, err
    shown = json.loads(run(capsys, "request", "show", str(request_id), "--json")[1])
    assert (shown["match_stage"], shown["match_message"]) == ("agreed", "Twinning agreed.")


def test_certify_asks_for_a_second_key_to_be_confirmed(
    capsys, tmp_path: Path, isolated_home: Path
) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    from tests.core.desk.test_certify_known_keys import NIGER, request_for

    passphrase = tmp_path / "desk-pass.txt"
    passphrase.write_text("the desk's own long passphrase\n")
    assert run(capsys, "desk", "init", "--name", "D", "--passphrase-file", str(passphrase))[0] == 0
    requests = []
    for n in (1, 2):
        requests.append(tmp_path / f"key{n}.csr")
        requests[-1].write_bytes(request_for(ec.generate_private_key(ec.SECP256R1()), NIGER))
    certify = ["desk", "certify", "--passphrase-file", str(passphrase), "--json"]
    first = tmp_path / "first.pem"
    status, _out, err = run(capsys, *certify, str(requests[0]), "--out", str(first))
    assert status == 0, err
    second = tmp_path / "second.pem"
    status, _out, err = run(capsys, *certify, str(requests[1]), "--out", str(second))
    assert status == 1 and "already holds an active certificate" in err
    assert not second.exists()
    confirmed = [*certify, str(requests[1]), "--out", str(second), "--second-key-confirmed"]
    status, _out, err = run(capsys, *confirmed)
    assert status == 0, err
    assert second.read_text().startswith("-----BEGIN CERTIFICATE-----")
