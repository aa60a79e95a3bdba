"""The Secretariat's desk window: a USB stick of packages received in the background (one
tampered, one replayed), decisions on the held one, the dashboard's heat map and tables with
their CSV, a receipt the authority imports, the desk's certificates, and its first start."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.records.desk import PackageState
from acsg_desktop.core.records.requests import MatchStage
from acsg_desktop.core.signing.keys import certificate_pem, fingerprint
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui import app
from acsg_desktop.gui.desk.certify_dialog import CertifyDialog
from acsg_desktop.gui.desk.data_view import rows_csv
from acsg_desktop.gui.desk.desk_window import DeskWindow
from acsg_desktop.gui.desk.key_dialog import DeskKeyDialog
from acsg_desktop.gui.desk.package_table_model import COL_STATE
from acsg_desktop.gui.desk.receipt_dialog import ReceiptDialog
from acsg_desktop.gui.language import LanguageSwitcher
from tests.core.desk.test_desk_chain import AUTHORITIES, PASSPHRASE, SIGNATORY, export_from
from tests.core.desk.test_desk_trust import export_again

DESK_PASSPHRASE = "the desk's own long passphrase"
OFFICER = "Desk officer"


@pytest.fixture(scope="module")
def field(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Three authorities' folders and a stick: their packages, a later Chad package (so the
    earlier one sorts after it and is held as a replay) and a tampered copy of Niger's."""
    root = tmp_path_factory.mktemp("desk-gui-field")
    stick = root / "stick"
    stick.mkdir()
    for country, name in AUTHORITIES:
        export_from(root / country, country, name, stick / f"b-{country}.acsgpkg")
    export_again(root / "TD", stick / "a-TD-later.acsgpkg", "Interpreters for the east")
    tampered = stick / "c-tampered.acsgpkg"
    with zipfile.ZipFile(stick / "b-NE.acsgpkg") as source, zipfile.ZipFile(tampered, "w") as out:
        for name in source.namelist():
            data = source.read(name)
            if name == "package.json":
                data = data.replace(b'"overall": ', b'"overall": 9', 1)
            out.writestr(name, data)
    return {"root": root, "stick": stick}


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[DeskWorkspace]:
    with DeskWorkspace.open(tmp_path / "desk") as opened:
        opened.trust.create(OFFICER, DESK_PASSPHRASE.encode())
        yield opened


@pytest.fixture
def window(qtbot: QtBot, desk: DeskWorkspace, language: LanguageSwitcher) -> DeskWindow:
    shown = DeskWindow(desk, language)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    return shown


def receive_stick(qtbot: QtBot, window: DeskWindow, monkeypatch, stick: Path) -> list[tuple]:
    """Receive the stick through "Receive a folder…"; the progress reported on the way."""
    page = window.received_page
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(stick))
    seen: list[tuple] = []
    page.progress_relay.moved.connect(lambda *args: seen.append(args))
    page.buttons["folder"].click()
    assert page.progress is not None and page.progress.isVisible()
    qtbot.waitUntil(lambda: page.results_dialog is not None, timeout=30000)
    return seen


def states(window: DeskWindow) -> dict[tuple[str, int], str]:
    model = window.received_page.model
    return {
        (model.row_at(row).country, model.row_at(row).sequence): model.index(row, COL_STATE).data()
        for row in range(model.rowCount())
    }


def select(window: DeskWindow, country: str, sequence: int) -> None:
    page = window.received_page
    for row in range(page.model.rowCount()):
        package = page.model.row_at(row)
        if (package.country, package.sequence) == (country, sequence):
            page.table.selectRow(row)
            return
    raise AssertionError(f"no package {country} {sequence}")


