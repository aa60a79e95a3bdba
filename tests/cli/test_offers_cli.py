"""`acsg offers ...` on the demo: suggestions with reasons, the unmet needs, refusals."""

import json
from pathlib import Path

import pytest

from acsg_desktop.cli import main
from acsg_desktop.core.signing.keys import certificate_pem, create_identity, to_pkcs12


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_suggest_lists_each_gap_with_reasons_and_the_unmet_needs(capsys) -> None:
    run(capsys, "demo")
    status, out, _err = run(capsys, "offers", "suggest", "--assessment", "1", "--json")
    document = json.loads(out)
    assert status == 0 and document["catalogue"] == {"version": 0, "illustrative": True}
    gaps = document["gaps"]
    assert gaps and all(offer["fits"] for gap in gaps for offer in gap["offers"])
    listed = json.loads(run(capsys, "offers", "list", "--json")[1])["offers"]
    offers = {offer["id"]: offer for offer in listed}
    for gap in gaps:
        for suggested in gap["offers"]:
            offer = offers[suggested["offer"]]
            assert offer["status"] == "open"
            scope = offer["scope"]
            assert scope["any_region"] or "west-central-africa" in scope["regions"]
            if gap["wanted_types"]:
                assert set(offer["support_types"]) & set(gap["wanted_types"])
            texts = [fit["text"] for fit in suggested["fits"]]
            assert any(text.startswith("same area: ") for text in texts)
    unmet = [gap["indicator"] for gap in gaps if not gap["offers"]]
    assert document["unmet_needs"] == unmet and unmet
    status, out, _err = run(capsys, "offers", "unmet", "--assessment", "1", "--json")
    assert [gap["indicator"] for gap in json.loads(out)["unmet_needs"]] == unmet


def test_list_filters_show_and_the_illustrative_warning(capsys) -> None:
    run(capsys, "demo")
    status, out, _err = run(capsys, "offers", "list", "--lang", "es", "--json")
    assert status == 0 and all("es" in o["languages"] for o in json.loads(out)["offers"])
    status, out, _err = run(capsys, "offers", "list", "--status", "closed")
    assert out.startswith("Illustrative example offers, not real ones")
    assert len(out.strip().splitlines()) == 1 + 4
    status, out, _err = run(capsys, "offers", "show", "EX-OFR-002")
    assert status == 0 and "Where: " in out and "Period: " in out
    status, _out, err = run(capsys, "offers", "show", "NOPE-1")
    assert status == 1 and "There is no offer NOPE-1" in err


def test_a_catalogue_from_an_untrusted_key_or_older_changes_nothing(
    capsys, tmp_path: Path, isolated_home
) -> None:
    run(capsys, "demo")
    secretariat = create_identity("Offers editor", "ACSG Secretariat (test only)", "CH")
    stranger = create_identity("Mallory", "Not the Secretariat", "FR")
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("a long test passphrase\n")
    trust = tmp_path / "secretariat.pem"
    trust.write_bytes(certificate_pem(secretariat.certificate))
    source = tmp_path / "catalogue"
    source.mkdir()
    document = json.loads(run(capsys, "offers", "list", "--json")[1])
    offers_json = {"format": "acsg-offers/1", "illustrative": False, "offers": document["offers"]}
    (source / "offers.json").write_text(json.dumps(offers_json))
    files = {}
    for name, identity, version in (
        ("good", secretariat, 2),
        ("bad", stranger, 3),
        ("old", secretariat, 1),
    ):
        key = tmp_path / f"{name}.p12"
        key.write_bytes(to_pkcs12(identity, b"a long test passphrase", name))
        files[name] = tmp_path / f"{name}.acsgoffers"
        status, _out, err = run(
            capsys,
            "offers",
            "build-catalogue",
            str(source),
            "--key",
            str(key),
            "--passphrase-file",
            str(passphrase),
            "--version",
            str(version),
            "--out",
            str(files[name]),
        )
        assert status == 0, err
    before = run(capsys, "offers", "list", "--json")[1]
    status, _out, err = run(capsys, "offers", "import", str(files["bad"]), "--trust", str(trust))
    assert status == 1 and err and run(capsys, "offers", "list", "--json")[1] == before
    status, _out, err = run(capsys, "offers", "import", str(files["good"]), "--trust", str(trust))
    assert status == 0, err
    installed = run(capsys, "offers", "list", "--json")[1]
    assert json.loads(installed)["catalogue"] == {"version": 2, "illustrative": False}
    status, _out, err = run(capsys, "offers", "import", str(files["old"]), "--trust", str(trust))
    assert status == 1 and "older than the installed one (2)" in err
    assert run(capsys, "offers", "list", "--json")[1] == installed


def test_the_reply_and_the_interest_from_the_command_line(capsys, demo_user) -> None:
    run(capsys, "demo")
    status, out, _err = run(
        capsys, *demo_user("Idriss Abakar"), "offers", "interest", "1", "EX-OFR-002", "--json"
    )
    assert status == 0 and "EX-OFR-002" in json.loads(out)["offers_of_interest"]
    status, _out, err = run(
        capsys, *demo_user("Fatimé Zakaria"), "request", "reply", "3", "proposed"
    )
    assert status == 1 and "Only an exported request" in err
