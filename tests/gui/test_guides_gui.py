import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.widgets.html_delegate import HTML_ROLE
from tests.core.helpers import CHAD
from tests.gui.helpers import open_main_window


def open_guides(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> MainWindow:
    window = open_main_window(qtbot, workspace, language)
    window.show_area(window.pages.indexOf(window.guides_page))
    return window


def test_search_as_you_type_in_french_and_read_side_by_side(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    language.apply("fr", remember=False)
    window = open_guides(qtbot, workspace, language)
    page = window.guides_page
    qtbot.keyClicks(page.search, "equite")
    assert page.model.rowCount() > 0
    assert "<u>équité</u>" in page.model.index(0, 0).data(HTML_ROLE)
    page.results.setCurrentIndex(page.model.index(0, 0))
    text = page.reader.browser.toPlainText()
    guide = page.reader.guide
    assert guide.texts["fr"].title in text and guide.texts["en"].title in text


def test_one_language_mode_bookmark_and_print(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path, monkeypatch
) -> None:
    window = open_guides(qtbot, workspace, language)
    page = window.guides_page
    page.open_guide("coi-unit-setup")
    page.reader.mode.setCurrentIndex(page.reader.mode.findData("fr"))
    text = page.reader.browser.toPlainText()
    assert "Créer un service" in text and "Setting up a country" not in text
    assert "This guide helps with these indicators" in text
    page.reader.bookmark.click()
    page.bookmarked.setChecked(True)
    assert page.model.rowCount() == 1
    target = tmp_path / "guide.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    page.reader.print_button.click()
    assert target.read_bytes().startswith(b"%PDF")


def test_filters_narrow_the_library(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_guides(qtbot, workspace, language)
    page = window.guides_page
    everything = page.model.rowCount()
    page.combos["type"].setCurrentIndex(page.combos["type"].findData("checklist"))
    assert 0 < page.model.rowCount() < everything


def test_indicator_links_open_the_guide(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_guides(qtbot, workspace, language)
    created = workspace.assessments.create("2026", 2026, actor=CHAD.contact_person)
    window.show_area(window.pages.indexOf(window.assessments_page))
    window.assessments_page.open_wizard(created.id)
    wizard = window.assessments_page.wizard
    wizard.show_step(wizard.navigator.go_to("appeals.effective-remedy"))
    links = wizard.indicator_page.guide_links.shown_buttons()
    link = next(b for b in links if b.property("link") == "appeals-body-effectiveness")
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Return)  # reached by Tab, followed by the keyboard
    assert window.pages.currentWidget() is window.guides_page
    assert window.guides_page.reader.guide.id == "appeals-body-effectiveness"


def test_import_button_installs_a_trusted_bundle_and_refuses_a_stranger(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path, monkeypatch
) -> None:
    from acsg_desktop.core.guides.bundle_build import bundle_bytes
    from acsg_desktop.core.guides.loader import shipped_guides_dir, shipped_version
    from acsg_desktop.core.signing.keys import certificate_pem, create_identity

    secretariat = create_identity("Editor", "ACSG Secretariat (test only)", "CH")
    stranger = create_identity("Stranger", "Elsewhere", "FR")
    trust = workspace.data_dir / "trust"
    trust.mkdir()
    (trust / "secretariat.pem").write_bytes(certificate_pem(secretariat.certificate))
    files = {p.name: p.read_bytes() for p in shipped_guides_dir().glob("*.*.md")}
    window = open_guides(qtbot, workspace, language)
    page = window.guides_page
    version = shipped_version() + 1
    installed = f"version {version} installed"
    for identity, expected in ((stranger, "Not installed"), (secretariat, installed)):
        bundle = tmp_path / f"{identity.certificate.serial_number}.acsgguides"
        bundle.write_bytes(bundle_bytes(files, identity, version))
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", lambda *_a, path=bundle, **_k: (str(path), "")
        )
        page.import_button.click()
        assert not page.import_button.isEnabled() and not page.search.isEnabled()
        assert not page.progress.isHidden()
        qtbot.waitUntil(lambda expected=expected: expected in page.message.text(), timeout=15000)
        assert page.import_button.isEnabled() and page.search.isEnabled()
        assert page.progress.isHidden()
    assert workspace.guides.installed_version() == version


def test_the_bundle_import_runs_off_the_gui_thread(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path, monkeypatch
) -> None:
    window = open_guides(qtbot, workspace, language)
    page = window.guides_page
    bundle = tmp_path / "any.acsgguides"
    bundle.write_bytes(b"not a bundle")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bundle), ""))
    threads: list[threading.Thread] = []
    real_import = workspace.guides.import_bundle

    def watched(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        return real_import(*args, **kwargs)

    monkeypatch.setattr(workspace.guides, "import_bundle", watched)
    page.import_button.click()
    assert "Checking and installing" in page.message.text()
    qtbot.waitUntil(lambda: "Not installed" in page.message.text(), timeout=15000)
    assert threads and threads[0] is not threading.main_thread()
    assert page.import_button.isEnabled() and page.progress.isHidden()
