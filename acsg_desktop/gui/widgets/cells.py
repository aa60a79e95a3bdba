"""A table cell for text that may have come from a file: shown on one line, its control, bidi
and zero-width characters made visible (``core.display``), as the list models show theirs."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidgetItem

from acsg_desktop.core.display import escape_controls, escape_line


def text_cell(text: str, tooltip: str | None = None, *, one_line: bool = True) -> QTableWidgetItem:
    """A cell showing ``text``; its tooltip is ``tooltip``, or the whole text (a narrow column
    elides it). A cell that wraps (``one_line=False``) keeps the text's own line feeds."""
    shown = escape_line(text) if one_line else escape_controls(text)
    cell = QTableWidgetItem(shown)
    cell.setToolTip(shown if tooltip is None else escape_controls(tooltip))
    return cell