def test_a_stick_is_received_in_the_background_with_a_result_per_file(
    qtbot: QtBot, window: DeskWindow, field, monkeypatch
) -> None:
    seen = receive_stick(qtbot, window, monkeypatch, field["stick"])
    page = window.received_page
    assert seen[-1] == (5, 5, "c-tampered.acsgpkg") and len(seen) == 5
    assert page.progress is None  # closed once the intake ended
    results = {name: (outcome, reason) for name, outcome, reason in page.results_dialog.outcomes()}
    assert {name: outcome for name, (outcome, _r) in results.items()} == {
        "a-TD-later.acsgpkg": "Accepted",
        "b-MX.acsgpkg": "Accepted",
        "b-NE.acsgpkg": "Accepted",
        "b-TD.acsgpkg": "Held",
        "c-tampered.acsgpkg": "Refused",
    }
    assert "package.json" in results["c-tampered.acsgpkg"][1]
    assert "replay" in results["b-TD.acsgpkg"][1]
    assert states(window) == {
        ("TD", 2): "Accepted",
        ("TD", 1): "Held: possible replay",
        ("NE", 1): "Accepted",
        ("MX", 1): "Accepted",
    }
    assert page.message.text().startswith("Files: 5. Accepted: 3, held: 1")
    page.results_dialog.close()
    again = receive_stick(qtbot, window, monkeypatch, field["stick"] / "b-MX.acsgpkg")
    assert len(again) == 1
    assert page.results_dialog.outcomes()[0][1] == "Already received"


def test_a_held_package_waits_for_a_decision_with_a_reason(
    qtbot: QtBot, window: DeskWindow, desk: DeskWorkspace, field, monkeypatch
) -> None:
    receive_stick(qtbot, window, monkeypatch, field["stick"])
    page = window.received_page
    select(window, "MX", 1)
    assert not page.buttons["accept"].isEnabled() and page.buttons["receipt"].isEnabled()
    select(window, "TD", 1)
    assert page.buttons["accept"].isEnabled() and page.buttons["reject"].isEnabled()
    assert "not after 2" in page.details.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("   ", True))
    page.buttons["reject"].click()
    assert "Say why" in page.message.text()
    assert states(window)[("TD", 1)] == "Held: possible replay"
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("An old copy.", True))
    page.buttons["reject"].click()
    assert states(window)[("TD", 1)] == "Rejected"
    assert "Decided by Desk officer." in page.details.text()
    assert not page.buttons["reject"].isEnabled()  # the choice stays on the decided package
    held = [p for p in desk.packages.packages() if p.sequence == 1 and p.country == "TD"]
    assert held[0].state is PackageState.REJECTED and held[0].decided_by == OFFICER


def test_the_dashboard_shows_each_country_in_the_heat_map_and_tables_with_csv(
    qtbot: QtBot, window: DeskWindow, field, monkeypatch, tmp_path: Path
) -> None:
    receive_stick(qtbot, window, monkeypatch, field["stick"])
    window.show_area(1)
    dashboard = window.dashboard_page
    heat_map = dashboard.area_scores.heat_map
    assert heat_map.row_count() == 3
    assert [row.label for row in heat_map.rows] == ["Chad", "Mexico", "Niger"]
    assert len(heat_map.columns) == 21
    cell = QPoint(heat_map._label_width() + 2, heat_map._header_height() + 2)
    assert heat_map.tooltip_at(cell).startswith("Chad, area 1, Legal and policy framework: ")
    assert "Mexico: Legal and policy framework: " in heat_map.accessibleDescription()
    submissions = dashboard.views["submissions"]
    assert submissions.table.rowCount() == 3
    chad = [submissions.table.item(0, column).text() for column in range(5)]
    assert chad[0] == "Chad" and chad[3:5] == ["2", "1"]  # two packages, one of them held
    unmet = dashboard.views["unmet_area"]
    assert unmet.headers == ["Area", "Unmet needs", "Open offers"] and unmet.rows
    assert dashboard.need_bars.rows and all(
        offers == 0 for _a, _u, offers in dashboard.need_bars.rows
    )
    target = tmp_path / "submissions.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    submissions.export_button.click()
    lines = target.read_text("utf-8-sig").splitlines()
    assert lines[0].startswith("Country,Authority,Year,Packages") and len(lines) == 4
    assert "Exported to" in submissions.message.text()
    briefing = tmp_path / "briefing.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(briefing), ""))
    dashboard.briefing_button.click()
    assert (
        briefing.read_bytes().startswith(b"%PDF") and "Briefing written" in dashboard.summary.text()
    )


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted() -> None:
    text = rows_csv(["Authority", "Score"], [["=HYPERLINK(1)", "-3"], ["@SUM", "45"]])
    assert text.splitlines() == ["Authority,Score", "'=HYPERLINK(1),'-3", "'@SUM,45"]


