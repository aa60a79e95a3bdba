"""What the CLI prints from files cannot drive the terminal (issue 9, defect 3), and bad
arguments are messages, not tracebacks (defect 8)."""

import json

import pytest

from acsg_desktop.cli import main

EVIL = "Evil\x1b[2J\x1b[1;1HSigned by the Secretariat\u202eTD\x07"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_subject_with_escape_sequences_is_printed_escaped(capsys, tmp_path) -> None:
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("a long enough passphrase")
    package = tmp_path / "out.acsgpkg"
    assert run(capsys, "demo")[0] == 0
    create = ["identity", "create", "--name", EVIL, "--passphrase-file", str(passphrase)]
    assert run(capsys, *create)[0] == 0
    export = ["export", "--assessment", "1", "--out", str(package), "--name", EVIL]
    status, _out, err = run(capsys, *export, "--passphrase-file", str(passphrase))
    assert status == 0, err
    for extra in ([], ["--json"]):
        status, out, err = run(capsys, "verify", str(package), *extra)
        assert status == 0, err
        printed = out + err
        assert "\x1b" not in printed and "\u202e" not in printed and "\x07" not in printed
        assert "\\u001b[2J" in printed
    document = json.loads(run(capsys, "verify", str(package), "--json")[1])
    assert "CN=Evil\x1b[2J" in document["signer"]  # JSON escapes decode to the real subject


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
