"""Honest controls: a button that cannot act is disabled, and its tooltip says why."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def allow(widget: QWidget, reason: str, what_it_does: str = "") -> None:
    """Enable ``widget`` unless there is a ``reason`` not to, which its tooltip then gives."""
    widget.setEnabled(not reason)
    widget.setToolTip(reason or what_it_does)
