"""The shipped font, so that text renders on a machine with no fonts installed."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from acsg_desktop.paths import resources_dir

FONT_FAMILY = "DejaVu Sans"
FONT_POINT_SIZE = 10


def load_fonts(app: QApplication) -> list[str]:
    """Register every TTF in ``resources/fonts`` and make DejaVu Sans the application font."""
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if FONT_FAMILY in families:
        font = QFont(FONT_FAMILY, FONT_POINT_SIZE)
        # Qt draws a label's Alt letter as a separate run, which loses the kerning its size was
        # measured with: « &Taille du texte » came out 2 pixels wider than its room and lost its
        # last letter. Without kerning, what is measured is what is drawn.
        font.setKerning(False)
        app.setFont(font)
    return families
