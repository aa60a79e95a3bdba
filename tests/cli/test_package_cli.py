import json
import zipfile

import pytest

from acsg_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_demo_identity_export_verify_then_tamper(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("a long enough passphrase\n")
    package = tmp_path / "out.acsgpkg"
    assert run(capsys, "demo")[0] == 0
    status, out, _err = run(
        capsys,
        "--user",
        "Fatimé Zakaria",
        "identity",
        "create",
        "--passphrase-file",
        str(passphrase),
        "--json",
    )
    assert status == 0 and len(json.loads(out)["fingerprint"].split()) == 16
    status, out, err = run(
        capsys,
        "--user",
        "Fatimé Zakaria",
        "export",
        "--assessment",
        "1",
        "--out",
        str(package),
        "--passphrase-file",
        str(passphrase),
        "--lang",
        "fr",
        "--json",
    )
    assert status == 0, err
    assert json.loads(out)["sequence"] == 1
    status, out, _err = run(capsys, "verify", str(package), "--json")
    assert status == 0 and json.loads(out)["ok"] is True
    with zipfile.ZipFile(package) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    entries["manifest.json"] = entries["manifest.json"].replace(b'"sequence": 1', b'"sequence": 9')
    tampered = tmp_path / "tampered.acsgpkg"
    with zipfile.ZipFile(tampered, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    status, _out, err = run(capsys, "verify", str(tampered))
    assert status == 1 and "manifest.json: sha256:" in err


def test_export_refuses_a_wrong_passphrase(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("a long enough passphrase")
    bad.write_text("not the right one")
    run(capsys, "demo")
    run(capsys, "identity", "create", "--name", "Amina Mahamat", "--passphrase-file", str(good))
    status, _out, err = run(
        capsys,
        "export",
        "--assessment",
        "1",
        "--name",
        "Amina Mahamat",
        "--out",
        str(tmp_path / "x.acsgpkg"),
        "--passphrase-file",
        str(bad),
    )
    assert status == 1 and "Wrong passphrase" in err
    assert not (tmp_path / "x.acsgpkg").exists()
