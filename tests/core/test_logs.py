"""The log file, and unexpected errors in the CLI: one translated line, the traceback in the log."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from acsg_desktop.cli import main
from acsg_desktop.core import logs
from acsg_desktop.core.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "a long enough passphrase"
SIGNATORY = "Fatimé Zakaria"


@pytest.fixture(autouse=True)
def closed_log() -> Iterator[None]:
    yield
    logs.stop_logging()


def test_records_go_to_a_rotating_utf8_file_in_the_data_folder(isolated_home: Path) -> None:
    path = logs.configure_logging(isolated_home)
    assert path == isolated_home / "logs" / "acsg.log"
    assert not path.parent.exists(), "nothing is created until something is logged"
    logging.getLogger("acsg_desktop.test").warning("équité %s", "✓")
    assert "équité ✓" in path.read_text(encoding="utf-8")
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "path", None) == path)
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert (handler.maxBytes, handler.backupCount) == (1_000_000, 5)


def test_configuring_again_moves_the_log_without_duplicating_records(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    logs.configure_logging(first)
    logs.configure_logging(second)
    logs.configure_logging(second)
    logging.getLogger("acsg_desktop.test").warning("only once")
    assert not logs.log_file(first).exists()
    assert logs.log_file(second).read_text(encoding="utf-8").count("only once") == 1


def test_library_tracebacks_never_reach_a_stderr_handler(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = logging.StreamHandler(sys.stderr)
    logging.getLogger().addHandler(terminal)  # as logging.basicConfig() would
    try:
        logs.configure_logging(isolated_home)
        try:
            raise ValueError("path building failed")
        except ValueError as error:
            logging.getLogger("pyhanko.sign.validation").warning("refused", exc_info=error)
            logging.getLogger("pyhanko_certvalidator").warning("refused too", exc_info=error)
    finally:
        logging.getLogger().removeHandler(terminal)
    assert capsys.readouterr().err == ""
    text = logs.log_file(isolated_home).read_text(encoding="utf-8")
    assert "Traceback" in text and "ValueError: path building failed" in text


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_an_unexpected_error_is_one_line_naming_the_log_and_status_70(
    isolated_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_folder: Path, *_args: object, **_options: object) -> Workspace:
        raise KeyError("a bug")

    monkeypatch.setattr(Workspace, "open", broken)
    status, out, err = run(capsys, "info")
    log_path = isolated_home / "logs" / "acsg.log"
    assert status == logs.UNEXPECTED_EXIT_STATUS == 70
    assert out == "" and err.count("\n") == 1 and str(log_path) in err
    assert "Traceback" not in err and "KeyError" not in err
    text = log_path.read_text(encoding="utf-8")
    assert "Traceback" in text and "KeyError: 'a bug'" in text


def test_with_no_writable_log_the_line_still_says_what_failed(
    isolated_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    isolated_home.mkdir(parents=True)
    (isolated_home / "logs").write_text("a file where the log folder should be")

    def broken(_folder: Path, *_args: object, **_options: object) -> Workspace:
        raise RuntimeError("disk\x1b[2Jgone")

    monkeypatch.setattr(Workspace, "open", broken)
    status, _out, err = run(capsys, "info")
    assert status == 70 and err.count("\n") == 1
    assert "RuntimeError: disk\\x1b[2Jgone" in err and "Traceback" not in err


def test_our_errors_keep_their_message_and_status(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = run(capsys, "db", "check")
    assert status == 1 and err.startswith("Error: There is no database in")
    assert not logs.log_file(isolated_home).exists()


def test_ctrl_c_ends_the_command_quietly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(_folder: Path, *_args: object, **_options: object) -> Workspace:
        raise KeyboardInterrupt

    monkeypatch.setattr(Workspace, "open", interrupted)
    status, _out, err = run(capsys, "info")
    assert status == 130 and err == ""


def foreign_signed_package(capsys: pytest.CaptureFixture[str], folder: Path) -> Path:
    """A package whose report is PAdES-signed by "Mallory", its SHA256SUMS by the real signer."""
    from acsg_desktop.core.demo.requests import DEMO_PASSPHRASE
    from acsg_desktop.core.package.identities import IdentityStore
    from acsg_desktop.core.package.pdf_finish import sign_pdf
    from acsg_desktop.core.signing.cms import sign_detached
    from acsg_desktop.core.signing.keys import create_identity

    passphrase = folder / "pass.txt"
    passphrase.write_text(PASSPHRASE)
    package = folder / "good.acsgpkg"
    account = folder / "account.txt"  # the demo office signs in
    account.write_text(DEMO_PASSPHRASE)
    signed_in = ["--user", SIGNATORY, "--user-passphrase-file", str(account)]
    assert run(capsys, "demo")[0] == 0
    run(capsys, *signed_in, "identity", "create", "--passphrase-file", str(passphrase))
    status, _out, err = run(
        capsys, *signed_in, "export", "--assessment", "1", "--out", str(package),
        "--passphrase-file", str(passphrase),
    )  # fmt: skip
    assert status == 0, err
    with zipfile.ZipFile(package) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    pdf = entries["report.pdf"]
    unsigned = pdf[: pdf.index(b"%%EOF") + len(b"%%EOF\n")]
    entries["report.pdf"] = sign_pdf(unsigned, create_identity("Mallory", "Other", "FR"))
    # SHA256SUMS made again over the new report, and signed by the real signer.
    listed = {n: d for n, d in entries.items() if not n.startswith("SHA256SUMS")}
    sums = "".join(f"{hashlib.sha256(d).hexdigest()}  {n}\n" for n, d in sorted(listed.items()))
    identity = IdentityStore(Path(os.environ["ACSG_HOME"])).unlock(SIGNATORY, PASSPHRASE.encode())
    listed["SHA256SUMS"] = sums.encode()
    listed["SHA256SUMS.p7s"] = sign_detached(sums.encode(), identity)
    foreign = folder / "foreign.acsgpkg"
    with zipfile.ZipFile(foreign, "w") as archive:
        for name, data in listed.items():
            archive.writestr(name, data)
    return foreign


def test_verifying_a_foreign_signed_report_prints_nothing_from_pyhanko(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_home: Path
) -> None:
    package = foreign_signed_package(capsys, tmp_path)
    # A fresh interpreter: no pytest handler on the root logger to hide what logging would print.
    result = subprocess.run(
        [sys.executable, "-m", "acsg_desktop.cli", "verify", str(package)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "ACSG_HOME": str(isolated_home)},
        check=False,
    )
    for noise in ("Traceback", "pyhanko", "Validation error"):
        assert noise not in result.stderr, result.stderr
    # Only the verifier's own "entry: check: message" lines.
    for line in result.stderr.splitlines():
        assert re.match(r"[\w.()]+: [\w-]+: ", line), result.stderr
