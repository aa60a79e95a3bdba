"""Text size and high contrast for the whole application, applied live and remembered per data
folder (``settings.json``): one ``DisplayComfort`` per application, found with ``comfort()``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from acsg_desktop.core.preferences import load_settings, save_settings
from acsg_desktop.gui.fonts import FONT_POINT_SIZE
from acsg_desktop.gui.widgets.accessible_style import accessible_palette
from acsg_desktop.gui.widgets.dialog_fit import DialogsFitText
from acsg_desktop.gui.widgets.high_contrast import (
    HIGH_CONTRAST_PROPERTY,
    StyleSheetContrast,
    follow_mode,
    high_contrast_palette,
)

TEXT_SIZES = (90, 100, 115, 130, 150)  # % of the normal text size
NORMAL_SIZE = 100
SIZE_RESOLVED = 0x0002  # QFont::SizeResolved: the widget chose its own size (not in PySide6)


def text_size_of(stored: str) -> int:
    """A stored text size, or 100 % for anything that is not one of ``TEXT_SIZES``."""
    return int(stored) if stored.isdigit() and int(stored) in TEXT_SIZES else NORMAL_SIZE


class DisplayComfort(QObject):
    """What the View menu and the Settings page change; ``changed`` tells them to show it."""

    changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("display-comfort")
        self._app = app
        self.text_size = NORMAL_SIZE
        self.high_contrast = False
        self._data_dir: Path | None = None
        app.installEventFilter(StyleSheetContrast(self))
        app.installEventFilter(DialogsFitText(self))  # a larger text wraps onto more lines

    def attach(self, data_dir: Path) -> None:
        """Show what ``data_dir`` remembers (its later changes are saved there)."""
        self._data_dir = data_dir
        settings = load_settings(data_dir)
        self._apply(text_size_of(settings.text_size), settings.high_contrast == "on")

    def set_text_size(self, percent: int) -> None:
        """Show every text at ``percent`` of its normal size (one of ``TEXT_SIZES``)."""
        self._apply(text_size_of(str(percent)), self.high_contrast)
        self._save()

    def step_text_size(self, steps: int) -> None:
        """One size larger (1), smaller (-1), within ``TEXT_SIZES``."""
        index = TEXT_SIZES.index(self.text_size) + steps
        self.set_text_size(TEXT_SIZES[max(0, min(len(TEXT_SIZES) - 1, index))])

    def set_high_contrast(self, on: bool) -> None:
        """Switch high contrast on or off for every screen."""
        self._apply(self.text_size, on)
        self._save()

    def _apply(self, percent: int, high_contrast: bool) -> None:
        if percent != self.text_size:
            self._scale_fonts(percent, percent / self.text_size)
            self.text_size = percent
        if high_contrast != self.high_contrast:
            self.high_contrast = high_contrast
            self._show_contrast()
        self.changed.emit()

    def _scale_fonts(self, percent: int, ratio: float) -> None:
        """The application font, and every font a widget set for itself (a page title)."""
        font = QFont(self._app.font())
        font.setPointSizeF(FONT_POINT_SIZE * percent / NORMAL_SIZE)
        self._app.setFont(font)
        for widget in self._app.allWidgets():
            own = widget.font()
            if own.resolveMask() & SIZE_RESOLVED and own.pointSizeF() > 0:
                own.setPointSizeF(own.pointSizeF() * ratio)
                widget.setFont(own)

    def _show_contrast(self) -> None:
        self._app.setProperty(HIGH_CONTRAST_PROPERTY, self.high_contrast)
        standard = self._app.style().standardPalette()
        self._app.setPalette(
            high_contrast_palette(standard) if self.high_contrast else accessible_palette(standard)
        )
        for widget in self._app.allWidgets():
            follow_mode(widget)
            widget.update()

    def _save(self) -> None:
        if self._data_dir is None:
            return
        settings = load_settings(self._data_dir)
        settings.text_size = "" if self.text_size == NORMAL_SIZE else str(self.text_size)
        settings.high_contrast = "on" if self.high_contrast else ""
        save_settings(self._data_dir, settings)


def comfort() -> DisplayComfort:
    """The application's one ``DisplayComfort`` (made on first use)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    found = app.findChild(DisplayComfort, "display-comfort")
    return found if isinstance(found, DisplayComfort) else DisplayComfort(app)


def scaled_point_size(points: float) -> float:
    """``points`` at the text size shown now (for a font a widget sets for itself)."""
    return points * comfort().text_size / NORMAL_SIZE
