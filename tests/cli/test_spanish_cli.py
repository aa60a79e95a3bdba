"""Spanish from the command line (issue 18): a demo in Spanish, a Spanish report that verifies
like the others, and a Spanish search that finds the backlog guide."""

import json
import zipfile
from pathlib import Path

import pytest

from acsg_desktop.cli import main
from acsg_desktop.core.i18n import set_language

SIGNATORY = "Fatimé Zakaria"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_rezago_finds_the_backlog_guide(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "guides", "search", "rezago", "--lang", "es")
    assert status == 0, err
    first = out.splitlines()[0]
    assert "backlog-reduction-plan" in first and "rezago" in first


def test_a_spanish_report_is_signed_and_verifies(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    demo_user,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("a long enough passphrase\n")
    assert run(capsys, "demo", "--lang", "es")[0] == 0
    user = demo_user(SIGNATORY)
    status, _out, err = run(
        capsys, *user, "identity", "create", "--passphrase-file", str(passphrase)
    )
    assert status == 0, err
    package = tmp_path / "es.acsgpkg"
    status, out, err = run(
        capsys, *user, "export", "--assessment", "1", "--out", str(package),
        "--passphrase-file", str(passphrase), "--lang", "es", "--json",
    )  # fmt: skip
    assert status == 0, err
    assert json.loads(out)["language"] == "es"
    with zipfile.ZipFile(package) as archive:
        content = json.loads(archive.read("package.json"))
        verify_text = archive.read("VERIFY.txt").decode("utf-8")
    assert content["language"] == "es"
    assert "Comisión Nacional de Asilo de Valdoria" in content["authority"]["name"]
    assert all(word in verify_text for word in ("English", "Français", "Español"))
    monkeypatch.setenv("LANGUAGE", "es")
    set_language("es")
    status, out, err = run(capsys, "verify", str(package))
    set_language("en")
    assert status == 0, err
    assert "Todo está en orden." in out
