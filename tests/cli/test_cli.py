import json
import subprocess
import sys
from pathlib import Path

import pytest

from acsg_desktop import __version__
from acsg_desktop.cli import main
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.store.migrate import HEAD_REVISION
from tests.core.helpers import damage

PROFILE_ARGS = [
    "profile", "set", "--country", "ne", "--authority", "Commission nationale d'éligibilité",
    "--contact", "Ali Issa", "--email", "ali@example.org", "--language", "fr",
]  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"acsg {__version__}"


def test_info_json_on_a_new_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _err = run(capsys, "--data-dir", str(tmp_path), "info", "--json")
    document = json.loads(out)
    assert status == 0
    assert document["data_dir"] == str(tmp_path.resolve())
    assert document["schema_revision"] == HEAD_REVISION
    assert document["counts"]["authority_profile"] == document["counts"]["assessment"] == 0


def test_profile_set_then_show(capsys: pytest.CaptureFixture[str], isolated_home: Path) -> None:
    status, out, _err = run(capsys, *PROFILE_ARGS)
    assert status == 0 and "Niger" in out
    status, out, _err = run(capsys, "profile", "show", "--json")
    assert status == 0
    assert json.loads(out)["authority_name"] == "Commission nationale d'éligibilité"
    status, out, _err = run(capsys, "profile", "set", "--email", "new@example.org", "--json")
    assert json.loads(out)["email"] == "new@example.org"
    assert json.loads(out)["country_code"] == "NE"  # untouched fields are kept


def test_invalid_profile_exits_1_with_the_message(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, *PROFILE_ARGS[:-4], "--email", "not-an-address")
    assert status == 1 and out == ""
    assert "Enter a valid e-mail address" in err


def test_errors_follow_the_user_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    status, _out, err = run(capsys, "profile", "show")
    assert status == 1
    assert err.startswith("Erreur\u00a0: Aucun profil d'autorité")


def test_db_check_reports_damage_and_exits_1(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    assert run(capsys, *PROFILE_ARGS)[0] == 0
    status, out, _err = run(capsys, "db", "check", "--json")
    assert status == 0 and json.loads(out)["ok"] is True
    damage(database_path(isolated_home), 4096 + 8, b"\xff" * 64)
    status, out, err = run(capsys, "db", "check")
    assert status == 1
    assert "is damaged" in err
    assert database_path(isolated_home).exists()  # checking never moves anything


def test_db_check_without_database(capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(capsys, "db", "check")
    assert status == 1 and "no database" in err


def test_backup_list_and_restore(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, *PROFILE_ARGS)
    status, out, _err = run(capsys, "db", "backup", "--json")
    backup = json.loads(out)["backup"]
    assert status == 0 and Path(backup).is_file()
    status, out, _err = run(capsys, "db", "backups")
    assert out.splitlines()[0].startswith("1 backup in")
    run(capsys, "profile", "set", "--authority", "Changed")
    assert run(capsys, "demo")[0] == 0  # answers and requests made after the backup
    status, out, err = run(capsys, "db", "restore", backup)
    assert status == 0 and "Backup restored." in out
    assert "0 answers" in err and "not in it" in err  # what the backup lacks is said first
    _status, out, _err = run(capsys, "profile", "show", "--json")
    assert json.loads(out)["authority_name"] == "Commission nationale d'éligibilité"


def test_console_script_runs_as_a_program(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "acsg_desktop.cli", "--data-dir", str(tmp_path), "info"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert f"Data folder: {tmp_path.resolve()}" in completed.stdout


def test_demo_then_show_gives_aims_and_ranked_gaps(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = run(capsys, "demo", "--json")
    ids = json.loads(out)
    assert status == 0
    status, out, _err = run(capsys, "assessment", "show", str(ids["baseline"]), "--json")
    document = json.loads(out)
    assert status == 0
    assert set(document["aims"]) == {"fairness", "efficiency", "adaptability", "integrity"}
    assert all(value is not None for value in document["aims"].values())
    priorities = [gap["priority"] for gap in document["gaps"]]
    assert priorities and priorities == sorted(priorities, reverse=True)
    assert document["insufficient_information"]
    status, out, _err = run(capsys, "assessment", "show", str(ids["baseline"]))
    assert "Gaps, most pressing first:" in out and "1. " in out


def test_demo_refuses_a_folder_that_has_assessments(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "demo")[0] == 0
    status, _out, err = run(capsys, "demo")
    assert status == 1 and "already holds assessments" in err


def test_assessment_list_and_csv_in_french(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    run(capsys, "demo")
    status, out, _err = run(capsys, "assessment", "list")
    assert status == 0 and "Référence 2025" in out and "Terminée" in out
    target = tmp_path / "resultats.csv"
    status, _out, _err = run(capsys, "assessment", "export-csv", "1", str(target))
    text = target.read_text(encoding="utf-8-sig")
    header = text.splitlines()[0]
    assert status == 0 and header.startswith("Domaine;Indicateur;Question;Réponse")
    assert len(text.splitlines()) > 90


def test_unknown_assessment_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(capsys, "assessment", "show", "42")
    assert status == 1 and "no assessment 42" in err
