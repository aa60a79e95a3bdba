from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow

PASSPHRASE = "a long enough passphrase"


def test_create_identity_export_in_background_mark_sent_and_verify(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path, monkeypatch
) -> None:
    create_demo(workspace, "en")
    workspace.set_current_user("Fatimé Zakaria")
    window = MainWindow(workspace, language)
    qtbot.addWidget(window)
    window.show()
    page = window.packages_page
    window.show_area(window.pages.indexOf(page))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (PASSPHRASE, True))
    page.identity.create_button.click()
    assert "fingerprint" in page.identity.state.text()
    assert IdentityStore(workspace.data_dir).info("Fatimé Zakaria")
    target = tmp_path / "out.acsgpkg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    page.buttons["export"].click()
    assert page.progress.isVisible()
    qtbot.waitUntil(lambda: not page.progress.isVisible(), timeout=30_000)
    assert "Package 1 written" in page.message.text() and target.exists()
    assert page.table.rowCount() == 1
    page.table.selectRow(0)
    page.buttons["sent"].click()
    assert page.table.item(0, 2).text() == "Sent"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(target), ""))
    page.buttons["verify"].click()
    qtbot.waitUntil(lambda: not page.progress.isVisible(), timeout=30_000)
    assert page.message.text().startswith("Everything holds.")


def test_wrong_passphrase_is_reported_and_nothing_written(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path, monkeypatch
) -> None:
    create_demo(workspace, "en")
    IdentityStore(workspace.data_dir).create(
        "Amina Mahamat", workspace.profiles.get(), PASSPHRASE.encode()
    )
    window = MainWindow(workspace, language)
    qtbot.addWidget(window)
    window.show()
    page = window.packages_page
    page.refresh()
    target = tmp_path / "out.acsgpkg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("wrong passphrase", True))
    page.buttons["export"].click()
    qtbot.waitUntil(lambda: bool(page.message.text()), timeout=30_000)
    assert "Wrong passphrase" in page.message.text()
    assert not target.exists()


def test_a_receipt_from_the_desk_acknowledges_the_package_and_an_encrypted_copy_is_written(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path, monkeypatch
) -> None:
    from acsg_desktop.core.desk.workspace import DeskWorkspace
    from acsg_desktop.core.records.receipts import RequestReply
    from acsg_desktop.core.records.requests import MatchStage
    from acsg_desktop.core.signing.confidential import is_encrypted

    demo = create_demo(workspace, "en")
    workspace.set_current_user("Fatimé Zakaria")
    IdentityStore(workspace.data_dir).create(
        "Fatimé Zakaria", workspace.profiles.get(), PASSPHRASE.encode()
    )
    package = tmp_path / "out.acsgpkg"
    workspace.exports.export(demo.baseline.id, "Fatimé Zakaria", PASSPHRASE.encode(), package, "en")
    desk_passphrase = b"the desk's own long passphrase"
    receipt = tmp_path / "out.acsgreceipt"
    with DeskWorkspace.open(tmp_path / "desk") as desk:
        desk.trust.create("Desk officer", desk_passphrase)
        [received] = desk.intake.intake([package], actor="Desk officer")
        assert received.package is not None
        request_id = next(r.id for r in workspace.requests.list() if r.status.value == "exported")
        reply = {request_id: RequestReply(request_id, MatchStage.PROPOSED, "A State offered.")}
        desk.packages.write_receipt(
            received.package.package_id, reply, desk_passphrase, receipt, actor="Desk officer"
        )
        trust = workspace.data_dir / "trust"
        trust.mkdir()
        (trust / "desk.pem").write_bytes(desk.trust.certificate_path.read_bytes())
        encryption = desk.trust.encryption_certificate_path
    window = MainWindow(workspace, language)
    qtbot.addWidget(window)
    window.show()
    page = window.packages_page
    window.show_area(window.pages.indexOf(page))
    page.table.selectRow(0)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(encryption), ""))
    page.buttons["encrypt"].click()
    assert is_encrypted((tmp_path / "out.acsgpkg.p7m").read_bytes())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(receipt), ""))
    page.buttons["receipt"].click()
    assert page.message.text() == "Receipt imported: the Secretariat answered on 1 request."
    assert page.table.item(0, 2).text() == "Acknowledged"
    assert workspace.requests.get(request_id).match_stage is MatchStage.PROPOSED
    page.buttons["receipt"].click()  # the same receipt again: refused, said, nothing changed
    assert page.message.text() == "This receipt was already imported."
