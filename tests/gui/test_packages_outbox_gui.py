"""The outbox of the Packages page: a paged list sorted in SQL, the report and the folder
opened, a tampered file shown as a failure, a receipt imported, an encrypted copy written."""

import zipfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.package.outbox import Outbox
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.packages.package_table_model import (
    COL_FILE,
    COL_LANGUAGE,
    COL_STATUS,
    PackageTableModel,
)
from acsg_desktop.gui.packages.status_banner import Outcome
from tests.gui.packages_helpers import (
    PASSPHRASE,
    SIGNATORY,
    Typist,
    cell,
    export,
    open_file,
    packages_page,
    save_to,
    with_identity,
)


def test_the_report_and_the_folder_open_after_an_export(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path, monkeypatch
) -> None:
    with_identity(workspace)
    page = packages_page(qtbot, workspace, language)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert not page.buttons["pdf"].isEnabled()
    assert page.buttons["pdf"].toolTip() == "No package has been made yet."
    target = tmp_path / "out.acsgpkg"
    save_to(monkeypatch, target)
    Typist(monkeypatch, PASSPHRASE)
    export(qtbot, page)
    assert "buttons below" in page.banner.text.text()
    page.buttons["pdf"].click()
    page.buttons["folder"].click()
    report, folder = (Path(url.toLocalFile()) for url in opened)
    with zipfile.ZipFile(target) as archive:
        assert report.read_bytes() == archive.read("report.pdf")
    assert folder == tmp_path
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    page.buttons["pdf"].click()
    assert page.banner.outcome is Outcome.FAILURE
    assert "No program on this computer could open" in page.banner.text.text()
    page.outbox_box.table.clearSelection()
    assert not page.buttons["folder"].isEnabled()
    assert page.buttons["folder"].toolTip() == "Choose a package in the list first."


def test_a_tampered_package_is_shown_as_a_failure(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path, monkeypatch
) -> None:
    with_identity(workspace)
    good = tmp_path / "good.acsgpkg"
    workspace.exports.export(
        workspace.assessments.list()[-1].id, SIGNATORY, PASSPHRASE.encode(), good, "en"
    )
    tampered = tmp_path / "tampered.acsgpkg"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(tampered, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data.replace(b'"year": 2025', b'"year": 2024'))
    page = packages_page(qtbot, workspace, language)
    open_file(monkeypatch, tampered)
    page.buttons["verify"].click()
    qtbot.waitUntil(lambda: not page.progress.isVisible(), timeout=30_000)
    banner = page.banner
    assert banner.outcome is Outcome.FAILURE and banner.isVisible()
    assert banner.text.text().startswith("Verification failed: do not trust this file.")
    assert "package.json: sha256:" in banner.text.text()
    assert "#b00020" in banner.styleSheet() and not banner.icon.pixmap().isNull()
    assert banner.accessibleName() == "Failed"


def test_the_outbox_model_reads_a_page_at_a_time_sorted_in_sql(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    with_identity(workspace)
    baseline = workspace.assessments.list()[-1].id
    for code in ("fr", "en"):
        out = tmp_path / f"{code}.acsgpkg"
        workspace.exports.export(baseline, SIGNATORY, PASSPHRASE.encode(), out, code)
    model = PackageTableModel(batch=1)
    model.set_query(Outbox(workspace.database).page)
    model.reload()
    assert model.rowCount() == 1 and model.canFetchMore()
    model.fetchMore()
    assert [model.row_at(row).sequence for row in range(2)] == [2, 1]
    model.sort(COL_LANGUAGE, Qt.SortOrder.AscendingOrder)
    model.fetchMore()
    assert [model.data(model.index(row, COL_LANGUAGE)) for row in range(2)] == ["English", "French"]
    tip = model.data(model.index(0, COL_FILE), Qt.ItemDataRole.ToolTipRole)
    assert tip == str(tmp_path / "en.acsgpkg")
    assert model.data(model.index(0, COL_FILE)) == "en.acsgpkg"


def test_a_receipt_from_the_desk_acknowledges_the_package_and_an_encrypted_copy_is_written(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path, monkeypatch
) -> None:
    from acsg_desktop.core.desk.workspace import DeskWorkspace
    from acsg_desktop.core.records.receipts import RequestReply
    from acsg_desktop.core.records.requests import MatchStage
    from acsg_desktop.core.signing.confidential import is_encrypted

    demo = create_demo(workspace, "en")
    IdentityStore(workspace.data_dir).create(
        SIGNATORY, workspace.profiles.get(), PASSPHRASE.encode()
    )
    package = tmp_path / "out.acsgpkg"
    workspace.exports.export(demo.baseline.id, SIGNATORY, PASSPHRASE.encode(), package, "en")
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
    page = packages_page(qtbot, workspace, language)
    assert not page.buttons["encrypt"].isEnabled()
    page.outbox_box.table.selectRow(0)
    open_file(monkeypatch, encryption)
    page.buttons["encrypt"].click()
    assert is_encrypted((tmp_path / "out.acsgpkg.p7m").read_bytes())
    open_file(monkeypatch, receipt)
    page.buttons["receipt"].click()
    assert page.banner.text.text() == "Receipt imported: the Secretariat answered on 1 request."
    assert cell(page, 0, COL_STATUS) == "Acknowledged"
    assert workspace.requests.get(request_id).match_stage is MatchStage.PROPOSED
    page.buttons["receipt"].click()  # the same receipt again: refused, said, nothing changed
    assert page.banner.text.text() == "This receipt was already imported."
    assert page.banner.outcome is Outcome.FAILURE
