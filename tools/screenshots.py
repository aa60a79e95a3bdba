"""Write PNGs of every main screen in English and French (``make screenshots``).

Runs on a virtual X screen when DISPLAY is set (xvfb-run), otherwise offscreen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.about_dialog import AboutDialog, workspace_versions
from acsg_desktop.gui.fonts import load_fonts
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.settings.first_run_dialog import FirstRunDialog
from acsg_desktop.gui.widgets.accessible_style import apply_accessible_look

SCREEN_SIZE = (1366, 768)
AREA_FILE_NAMES = (
    "overview",
    "assessments",
    "requests",
    "offers",
    "packages",
    "guides",
    "settings",
)
DEMO_USER = "Fatimé Zakaria"


def grab(widget: QWidget, target: Path) -> None:
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(target))
    print(target)


def shoot_assessment(window: MainWindow, out: Path, prefix: str) -> None:
    page = window.assessments_page
    window.show_area(window.pages.indexOf(page))
    follow_up = page.model.row_at(0).id
    page.open_wizard(follow_up)
    wizard = page.wizard
    assert wizard is not None
    grab(window, out / f"{prefix}-wizard-contexts.png")
    wizard.show_step(wizard.navigator.go_to("appeals.effective-remedy"))
    grab(window, out / f"{prefix}-wizard-indicator.png")
    wizard.show_step(wizard.navigator.go_to("review"))
    grab(window, out / f"{prefix}-wizard-review.png")
    page.show_results(follow_up)
    for tab in range(page.results.tabs.count()):
        page.results.tabs.setCurrentIndex(tab)
        grab(window, out / f"{prefix}-results-{tab + 1}.png")
    page.show_list()


def shoot_requests(window: MainWindow, out: Path, prefix: str) -> None:
    page = window.requests_page
    window.show_area(window.pages.indexOf(page))
    in_review = next(r for r in window._workspace.requests.list() if r.status.value == "in_review")
    page.open_editor(in_review.id)
    editor = page.editor
    assert editor is not None
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        grab(window, out / f"{prefix}-request-{tab + 1}.png")
    page.show_list()


def shoot_offers(window: MainWindow, out: Path, prefix: str) -> None:
    page = window.offers_page
    window.show_area(window.pages.indexOf(page))
    page.select_offer("EX-OFR-002")
    grab(window, out / f"{prefix}-offers-detail.png")
    page.tabs.setCurrentIndex(1)
    grab(window, out / f"{prefix}-offers-unmet-needs.png")
    page.tabs.setCurrentIndex(0)


def shoot_guides(window: MainWindow, out: Path, prefix: str) -> None:
    page = window.guides_page
    window.show_area(window.pages.indexOf(page))
    page.search.setText({"fr": "equite", "es": "rezago"}.get(prefix, "interpreter"))
    page.results.setCurrentIndex(page.results.model().index(0, 0))
    grab(window, out / f"{prefix}-guides-search.png")
    page.open_guide("working-with-interpreters")
    grab(window, out / f"{prefix}-guides-side-by-side.png")


def shoot_packages(window: MainWindow, out: Path, prefix: str) -> None:
    from acsg_desktop.core.package.identities import IdentityStore

    workspace = window._workspace
    passphrase = b"screenshot passphrase"
    IdentityStore(workspace.data_dir).create(DEMO_USER, workspace.profiles.get(), passphrase)
    baseline = workspace.assessments.list()[-1]
    target = out / f"{prefix}-package.acsgpkg"
    target.unlink(missing_ok=True)
    workspace.exports.export(baseline.id, DEMO_USER, passphrase, target, prefix)
    window.show_area(window.pages.indexOf(window.packages_page))
    grab(window, out / f"{prefix}-packages.png")


def shoot_language(app: QApplication, language_code: str, out: Path, home: Path) -> None:
    folder = home / language_code
    language = LanguageSwitcher(app, folder)
    with Workspace.open(folder) as workspace:
        language.apply(language_code, remember=False)
        dialog = FirstRunDialog(workspace.profiles, language)
        dialog.form.validate()
        grab(dialog, out / f"{language_code}-first-run-errors.png")
        dialog.close()
        create_demo(workspace, language_code)
        workspace.set_current_user(DEMO_USER)
        window = MainWindow(workspace, language)
        window.resize(*SCREEN_SIZE)
        for row in range(window.navigation.count()):
            window.show_area(row)
            grab(window, out / f"{language_code}-{row + 1}-{AREA_FILE_NAMES[row]}.png")
        shoot_assessment(window, out, language_code)
        shoot_requests(window, out, language_code)
        shoot_offers(window, out, language_code)
        shoot_guides(window, out, language_code)
        shoot_packages(window, out, language_code)
        about = AboutDialog(folder, window, workspace_versions(workspace))  # as Help > About
        grab(about, out / f"{language_code}-about.png")
        window.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "build/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([sys.argv[0]])
    load_fonts(app)
    apply_accessible_look(app)
    with tempfile.TemporaryDirectory() as home:
        for language_code in SUPPORTED_LANGUAGES:
            shoot_language(app, language_code, out, Path(home))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
