"""The Packages page: identity, export in the background with a passphrase asked again when
wrong, a report in the other language, who may sign, an empty list that explains itself, and a
page that fits 1366x768 in English and French."""

import contextlib
import zipfile
from pathlib import Path

from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.packages.package_table_model import COL_LANGUAGE, COL_STATUS
from acsg_desktop.gui.packages.status_banner import Outcome
from tests.gui.fit_checks import fit_problems
from tests.gui.helpers import open_main_window
from tests.gui.packages_helpers import (
    DRAFTER,
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


def test_create_identity_export_in_background_mark_sent_and_verify(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path, monkeypatch
) -> None:
    create_demo(workspace, "en")
    page = packages_page(qtbot, workspace, language)
    assert not page.buttons["export"].isEnabled()
    assert "signing identity above first" in page.buttons["export"].toolTip()
    typist = Typist(monkeypatch, "short", PASSPHRASE)
    page.identity.create_button.click()  # the short one is refused inside the dialog
    assert "fingerprint" in page.identity.state.text()
    assert IdentityStore(workspace.data_dir).info(SIGNATORY)
    assert not page.identity.create_button.isEnabled()
    target = tmp_path / "out.acsgpkg"
    save_to(monkeypatch, target)
    Typist(monkeypatch, PASSPHRASE)
    assert page.buttons["export"].isEnabled()
    page.buttons["export"].click()
    assert page.progress.isVisible() and not page.buttons["verify"].isEnabled()
    qtbot.waitUntil(lambda: not page.progress.isVisible(), timeout=60_000)
    assert "Package 1 written" in page.banner.text.text() and target.exists()
    assert page.banner.outcome is Outcome.SUCCESS
    assert page.outbox_box.model.rowCount() == 1 and page.outbox_box.selected() is not None
    page.buttons["sent"].click()
    assert cell(page, 0, COL_STATUS) == "Sent"
    assert not page.buttons["sent"].isEnabled()
    assert "ready to send" in page.buttons["sent"].toolTip()
    open_file(monkeypatch, target)
    page.buttons["verify"].click()
    qtbot.waitUntil(lambda: not page.progress.isVisible(), timeout=30_000)
    assert page.banner.text.text().startswith("Everything holds.")
    assert page.banner.outcome is Outcome.SUCCESS
    assert typist.problems == ["", "Choose a passphrase of at least 10 characters."]


def test_a_wrong_passphrase_asks_again_and_cancel_writes_nothing(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path, monkeypatch
) -> None:
    with_identity(workspace)
    page = packages_page(qtbot, workspace, language)
    target = tmp_path / "out.acsgpkg"
    save_to(monkeypatch, target)
    typist = Typist(monkeypatch, "wrong passphrase", None)
    page.buttons["export"].click()
    qtbot.waitUntil(lambda: not typist.answers and not page.progress.isVisible(), timeout=30_000)
    assert typist.problems == ["", "That passphrase is not right; try again."]
    assert not target.exists() and page.outbox_box.model.rowCount() == 0
    assert page.banner.text.text() == "Export cancelled: nothing was written."
    assert page.banner.outcome is Outcome.INFO
    typist = Typist(monkeypatch, "still wrong", PASSPHRASE)
    export(qtbot, page)
    assert typist.problems == ["", "That passphrase is not right; try again."]
    assert target.exists() and page.outbox_box.model.rowCount() == 1


def test_a_french_report_after_an_english_one_is_a_second_package(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path, monkeypatch
) -> None:
    with_identity(workspace)
    page = packages_page(qtbot, workspace, language)
    box = page.export_box
    for code in ("en", "fr", "fr"):
        box.language.setCurrentIndex(box.language.findData(code))
        save_to(monkeypatch, tmp_path / f"{code}-{page.outbox_box.model.rowCount()}.acsgpkg")
        Typist(monkeypatch, PASSPHRASE)
        export(qtbot, page)
    assert page.outbox_box.model.rowCount() == 2
    assert [cell(page, row, COL_LANGUAGE) for row in (0, 1)] == ["French", "English"]
    assert "already exported in French as package 2" in page.banner.text.text()
    assert not (tmp_path / "fr-2.acsgpkg").exists()
    with zipfile.ZipFile(tmp_path / "fr-1.acsgpkg") as archive:
        assert b'"language": "fr"' in archive.read("package.json")
    assert box.language.currentData() == "fr"  # the choice is kept after an export


def test_only_a_signatory_may_export_or_create_an_identity(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    create_demo(workspace, "en")
    page = packages_page(qtbot, workspace, language, user=DRAFTER)
    refusal = f"Only a signatory signs and exports the package; {DRAFTER} is not one."
    for button in (page.buttons["export"], page.identity.create_button):
        assert not button.isEnabled() and button.toolTip() == refusal
    assert page.export_box.hint.text() == refusal


def test_the_list_explains_itself_and_follows_the_assessments(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    with_identity(workspace)
    baseline = workspace.assessments.list()[-1].id
    workspace.assessments.reopen(baseline, actor=SIGNATORY, reason="One answer to check.")
    window = open_main_window(qtbot, workspace, language, SIGNATORY)
    window.show_area(window.pages.indexOf(window.packages_page))
    page = window.packages_page
    assert page.export_box.assessment.count() == 0
    assert page.export_box.hint.text().startswith("Nothing to export yet")
    assert not page.buttons["export"].isEnabled()
    assert page.buttons["export"].toolTip().startswith("Nothing to export yet")
    assert page.outbox_box.empty.isVisible()
    workspace.assessments.complete(baseline, actor=SIGNATORY)
    window.show_area(window.pages.indexOf(window.assessments_page))
    window.show_area(window.pages.indexOf(page))
    assert page.export_box.assessment.count() == 1 and page.buttons["export"].isEnabled()


def test_the_page_fits_in_english_and_french_with_packages(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path
) -> None:
    with_identity(workspace)
    baseline = workspace.assessments.list()[-1].id
    for code in ("en", "fr"):
        path = tmp_path / f"a-long-file-name-for-the-{code}-package-of-the-baseline.acsgpkg"
        workspace.exports.export(baseline, SIGNATORY, PASSPHRASE.encode(), path, code)
    window = open_main_window(qtbot, workspace, language, SIGNATORY)
    page = window.packages_page
    window.show_area(window.pages.indexOf(page))
    for code in ("en", "fr"):
        language.apply(code, remember=False)
        page.say(Outcome.FAILURE, "A failure.\nOn two lines.")
        with contextlib.suppress(WaitTimeout):  # the switch lays out over several events
            qtbot.waitUntil(lambda: not fit_problems(window), timeout=3000)
        assert fit_problems(window) == [], code
