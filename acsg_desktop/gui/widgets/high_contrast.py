"""High contrast: white text on black, yellow for the selection, the focus and the links; 7:1
or more everywhere (WCAG AAA).

Three things carry it to every screen: the application palette; ``StyleSheetContrast``, which
rewrites each widget's own style sheet as it is set (a banner's pale background becomes black,
its dark text a light shade of the same hue); and ``colour_for_mode`` for what is painted by
hand (charts, item-view brushes).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from acsg_desktop.gui.widgets.colours import contrast_ratio

HIGH_CONTRAST_PROPERTY = "acsg-high-contrast"
ORIGINAL_SHEET_PROPERTY = "acsg-normal-style-sheet"
BLACK, WHITE, YELLOW = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
AAA = 7.0
HC_FOCUS_COLOUR = YELLOW
_ROLE = QPalette.ColorRole
HC_COLOURS = {
    _ROLE.Window: BLACK,
    _ROLE.WindowText: WHITE,
    _ROLE.Base: BLACK,
    _ROLE.AlternateBase: QColor("#1c1c1c"),
    _ROLE.Text: WHITE,
    _ROLE.Button: QColor("#1c1c1c"),
    _ROLE.ButtonText: WHITE,
    _ROLE.BrightText: YELLOW,
    _ROLE.Light: QColor("#e0e0e0"),
    _ROLE.Midlight: QColor("#a0a0a0"),
    _ROLE.Mid: QColor("#b0b0b0"),
    _ROLE.Dark: QColor("#d0d0d0"),
    _ROLE.Shadow: WHITE,
    _ROLE.Highlight: YELLOW,
    _ROLE.HighlightedText: BLACK,
    _ROLE.Link: YELLOW,
    _ROLE.LinkVisited: QColor("#ffb3ff"),
    _ROLE.PlaceholderText: QColor("#c8c8c8"),
    _ROLE.ToolTipBase: BLACK,
    _ROLE.ToolTipText: WHITE,
}
HC_DISABLED = {
    _ROLE.WindowText: QColor("#b0b0b0"),  # 9.9:1 on black: still readable, visibly dimmer
    _ROLE.Text: QColor("#b0b0b0"),
    _ROLE.ButtonText: QColor("#b0b0b0"),
    _ROLE.Highlight: QColor("#4d4d4d"),
    _ROLE.HighlightedText: WHITE,
}
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
_DECLARATION = re.compile(r"(?P<name>[a-z-]+)\s*:\s*(?P<value>[^;{}]*)")


def high_contrast_on() -> bool:
    """True while the application shows high contrast."""
    app = QApplication.instance()
    return bool(app is not None and app.property(HIGH_CONTRAST_PROPERTY))


def high_contrast_palette(base: QPalette) -> QPalette:
    """``base`` with the colours above, in every group."""
    palette = QPalette(base)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in HC_COLOURS.items():
            palette.setColor(group, role, colour)
    for role, colour in HC_COLOURS.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, HC_DISABLED.get(role, colour))
    return palette


def light_on_black(colour: QColor) -> QColor:
    """The same hue made light enough to read on black (7:1 or more)."""
    hue, saturation = colour.hslHueF(), colour.hslSaturationF()
    lightness, shade = colour.lightnessF(), QColor(colour)
    while contrast_ratio(shade, BLACK) < AAA and lightness < 1:
        lightness = min(1.0, lightness + 0.04)
        shade = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
    return shade


def colour_for_mode(colour: QColor, background: bool = False) -> QColor:
    """``colour`` as high contrast shows it (a background: black), else unchanged."""
    if not high_contrast_on():
        return colour
    return BLACK if background else light_on_black(colour)


def _rewrite_declaration(match: re.Match[str]) -> str:
    name, value = match.group("name"), match.group("value")
    on_background = name.startswith("background")
    rewritten = _HEX.sub(
        lambda hex_match: (
            BLACK.name() if on_background else light_on_black(QColor(hex_match.group(0))).name()
        ),
        value,
    )
    return f"{name}: {rewritten}"


def high_contrast_sheet(sheet: str) -> str:
    """``sheet`` with black backgrounds, and light text and borders of the same hues."""
    return _DECLARATION.sub(_rewrite_declaration, sheet)


class StyleSheetContrast(QObject):
    """Installed on the application: each widget's own style sheet follows the mode, the
    moment it is set (Qt sends ``StyleChange``) and when the mode changes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange and isinstance(watched, QWidget):
            follow_mode(watched)
        return False


def follow_mode(widget: QWidget) -> None:
    """Give ``widget`` the style sheet of the mode shown now (its own one kept aside)."""
    sheet = widget.styleSheet()
    kept = widget.property(ORIGINAL_SHEET_PROPERTY)
    ours = kept is not None and sheet == high_contrast_sheet(str(kept))
    original = str(kept) if ours else sheet  # ours: the one it was given is kept aside
    wanted = high_contrast_sheet(original) if high_contrast_on() else original
    if not _HEX.search(original):
        return
    widget.setProperty(ORIGINAL_SHEET_PROPERTY, original)
    if sheet != wanted:
        widget.setStyleSheet(wanted)