def answer_receipt(stage: MatchStage, message: str):
    def answer(dialog: ReceiptDialog) -> int:
        dialog.stages[0].setCurrentIndex(dialog.stages[0].findData(stage.value))
        dialog.messages[0].setText(message)
        dialog.passphrase.setText(DESK_PASSPHRASE)
        dialog._accept_if_complete()
        return dialog.result()

    return answer


def test_a_receipt_from_the_desk_is_imported_by_the_authority(
    qtbot: QtBot, window: DeskWindow, desk: DeskWorkspace, field, monkeypatch, tmp_path: Path
) -> None:
    receive_stick(qtbot, window, monkeypatch, field["stick"])
    page = window.received_page
    select(window, "NE", 1)
    out = tmp_path / "ne.acsgreceipt"
    monkeypatch.setattr(ReceiptDialog, "exec", answer_receipt(MatchStage.AGREED, "Two partners."))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    page.buttons["receipt"].click()
    assert page.message.text() == f"Receipt written to {out}"
    dialog = ReceiptDialog(page.selected_package(), page)  # the stage sent is shown next time
    assert dialog.table.item(0, 2).text() == "Agreed (planning)"
    request_id = int(dialog.requests[0]["id"])
    copy = Path(shutil.copytree(field["root"] / "NE", tmp_path / "NE"))
    with Workspace.open(copy) as workspace:
        workspace.receipts.import_receipt(out, [desk.trust.certificate()], actor=SIGNATORY)
        request = workspace.requests.get(request_id)
    assert request.match_stage is MatchStage.AGREED and request.match_message == "Two partners."


def test_a_message_without_a_stage_keeps_the_receipt_dialog_open(desk, field, qtbot) -> None:
    desk.intake.intake([field["stick"] / "b-MX.acsgpkg"], actor=OFFICER)
    dialog = ReceiptDialog(desk.packages.packages()[0])
    qtbot.addWidget(dialog)
    assert dialog.stages[0].currentText() == "No change" and not dialog.ok_button.isEnabled()
    dialog.messages[0].setText("A message alone.")
    dialog.passphrase.setText(DESK_PASSPHRASE)
    dialog.ok_button.click()
    assert dialog.result() == 0 and "no match stage" in dialog.error.text()
    assert dialog.replies() == {}


def test_the_certificates_page_saves_certifies_and_revokes(
    qtbot: QtBot, window: DeskWindow, desk: DeskWorkspace, field, monkeypatch, tmp_path: Path
) -> None:
    window.show_area(2)
    page = window.certificates_page
    assert page.fingerprint.text() == fingerprint(desk.trust.certificate())
    saved = tmp_path / "desk.pem"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(saved), ""))
    page.buttons["save"].click()
    assert saved.read_bytes() == certificate_pem(desk.trust.certificate())
    csr = tmp_path / "ne.csr"
    csr.write_bytes(IdentityStore(field["root"] / "NE").signing_request(SIGNATORY, PASSPHRASE))
    issued_pem = tmp_path / "ne-certificate.pem"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(csr), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(issued_pem), ""))

    def certify(dialog: CertifyDialog) -> int:
        assert "Commission nationale d'éligibilité (test)" in dialog.intro.text()
        dialog.days.setValue(365)
        dialog.passphrase.setText(DESK_PASSPHRASE)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CertifyDialog, "exec", certify)
    page.buttons["certify"].click()
    issued = x509.load_pem_x509_certificate(issued_pem.read_bytes())
    assert issued.issuer == desk.trust.certificate().subject
    assert page.table.rowCount() == 1 and page.table.item(0, 1).text() == "Niger"
    page.table.selectRow(0)
    assert page.buttons["revoke"].isEnabled() and "Fingerprint: " in page.details.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Key lost.", True))
    page.buttons["revoke"].click()
    assert desk.trust.certificates()[0].revoked_at is not None
    page.table.selectRow(0)
    assert not page.buttons["revoke"].isEnabled() and "Key lost." in page.details.text()


