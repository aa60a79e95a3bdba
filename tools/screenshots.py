"""Write PNGs of every main screen in English and French (``make screenshots``)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES
from acsg_desktop.core.profile import Profile
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.about_dialog import AboutDialog
from acsg_desktop.gui.fonts import load_fonts
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.settings.first_run_dialog import FirstRunDialog

SCREEN_SIZE = (1366, 768)
AREA_FILE_NAMES = ("assessments", "requests", "packages", "guides", "settings")
DEMO_PROFILE = Profile(
    "TD",
    "Commission nationale d'accueil et de réinsertion des réfugiés",
    "Amina Mahamat",
    "amina.mahamat@example.org",
    "fr",
)


def grab(widget: QWidget, target: Path) -> None:
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(target))
    print(target)


def shoot_language(app: QApplication, language_code: str, out: Path, home: Path) -> None:
    folder = home / language_code
    language = LanguageSwitcher(app, folder)
    workspace = Workspace.open(folder)
    try:
        language.apply(language_code, remember=False)
        dialog = FirstRunDialog(workspace.profiles, language)
        dialog.form.validate()
        grab(dialog, out / f"{language_code}-first-run-errors.png")
        dialog.close()
        workspace.profiles.save(DEMO_PROFILE)
        window = MainWindow(workspace, language)
        window.resize(*SCREEN_SIZE)
        for row in range(window.navigation.count()):
            window.show_area(row)
            grab(window, out / f"{language_code}-{row + 1}-{AREA_FILE_NAMES[row]}.png")
        about = AboutDialog(folder, window)
        grab(about, out / f"{language_code}-about.png")
        window.close()
    finally:
        workspace.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "build/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([sys.argv[0]])
    load_fonts(app)
    with tempfile.TemporaryDirectory() as home:
        for language_code in SUPPORTED_LANGUAGES:
            shoot_language(app, language_code, out, Path(home))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
