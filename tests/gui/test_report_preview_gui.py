"""Preview the report…: the unsigned draft is written to a file only its user reads and handed
to the PDF reader; nothing is signed, recorded or locked, and no passphrase is asked."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package.outbox import Outbox
from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.packages.status_banner import Outcome
from tests.gui.packages_helpers import DRAFTER, packages_page


def test_preview_writes_the_draft_report_and_opens_it_without_signing(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    demo = create_demo(workspace, "en")
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toLocalFile()) or True
    )
    page = packages_page(qtbot, workspace, language, user=DRAFTER)  # not a signatory
    box = page.export_box
    assert not box.button.isEnabled() and box.preview_button.isEnabled()
    box.language.setCurrentIndex(box.language.findData("fr"))
    box.preview_button.click()
    qtbot.waitUntil(lambda: box.last_preview is not None, timeout=60_000)
    path = box.last_preview
    assert path is not None and opened == [str(path)]
    assert path.read_bytes().startswith(b"%PDF")
    assert path.name.startswith("acsg-2025-baseline-fr-draft-") and path.suffix == ".pdf"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert page.banner.outcome is Outcome.INFO and str(path) in page.banner.text.text()
    assert Outbox(workspace.database).packages() == []
    assert workspace.assessments.get(demo.baseline.id).status is AssessmentStatus.COMPLETED
    Path(path).unlink()


def test_preview_says_so_when_no_program_opens_the_draft(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    create_demo(workspace, "en")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    page = packages_page(qtbot, workspace, language)
    page.export_box.preview_button.click()
    qtbot.waitUntil(lambda: page.export_box.last_preview is not None, timeout=60_000)
    assert page.banner.outcome is Outcome.FAILURE
    assert "No program on this computer could open" in page.banner.text.text()
    assert page.export_box.preview_button.isEnabled()
    page.export_box.last_preview.unlink()