def test_a_second_key_for_one_authority_is_certified_only_once_confirmed(
    window: DeskWindow, desk: DeskWorkspace, monkeypatch, tmp_path: Path
) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    from tests.core.desk.test_certify_known_keys import NIGER, request_for

    desk.trust.certify(
        request_for(ec.generate_private_key(ec.SECP256R1()), NIGER),
        DESK_PASSPHRASE.encode(),
        actor="D",
    )
    window.show_area(2)
    page = window.certificates_page
    csr, issued_pem = tmp_path / "second.csr", tmp_path / "second.pem"
    csr.write_bytes(request_for(ec.generate_private_key(ec.SECP256R1()), NIGER))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(csr), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(issued_pem), ""))

    def certify(dialog: CertifyDialog) -> int:
        dialog.passphrase.setText(DESK_PASSPHRASE)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CertifyDialog, "exec", certify)
    asked: list[str] = []
    for answer in (QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes):
        monkeypatch.setattr(
            QMessageBox, "question", lambda _p, _t, text, *_a, a=answer: asked.append(text) or a
        )
        page.buttons["certify"].click()
        if answer == QMessageBox.StandardButton.No:
            assert "second key was not confirmed" in page.message.text()
            assert not issued_pem.exists() and len(desk.trust.certificates()) == 1
    assert len(asked) == 2 and "already holds an active certificate" in asked[0]
    assert issued_pem.exists() and len(desk.trust.certificates()) == 2
    assert page.table.rowCount() == 2


def test_a_revocation_planned_for_later_says_the_certificate_is_valid_until_then(
    window: DeskWindow, desk: DeskWorkspace
) -> None:
    from datetime import UTC, datetime, timedelta

    from cryptography.hazmat.primitives.asymmetric import ec

    from tests.core.desk.test_certify_known_keys import NIGER, request_for

    issued = desk.trust.certify(
        request_for(ec.generate_private_key(ec.SECP256R1()), NIGER),
        DESK_PASSPHRASE.encode(),
        actor="D",
    )
    handover = datetime.now(UTC) + timedelta(days=7)
    desk.trust.revoke(issued.serial, "Handover.", actor="D", at=handover)
    window.show_area(2)
    page = window.certificates_page
    page.refresh()
    page.table.selectRow(0)
    assert "(still valid until then): Handover." in page.details.text()
    assert "Revoked on" not in page.details.text()
    assert page.buttons["revoke"].isEnabled()  # a key lost before the handover: revoke it now


def test_french_relabels_the_open_window_and_a_french_start(
    qtbot: QtBot, window: DeskWindow, desk: DeskWorkspace, language: LanguageSwitcher
) -> None:
    model = window.received_page.model
    assert model.headerData(COL_STATE, Qt.Orientation.Horizontal) == "State"
    submissions = window.dashboard_page.views["submissions"]
    language.apply("fr", remember=False)  # Qt posts the LanguageChange events
    qtbot.waitUntil(lambda: submissions.headers[2] == "Année")
    assert model.headerData(COL_STATE, Qt.Orientation.Horizontal) == "État"
    assert submissions.table.horizontalHeaderItem(2).text() == "Année"
    assert window.go_menu.title() == "&Aller à" and window.file_menu.title() == "&Fichier"
    language.apply("en", remember=False)
    qtbot.waitUntil(lambda: submissions.headers[2] == "Year")
    language.apply("fr", remember=False)
    started = DeskWindow(desk, language)
    qtbot.addWidget(started)
    assert started.dashboard_page.views["submissions"].headers[2] == "Année"


