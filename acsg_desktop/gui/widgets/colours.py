"""Contrast between two colours, as WCAG 2 measures it (1:1 to 21:1)."""

from __future__ import annotations

from PySide6.QtGui import QColor


def relative_luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an opaque sRGB colour, 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.red())
        + 0.7152 * linear(colour.green())
        + 0.0722 * linear(colour.blue())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """(L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance over the darker one's."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
