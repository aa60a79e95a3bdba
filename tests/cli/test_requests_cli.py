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
    assert json.loads(out)["people"] == [{"name": "Moussa Ali", "roles": ["reviewer", "signatory"]}]
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