def test_the_first_start_asks_for_the_holder_and_the_passphrase_twice(
    qtbot: QtBot, tmp_path: Path, language: LanguageSwitcher
) -> None:
    with DeskWorkspace.open(tmp_path / "new-desk") as desk:
        dialog = DeskKeyDialog(desk.trust)
        qtbot.addWidget(dialog)
        dialog.name.setText("Hana Okafor")
        dialog.passphrase.setText(DESK_PASSPHRASE)
        dialog.again.setText(DESK_PASSPHRASE + "x")
        dialog.save()
        assert "differ" in dialog.error.text() and not desk.trust.exists()
        dialog.passphrase.setText("short")
        dialog.again.setText("short")
        dialog.save()
        assert "at least 12" in dialog.error.text() and not desk.trust.exists()
        dialog.passphrase.setText(DESK_PASSPHRASE)
        dialog.again.setText(DESK_PASSPHRASE)
        dialog.save()
        assert dialog.result() == QDialog.DialogCode.Accepted and desk.trust.exists()
        assert "CN=Hana Okafor" in desk.trust.certificate().subject.rfc4514_string()


def test_the_secretariat_option_opens_the_desk_folder_not_the_authoritys(
    qtbot: QtBot, tmp_path: Path, language: LanguageSwitcher, monkeypatch
) -> None:
    args, _rest = app.parse_arguments(["--secretariat", "--data-dir", str(tmp_path / "d")])
    assert args.secretariat and args.data_dir == str(tmp_path / "d")
    asked: list[bool] = []
    monkeypatch.setattr(DeskKeyDialog, "exec", lambda _d: asked.append(True) or 0)
    assert app._run(tmp_path / "desk", [], secretariat=True) == 0  # the holder cancelled
    assert asked and not (tmp_path / "desk" / "desk-key.p12").exists()
    with DeskWorkspace.open(tmp_path / "desk") as desk:
        desk.trust.create(OFFICER, DESK_PASSPHRASE.encode())
    qapp = QApplication.instance()
    monkeypatch.setattr(qapp, "exec", lambda: 0)
    assert app._run(tmp_path / "desk", [], secretariat=True) == 0
    folder = str((tmp_path / "desk").resolve())
    [shown] = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, DeskWindow) and folder in w.folder_label.text()
    ]
    assert shown.windowTitle() == "ACSG Desk (Secretariat)" and shown.isVisible()
    shown.close()
    shown.deleteLater()


def visible_mnemonics(window: DeskWindow) -> list[str]:
    texts = [action.text() for action in window.menuBar().actions()]
    for widget in window.findChildren(QAbstractButton):
        if widget.isVisibleTo(window):
            texts.append(widget.text())
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window) and label.buddy() is not None:
            texts.append(label.text())
    return [text.split("&", 1)[1][0].lower() for text in texts if "&" in text.replace("&&", "")]


def test_every_page_fits_1366_by_768_with_unique_mnemonics(window: DeskWindow) -> None:
    for row in range(window.pages.count()):
        window.show_area(row)
        keys = visible_mnemonics(window)
        assert len(keys) == len(set(keys)), (row, sorted(keys))
        assert window.minimumSizeHint().width() <= 1366, row
        assert window.minimumSizeHint().height() <= 768, row


def test_publishing_offers_signs_the_next_version_and_the_desk_holds_them(
    window: DeskWindow, desk: DeskWorkspace, monkeypatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from acsg_desktop.core.offers.catalogue import example_catalogue_path

    window.show_area(2)
    box = window.certificates_page.publish_box
    target = tmp_path / "offers.acsgoffers"
    source = (str(example_catalogue_path()), "")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: source)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("wrong passphrase", True))
    box.buttons["offers"].click()
    assert box.message.text().startswith("Not published:") and not target.exists()
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (DESK_PASSPHRASE, True))
    box.buttons["offers"].click()
    assert box.message.text() == f"Version 1 written to {target}" and target.exists()
    assert desk.publisher.last_version("offers") == 1
    assert sum(desk.packages.overview().open_offers_by_area.values()) > 0
