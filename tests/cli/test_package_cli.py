import json
import zipfile

import pytest

from acsg_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_demo_identity_export_verify_then_tamper(
    capsys: pytest.CaptureFixture[str], tmp_path, demo_user
) -> None:
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("a long enough passphrase\n")
    package = tmp_path / "out.acsgpkg"
    assert run(capsys, "demo")[0] == 0
    status, out, _err = run(
        capsys,
        *demo_user("Fatimé Zakaria"),
        "identity",
        "create",
        "--passphrase-file",
        str(passphrase),
        "--json",
    )
    assert status == 0 and len(json.loads(out)["fingerprint"].split()) == 16
    status, out, err = run(
        capsys,
        *demo_user("Fatimé Zakaria"),
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


def test_export_refuses_a_wrong_passphrase(
    capsys: pytest.CaptureFixture[str], tmp_path, demo_user
) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("a long enough passphrase")
    bad.write_text("not the right one")
    run(capsys, "demo")
    signed_in = demo_user("Amina Mahamat")
    run(capsys, *signed_in, "identity", "create", "--passphrase-file", str(good))
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


def test_csr_certificate_import_passphrase_change_and_export(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    from acsg_desktop.core.signing.keys import certificate_pem, create_identity

    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("a long enough passphrase")
    new.write_text("another long passphrase")
    run(
        capsys,
        "profile",
        "set",
        "--country",
        "TD",
        "--authority",
        "Commission",
        "--contact",
        "Amina",
        "--email",
        "a@example.org",
    )
    base = ["--name", "Amina"]
    assert run(capsys, "identity", "create", *base, "--passphrase-file", str(old))[0] == 0
    csr_path = tmp_path / "amina.csr"
    assert (
        run(
            capsys, "identity", "csr", *base, "--passphrase-file", str(old), "--out", str(csr_path)
        )[0]
        == 0
    )
    request = x509.load_pem_x509_csr(csr_path.read_bytes())
    secretariat = create_identity("CA", "ACSG Secretariat (test only)", "CH")
    now = secretariat.certificate.not_valid_before_utc
    issued = (
        x509.CertificateBuilder()
        .subject_name(request.subject)
        .issuer_name(secretariat.certificate.subject)
        .public_key(request.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(secretariat.certificate.not_valid_after_utc)
        .sign(secretariat.key, hashes.SHA256())
    )
    cert_path = tmp_path / "issued.pem"
    cert_path.write_bytes(certificate_pem(issued))
    status, _out, err = run(
        capsys, "identity", "import-cert", *base, "--passphrase-file", str(old), str(cert_path)
    )
    assert status == 0, err
    assert (
        run(
            capsys,
            "identity",
            "passphrase",
            *base,
            "--passphrase-file",
            str(old),
            "--new-passphrase-file",
            str(new),
        )[0]
        == 0
    )
    status, _out, err = run(
        capsys, "identity", "csr", *base, "--passphrase-file", str(old), "--out", str(csr_path)
    )
    assert status == 1 and "Wrong passphrase" in err
    exported = tmp_path / "mine.pem"
    assert run(capsys, "identity", "export-cert", *base, "--out", str(exported))[0] == 0
    mine = x509.load_pem_x509_certificate(exported.read_bytes())
    assert mine.issuer.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "CA"
