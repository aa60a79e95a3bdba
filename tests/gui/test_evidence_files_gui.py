"""The answer panel's evidence files: attached by the button or by dropping files, listed with a
thumbnail for images and a type icon otherwise, with their size; opened as a read-only copy by
the system's viewer; removed after a question; refused files say why; a completed assessment's
files can still be opened, not changed."""

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.assessment import evidence_actions
from acsg_desktop.gui.assessment.evidence_box import EvidenceFilesBox
from acsg_desktop.gui.language import LanguageSwitcher
from tests.core.evidence.samples import PDF, PNG, write
from tests.gui.helpers import open_main_window
from tests.gui.test_wizard15 import open_wizard


def first_indicator_box(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, answered: bool = False
) -> EvidenceFilesBox:
    _window, wizard = open_wizard(qtbot, workspace, language, answered)
    wizard.show_step(wizard.framework.indicators[0].id)
    assert wizard.evidence_box is not None
    return wizard.evidence_box


def test_files_are_attached_listed_opened_and_removed(
    qtbot: QtBot,
    workspace: Workspace,
    language: LanguageSwitcher,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    box = first_indicator_box(qtbot, workspace, language)
    files = [write(tmp_path, "Décret 2025.pdf", PDF), write(tmp_path, "office.png", PNG)]
    monkeypatch.setattr(evidence_actions, "choose_files", lambda _parent: files)
    box.attach_button.click()
    texts = [box.files.item(row).text() for row in range(box.files.count())]
    assert texts == [
        "Décret 2025.pdf\nPDF document · 1\u00a0kB",
        "office.png\nPNG image · 1\u00a0kB",
    ]
    assert box.message.text() == "Attached: 2."
    pdf_icon, png_icon = (box.files.item(row).icon().pixmap(40, 40).toImage() for row in (0, 1))
    assert not png_icon.isNull() and png_icon != pdf_icon  # a thumbnail made from the bytes
    opened: list[Path] = []
    monkeypatch.setattr(
        evidence_actions, "open_with_system", lambda path: opened.append(path) or True
    )
    box.files.setCurrentRow(0)
    box.open_button.click()
    assert opened[0].name == "Décret 2025.pdf" and opened[0].read_bytes() == PDF
    monkeypatch.setattr(evidence_actions, "confirm_removal", lambda _parent, name: True)
    box.remove_button.click()
    assert [box.files.item(row).text().split("\n")[0] for row in range(box.files.count())] == [
        "office.png"
    ]
    assert box.message.text() == "Removed: Décret 2025.pdf."


def test_a_dropped_program_is_refused_with_the_reason(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path
) -> None:
    box = first_indicator_box(qtbot, workspace, language)
    mime = QMimeData()
    mime.setUrls(
        [
            QUrl.fromLocalFile(str(write(tmp_path, "setup.exe", b"MZ\x90"))),
            QUrl.fromLocalFile(str(write(tmp_path, "scan.pdf", PDF))),
        ]
    )
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    box.dropEvent(drop)
    assert box.files.count() == 1
    assert "setup.exe is refused" in box.message.text()


def test_a_completed_assessment_shows_its_files_to_open_only(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path
) -> None:
    window = open_main_window(qtbot, workspace, language)
    created = workspace.assessments.create("2026 review", 2026, actor="Amina")
    indicators = workspace.assessments.framework_of(created).indicators
    workspace.evidence.attach(
        created.id, indicators[0].id, write(tmp_path, "a.pdf", PDF), actor="Amina"
    )
    for indicator in indicators:
        answer = Answer(indicator.id, AnswerKind.LEVEL, level=2, answered_by="Amina")
        workspace.assessments.save_answer(created.id, answer, actor="Amina")
    workspace.assessments.complete(created.id, actor="Amina")
    window.assessments_page.open_wizard(created.id)
    wizard = window.assessments_page.wizard
    assert wizard is not None and wizard.evidence_box is not None
    wizard.show_step(indicators[0].id)
    box = wizard.evidence_box
    assert box.files.count() == 1 and box.open_button.isEnabled()
    assert box.attach_button.isHidden() and box.remove_button.isHidden()
