"""What the CLI prints from files cannot drive the terminal (issue 9, defect 3), and bad
arguments are messages, not tracebacks (defect 8)."""

import pytest

from acsg_desktop.cli import main

EVIL = "Evil\x1b[2J\x1b[1;1HSigned by the Secretariat\u202eTD\x07"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_name_with_escape_sequences_cannot_become_a_signing_identity(
    capsys, tmp_path, demo_user
) -> None:
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("a long enough passphrase")
    assert run(capsys, "demo")[0] == 0
    create = ["identity", "create", "--passphrase-file", str(passphrase)]
    status, out, err = run(capsys, *demo_user(EVIL), *create)  # as a user of that name
    assert status == 1 and "\\u001b" in err and "\x1b" not in out + err
    create += ["--name", EVIL]  # for someone else, by a signatory
    status, out, err = run(capsys, *demo_user("Fatimé Zakaria"), *create)
    assert status == 1 and "\\u001b" in err and "\x1b" not in out + err


def test_a_foreign_subject_with_escapes_and_line_feeds_is_printed_on_one_line(
    capsys, tmp_path
) -> None:
    from acsg_desktop.core.envelope.writer import envelope_bytes
    from acsg_desktop.core.signing.keys import certificate_pem, create_identity

    evil = create_identity(EVIL, "Valdoria\nSigned by the Secretariat; fingerprint 0000", "XA")
    package = tmp_path / "evil.acsgpkg"
    listed = {name: b"x" for name in ("package.json", "report.pdf", "manifest.json", "VERIFY.txt")}
    package.write_bytes(envelope_bytes(listed, evil))
    trust = tmp_path / "other.pem"
    trust.write_bytes(certificate_pem(create_identity("Desk", "Secretariat", "CH").certificate))
    for extra in ([], ["--trust", str(trust)], ["--json"]):
        _status, out, err = run(capsys, "verify", str(package), *extra)
        printed = out + err
        assert "\x1b" not in printed and "\u202e" not in printed and "\x07" not in printed
        assert "\nSigned by the Secretariat" not in printed  # no line of its own


def test_a_missing_trust_file_is_a_message(capsys, tmp_path) -> None:
    status, _out, err = run(
        capsys, "verify", str(tmp_path / "none.acsgpkg"), "--trust", str(tmp_path / "nope.pem")
    )
    assert status == 1 and "nope.pem" in err and "Traceback" not in err
    empty = tmp_path / "empty.pem"
    empty.write_text("no certificate here")
    status, _out, err = run(capsys, "verify", str(tmp_path / "x"), "--trust", str(empty))
    assert status == 1 and "holds no PEM certificate" in err


def test_verifying_a_file_that_is_not_there_is_a_message(capsys, tmp_path) -> None:
    status, _out, err = run(capsys, "verify", str(tmp_path / "none.acsgpkg"))
    assert status == 1 and "cannot be read" in err and "Traceback" not in err
